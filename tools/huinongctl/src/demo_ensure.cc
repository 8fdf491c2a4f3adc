// Creating or adopting one demo object; see demo_ensure.h.
#include "tools/huinongctl/src/demo_ensure.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/calendar_format.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

type::v1::Date Day(const std::string& text) {
  absl::StatusOr<type::v1::Date> date = ParseDate(text);
  return date.ok() ? *date : type::v1::Date();  // the plan's dates are literals
}

bool IsReason(const absl::Status& status, absl::StatusCode code, const char* reason) {
  return status.code() == code && rpc::ReasonOf(status) == reason;
}

}  // namespace

Table DemoSummary(const DemoTally& tally) {
  Table table({"OBJECTS", "TOTAL"});
  for (const auto& [kind, counts] : tally) {
    if (counts.total > 0) table.AddRow({kind, absl::StrCat(counts.total)});
  }
  return table;
}

bool CreatedSince(const google::protobuf::Timestamp& create_time, absl::Time start) {
  const absl::Time made = absl::FromUnixSeconds(create_time.seconds()) + absl::Nanoseconds(create_time.nanos());
  if (create_time.nanos() == 0) return made >= absl::FromUnixSeconds(absl::ToUnixSeconds(start));
  return made >= start;
}

DemoLoad::DemoLoad(const OrgClient& org, absl::Time start) : org_(org), start_(start) {
  for (const char* kind :
       {"units", "posts", "quotas", "staff", "assignments", "policies", "standards", "chains", "calendars",
        "loan policies", "products", "borrowers", "applications", "draws", "risk funds", "fund contributions",
        "repayments", "write-offs", "compensation claims", "subsidy claims", "extensions", "return visits"}) {
    kinds_.emplace_back(kind, std::vector<google::protobuf::Timestamp>{});
  }
}

void DemoLoad::Count(const std::string& kind, const google::protobuf::Timestamp& create_time) {
  for (auto& [name, times] : kinds_) {
    if (name == kind) times.push_back(create_time);
  }
}

DemoTally DemoLoad::tally() const {
  DemoTally tally;
  for (const auto& [kind, times] : kinds_) {
    DemoCount counts{.total = static_cast<int>(times.size())};
    for (const google::protobuf::Timestamp& t : times) {
      if (CreatedSince(t, start_ + server_clock_offset_)) ++counts.created;
    }
    tally.emplace_back(kind, counts);
  }
  return tally;
}

v1::CreatePostRequest DemoPostRequest(const DemoPost& demo, const std::string& unit, const std::string& superior) {
  v1::CreatePostRequest request;
  request.set_request_id("demo:post:" + demo.key);
  v1::Post& post = *request.mutable_post();
  post.set_unit(unit);
  post.set_title(demo.title);
  post.set_code(demo.code);
  post.set_kind(demo.kind);
  post.set_head(demo.head);
  post.set_deputy(demo.deputy);
  for (const std::string& c : demo.capabilities) post.add_capabilities(c);
  post.set_superior_post(superior);
  for (const std::string& d : demo.duties) post.add_duties()->set_text(d);
  if (!demo.required_qualification.empty()) {
    v1::QualificationGroup& group = *post.add_qualification_groups();
    group.set_title("资格");
    group.set_mode(v1::QUALIFICATION_GROUP_MODE_ALL_OF);
    group.set_requirement(v1::QUALIFICATION_REQUIREMENT_REQUIRED);
    v1::Qualification& item = *group.add_items();
    item.set_code(demo.required_qualification);
    item.set_description("信贷人员资格考试合格");
    item.set_kind(v1::QUALIFICATION_KIND_EXAM);
  }
  post.set_status(v1::POST_STATUS_ACTIVE);
  *post.mutable_effective_from() = Day(kDemoFrom);
  return request;
}

// Brings an adopted post's title, capabilities and duties to the demo's
// current definition, so re-running `demo load` after an upgrade leaves the
// demo as the new code describes it.
absl::StatusOr<v1::Post> DemoLoad::Refresh(const v1::Post& wanted, const v1::Post& found) {
  auto same = [](const auto& a, const auto& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.SerializeAsString() == y.SerializeAsString(); });
  };
  const bool duties_same = same(wanted.duties(), found.duties());
  const bool capabilities_same =
      std::equal(wanted.capabilities().begin(), wanted.capabilities().end(), found.capabilities().begin(),
                 found.capabilities().end());
  if (wanted.title() == found.title() && duties_same && capabilities_same) return found;
  v1::UpdatePostRequest update;
  const std::string id = found.name().substr(found.name().find('/') + 1);
  update.set_request_id(absl::StrCat("demo:post-refresh:", id, ":", found.etag()));
  v1::Post& post = *update.mutable_post();
  post.set_name(found.name());
  post.set_etag(found.etag());
  post.set_title(wanted.title());
  *post.mutable_capabilities() = wanted.capabilities();
  *post.mutable_duties() = wanted.duties();
  for (const char* path : {"title", "capabilities", "duties"}) update.mutable_update_mask()->add_paths(path);
  return org_.Call<v1::Post>(&v1::PostService::Stub::UpdatePost, update);
}

absl::StatusOr<v1::Post> DemoLoad::Post(const DemoPost& demo, const std::string& unit, const std::string& superior) {
  const v1::CreatePostRequest request = DemoPostRequest(demo, unit, superior);
  absl::StatusOr<v1::Post> post = org_.Call<v1::Post>(&v1::PostService::Stub::CreatePost, request);
  // REQUEST_ID_REUSED: the post was loaded from an earlier version of the
  // demo whose definition has since changed (a capability renamed, say).
  const bool changed = IsReason(post.status(), absl::StatusCode::kInvalidArgument, "REQUEST_ID_REUSED");
  if (absl::IsAlreadyExists(post.status()) || changed ||
      IsReason(post.status(), absl::StatusCode::kFailedPrecondition, "HEAD_POST_EXISTS")) {
    v1::ListPostsRequest list;
    list.set_unit(unit);
    list.set_code(demo.code);
    ASSIGN_OR_RETURN(const v1::ListPostsResponse found, org_.Call<v1::ListPostsResponse>(&v1::PostService::Stub::ListPosts, list));
    if (found.posts().empty()) return post.status();
    post = found.posts(0);
    if (changed) post = Refresh(request.post(), *post);
  }
  if (post.ok()) Count("posts", post->create_time());
  return post;
}

absl::Status DemoLoad::Quota(v1::CreateQuotaRequest request) {
  v1::Quota& quota = *request.mutable_quota();
  *quota.mutable_approval_date() = Day(kDemoApproval);
  *quota.mutable_effective_from() = Day(kDemoFrom);
  absl::StatusOr<v1::Quota> made = org_.Call<v1::Quota>(&v1::PostService::Stub::CreateQuota, request);
  if (IsReason(made.status(), absl::StatusCode::kAlreadyExists, "QUOTA_EXISTS")) {
    v1::ListQuotasRequest list;
    list.set_unit(quota.unit());
    list.set_post(quota.post());
    *list.mutable_as_of() = quota.effective_from();
    ASSIGN_OR_RETURN(const v1::ListQuotasResponse found, org_.Call<v1::ListQuotasResponse>(&v1::PostService::Stub::ListQuotas, list));
    for (const v1::Quota& q : found.quotas()) {
      if (q.post() == quota.post()) made = q;
    }
  }
  if (!made.ok()) return Rephrased(made.status(), absl::StrCat(request.request_id(), ": ", made.status().message()));
  Count("quotas", made->create_time());
  return absl::OkStatus();
}

absl::Status DemoLoad::PostQuota(const DemoPost& demo, const v1::Post& post) {
  v1::CreateQuotaRequest request;
  request.set_request_id("demo:quota:" + demo.key);
  v1::Quota& quota = *request.mutable_quota();
  quota.set_unit(post.unit());
  quota.set_post(post.name());
  quota.set_kind(v1::QUOTA_KIND_EXACT);
  quota.set_min_headcount(demo.seats);
  quota.set_max_headcount(demo.seats);
  quota.set_approved_by(demo.approved_by);
  return Quota(std::move(request));
}

absl::Status DemoLoad::UnitQuota(const DemoUnitQuota& demo, const std::string& unit) {
  v1::CreateQuotaRequest request;
  request.set_request_id(absl::StrCat("demo:unit-quota:", demo.unit));
  v1::Quota& quota = *request.mutable_quota();
  quota.set_unit(unit);
  quota.set_kind(v1::QUOTA_KIND_EXACT);
  quota.set_min_headcount(demo.seats);
  quota.set_max_headcount(demo.seats);
  quota.set_approved_by(demo.approved_by);
  return Quota(std::move(request));
}

absl::StatusOr<v1::Staff> DemoLoad::Staff(const DemoStaff& demo) {
  v1::CreateStaffRequest request;
  request.set_request_id("demo:staff:" + demo.key);
  v1::Staff& staff = *request.mutable_staff();
  staff.set_display_name(demo.display_name);
  staff.set_employee_number(demo.employee_number);
  staff.set_phone(demo.phone);
  staff.set_status(v1::STAFF_STATUS_ACTIVE);
  for (const std::string& code : demo.qualifications) {
    v1::HeldQualification& q = *staff.add_qualifications();
    q.set_code(code);
    q.set_kind(v1::QUALIFICATION_KIND_EXAM);
    *q.mutable_obtained_date() = Day("2024-06-30");
  }
  absl::StatusOr<v1::Staff> made = org_.Call<v1::Staff>(&v1::StaffService::Stub::CreateStaff, request);
  if (IsReason(made.status(), absl::StatusCode::kAlreadyExists, "DUPLICATE_EMPLOYEE_NUMBER")) {
    v1::ListStaffRequest list;
    list.set_display_name_prefix(demo.display_name);
    list.set_page_size(kFullPage);
    ASSIGN_OR_RETURN(const v1::ListStaffResponse found, org_.Call<v1::ListStaffResponse>(&v1::StaffService::Stub::ListStaff, list));
    for (const v1::Staff& s : found.staff()) {
      if (s.employee_number() == demo.employee_number) made = s;
    }
  }
  if (made.ok()) Count("staff", made->create_time());
  return made;
}

v1::CreateAssignmentRequest DemoAssignmentRequest(const DemoAssignment& demo,
                                                  const std::map<std::string, std::string>& staff,
                                                  const std::string& post) {
  v1::CreateAssignmentRequest request;
  request.set_request_id("demo:assignment:" + demo.key);
  v1::Assignment& a = *request.mutable_assignment();
  a.set_staff(staff.at(demo.staff));
  a.set_post(post);
  a.set_kind(demo.kind);
  *a.mutable_effective_from() = Day(demo.from);
  if (!demo.to.empty()) *a.mutable_effective_to() = Day(demo.to);
  if (demo.kind == v1::ASSIGNMENT_KIND_ACTING) {
    v1::Delegation& d = *a.mutable_delegation();
    d.set_acting_for(staff.at(demo.acting_for));
    d.set_delegated_by(staff.at(demo.delegated_by));
    d.set_reason(demo.reason);
  }
  a.set_note(demo.note);
  return request;
}

absl::Status DemoLoad::Assignment(const DemoAssignment& demo, const std::map<std::string, std::string>& staff,
                                  const std::string& post) {
  const v1::CreateAssignmentRequest request = DemoAssignmentRequest(demo, staff, post);
  absl::StatusOr<v1::Assignment> made = org_.Call<v1::Assignment>(&v1::StaffService::Stub::CreateAssignment, request);
  if (IsReason(made.status(), absl::StatusCode::kFailedPrecondition, "ALREADY_HOLDS_POST") ||
      IsReason(made.status(), absl::StatusCode::kFailedPrecondition, "PRIMARY_EXISTS")) {
    v1::ListAssignmentsRequest list;
    list.set_staff(request.assignment().staff());
    list.set_post(post);
    list.set_all_dates(true);
    ASSIGN_OR_RETURN(const v1::ListAssignmentsResponse found,
                     org_.Call<v1::ListAssignmentsResponse>(&v1::StaffService::Stub::ListAssignments, list));
    for (const v1::Assignment& a : found.assignments()) {
      if (a.kind() == demo.kind) made = a;
    }
  }
  if (!made.ok()) return made.status();
  Count("assignments", made->create_time());
  return absl::OkStatus();
}

absl::Status DemoLoad::Policy(const DemoPolicy& demo, const std::string& unit) {
  v1::CreateConcurrencyPolicyRequest request;
  request.set_request_id("demo:policy:" + demo.key);
  v1::ConcurrencyPolicy& policy = *request.mutable_policy();
  policy.set_unit(unit);
  policy.set_title(demo.title);
  for (const std::vector<std::string>& codes : demo.whitelist) {
    v1::AllowedCombination& combination = *policy.add_whitelist();
    for (const std::string& code : codes) combination.add_posts()->set_post_code(code);
  }
  absl::StatusOr<v1::ConcurrencyPolicy> made =
      org_.Call<v1::ConcurrencyPolicy>(&v1::StaffService::Stub::CreateConcurrencyPolicy, request);
  if (IsReason(made.status(), absl::StatusCode::kAlreadyExists, "POLICY_EXISTS")) {
    v1::ListConcurrencyPoliciesRequest list;
    list.set_applies_to_unit(unit);
    ASSIGN_OR_RETURN(const v1::ListConcurrencyPoliciesResponse found,
                     org_.Call<v1::ListConcurrencyPoliciesResponse>(&v1::StaffService::Stub::ListConcurrencyPolicies, list));
    for (const v1::ConcurrencyPolicy& p : found.policies()) {
      if (p.unit() == unit) made = p;
    }
  }
  if (!made.ok()) return made.status();
  Count("policies", made->create_time());
  return absl::OkStatus();
}

absl::Status DemoLoad::Standard(const DemoStandard& demo) {
  // Standards have no unique key the server would refuse a copy by, so look first.
  v1::ListStaffingStandardsRequest list;
  list.set_title_contains(demo.standard.title());
  ASSIGN_OR_RETURN(const v1::ListStaffingStandardsResponse found,
                   org_.Call<v1::ListStaffingStandardsResponse>(&v1::StaffingService::Stub::ListStaffingStandards, list));
  for (const v1::StaffingStandard& s : found.standards()) {
    if (s.title() == demo.standard.title()) {
      Count("standards", s.create_time());
      return absl::OkStatus();
    }
  }
  v1::CreateStaffingStandardRequest request;
  request.set_request_id("demo:standard:" + demo.key);
  *request.mutable_standard() = demo.standard;
  ASSIGN_OR_RETURN(const v1::StaffingStandard made,
                   org_.Call<v1::StaffingStandard>(&v1::StaffingService::Stub::CreateStaffingStandard, request));
  Count("standards", made.create_time());
  return absl::OkStatus();
}

v1::CreateApprovalChainRequest DemoChainRequest(const DemoChain& demo, const std::map<int, std::string>& units) {
  v1::CreateApprovalChainRequest request;
  request.set_request_id("demo:chain:" + demo.key);
  v1::ApprovalChain& chain = *request.mutable_chain();
  chain.set_unit(units.at(demo.unit));
  chain.set_title(demo.title);
  for (const DemoChainStep& s : demo.steps) {
    v1::ApprovalStepTemplate& step = *chain.add_steps();
    step.set_title(s.title);
    step.set_required_capability(s.capability);
    step.set_at_unit(units.at(s.at_unit));
    for (const v1::ChangeKind kind : s.applies_to) step.add_applies_to(kind);
  }
  chain.set_require_change_requests(demo.require_change_requests);
  return request;
}

absl::Status DemoLoad::Chain(const DemoChain& demo, const std::map<int, std::string>& units) {
  // One chain per unit: a chain already on the unit (ours from an earlier run,
  // or one somebody else made) is kept as it is. Without any chain that
  // applies, the server answers NOT_FOUND.
  const v1::CreateApprovalChainRequest request = DemoChainRequest(demo, units);
  const std::string& unit = request.chain().unit();
  v1::ListApprovalChainsRequest list;
  list.set_applies_to_unit(unit);
  absl::StatusOr<v1::ListApprovalChainsResponse> found =
      org_.Call<v1::ListApprovalChainsResponse>(&v1::ChangeService::Stub::ListApprovalChains, list);
  if (!found.ok() && !absl::IsNotFound(found.status())) return found.status();
  if (found.ok()) {
    for (const v1::ApprovalChain& c : found->chains()) {
      if (c.unit() != unit) continue;
      Count("chains", c.create_time());
      return absl::OkStatus();
    }
  }
  ASSIGN_OR_RETURN(const v1::ApprovalChain made,
                   org_.Call<v1::ApprovalChain>(&v1::ChangeService::Stub::CreateApprovalChain, request));
  Count("chains", made.create_time());
  return absl::OkStatus();
}

absl::StatusOr<v1::CreateWorkCalendarRequest> DemoCalendarRequest(const DemoCalendar& demo, const std::string& unit) {
  v1::CreateWorkCalendarRequest request;
  request.set_request_id("demo:calendar:" + demo.key);
  v1::WorkCalendar& calendar = *request.mutable_calendar();
  calendar.set_unit(unit);
  calendar.set_display_name(demo.display_name);
  absl::StatusOr<v1::WorkCalendarVersion> version = ParseCalendarFile(demo.file);
  if (!version.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("the demo calendar file: ", version.status().message()));
  }
  *calendar.mutable_version() = *std::move(version);
  return request;
}

absl::Status DemoLoad::Calendar(const DemoCalendar& demo, const std::string& unit) {
  ASSIGN_OR_RETURN(const v1::CreateWorkCalendarRequest request, DemoCalendarRequest(demo, unit));
  absl::StatusOr<v1::WorkCalendar> made =
      org_.Call<v1::WorkCalendar>(&v1::CalendarService::Stub::CreateWorkCalendar, request);
  if (IsReason(made.status(), absl::StatusCode::kAlreadyExists, "CALENDAR_EXISTS")) {
    // The unit's own calendar, whoever made it, stays as it is.
    v1::GetWorkCalendarRequest get;
    get.set_unit(unit);
    made = org_.Call<v1::WorkCalendar>(&v1::CalendarService::Stub::GetWorkCalendar, get);
  }
  if (!made.ok()) return made.status();
  Count("calendars", made->create_time());
  return absl::OkStatus();
}

}  // namespace huinong::ctl
