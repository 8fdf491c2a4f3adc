// `huinongctl post|staff|assign|assignment ...`: posts, staff and
// assignments of svc-org from the shell. Writes carry a request id (given or
// a new ULID, printed) so a retry after a timeout is safe.
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

template <typename Enum>
absl::StatusOr<Enum> EnumFlag(absl::StatusOr<Enum> parsed) {
  if (!parsed.ok()) return AsUsageError(parsed.status());
  return parsed;
}

absl::Status PostCreate(const Invocation& inv, const OrgClient& org) {
  v1::CreatePostRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Post& post = *request.mutable_post();
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  post.set_unit(ResourceName("units", unit));
  ASSIGN_OR_RETURN(*post.mutable_title(), RequiredFlag(inv, "title"));
  ASSIGN_OR_RETURN(const std::string kind, RequiredFlag(inv, "kind"));
  ASSIGN_OR_RETURN(const v1::PostKind parsed, EnumFlag(ParsePostKind(kind)));
  post.set_kind(parsed);
  post.set_code(inv.config.String("code"));
  absl::StatusOr<bool> head = inv.config.Bool("head", false);
  absl::StatusOr<bool> deputy = inv.config.Bool("deputy", false);
  if (!head.ok()) return AsUsageError(head.status());
  if (!deputy.ok()) return AsUsageError(deputy.status());
  post.set_head(*head);
  post.set_deputy(*deputy);
  if (inv.config.Has("superior")) post.set_superior_post(ResourceName("posts", inv.config.String("superior")));
  if (const auto it = inv.repeated.find("capability"); it != inv.repeated.end()) {
    for (const std::string& c : it->second) post.add_capabilities(c);
  }
  if (const auto it = inv.repeated.find("duty"); it != inv.repeated.end()) {
    for (const std::string& d : it->second) post.add_duties()->set_text(d);
  }
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "effective_from", post.mutable_effective_from(), &set));
  absl::StatusOr<v1::Post> made = org.Call<v1::Post>(&v1::PostService::Stub::CreatePost, request);
  if (!made.ok()) return WithRequestId(made.status(), request.request_id());
  if (inv.json) return PrintProtoJson(*made);
  std::cout << "created " << PostLabel(*made) << "\nrequest_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status PostGet(const Invocation& inv, const OrgClient& org) {
  v1::GetPostRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "post (posts/ID)"));
  request.set_name(ResourceName("posts", name));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  ASSIGN_OR_RETURN(const v1::Post post, org.Call<v1::Post>(&v1::PostService::Stub::GetPost, request));
  if (inv.json) return PrintProtoJson(post);
  std::cout << PostDetail(post);
  return absl::OkStatus();
}

absl::Status PostList(const Invocation& inv, const OrgClient& org) {
  v1::ListPostsRequest request;
  if (inv.config.Has("unit")) request.set_unit(ResourceName("units", inv.config.String("unit")));
  absl::StatusOr<bool> subtree = inv.config.Bool("subtree", false);
  if (!subtree.ok()) return AsUsageError(subtree.status());
  request.set_include_subtree(*subtree);
  request.set_capability(inv.config.String("capability"));
  request.set_code(inv.config.String("code"));
  ASSIGN_OR_RETURN(const int size, CountFlag(inv, "page_size", kFullPage));
  request.set_page_size(size);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  std::vector<v1::Post> posts;
  v1::ListPostsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListPostsResponse page, org.Call<v1::ListPostsResponse>(&v1::PostService::Stub::ListPosts, request));
    for (v1::Post& p : *page.mutable_posts()) posts.push_back(p);
    all.mutable_posts()->MergeFrom(page.posts());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  std::cout << PostTable(posts).Render();
  return absl::OkStatus();
}

absl::Status StaffCreate(const Invocation& inv, const OrgClient& org) {
  v1::CreateStaffRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Staff& staff = *request.mutable_staff();
  ASSIGN_OR_RETURN(*staff.mutable_display_name(), RequiredFlag(inv, "name"));
  staff.set_employee_number(inv.config.String("employee_number"));
  staff.set_phone(inv.config.String("phone"));
  staff.set_email(inv.config.String("email"));
  staff.set_employer(inv.config.String("employer"));
  if (const auto it = inv.repeated.find("qualification"); it != inv.repeated.end()) {
    for (const std::string& code : it->second) {
      v1::HeldQualification& q = *staff.add_qualifications();
      q.set_code(code);
      q.set_kind(v1::QUALIFICATION_KIND_OTHER);
    }
  }
  absl::StatusOr<v1::Staff> made = org.Call<v1::Staff>(&v1::StaffService::Stub::CreateStaff, request);
  if (!made.ok()) return WithRequestId(made.status(), request.request_id());
  if (inv.json) return PrintProtoJson(*made);
  std::cout << "created " << StaffLabel(*made) << "\nrequest_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status StaffGet(const Invocation& inv, const OrgClient& org) {
  v1::GetStaffRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "staff (staff/ID)"));
  request.set_name(ResourceName("staff", name));
  ASSIGN_OR_RETURN(const v1::Staff staff, org.Call<v1::Staff>(&v1::StaffService::Stub::GetStaff, request));
  if (inv.json) return PrintProtoJson(staff);
  std::cout << StaffDetail(staff);
  return absl::OkStatus();
}

absl::Status StaffList(const Invocation& inv, const OrgClient& org) {
  v1::ListStaffRequest request;
  if (inv.config.Has("unit")) request.set_unit(ResourceName("units", inv.config.String("unit")));
  absl::StatusOr<bool> subtree = inv.config.Bool("subtree", false);
  if (!subtree.ok()) return AsUsageError(subtree.status());
  request.set_include_subtree(*subtree);
  request.set_capability(inv.config.String("capability"));
  request.set_display_name_prefix(inv.config.String("name_prefix"));
  request.set_page_size(kFullPage);
  std::vector<v1::Staff> staff;
  v1::ListStaffResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListStaffResponse page, org.Call<v1::ListStaffResponse>(&v1::StaffService::Stub::ListStaff, request));
    for (const v1::Staff& s : page.staff()) staff.push_back(s);
    all.mutable_staff()->MergeFrom(page.staff());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  std::cout << StaffTable(staff).Render();
  return absl::OkStatus();
}

absl::Status Assign(const Invocation& inv, const OrgClient& org) {
  v1::CreateAssignmentRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Assignment& a = *request.mutable_assignment();
  ASSIGN_OR_RETURN(const std::string staff, Arg(inv, 0, "staff (staff/ID)"));
  ASSIGN_OR_RETURN(const std::string post, Arg(inv, 1, "post (posts/ID)"));
  a.set_staff(ResourceName("staff", staff));
  a.set_post(ResourceName("posts", post));
  ASSIGN_OR_RETURN(const v1::AssignmentKind kind,
                   EnumFlag(ParseAssignmentKind(inv.config.String("kind", "primary"))));
  a.set_kind(kind);
  ASSIGN_OR_RETURN(const std::string from, RequiredFlag(inv, "from"));
  absl::StatusOr<type::v1::Date> day = ParseDate(from);
  if (!day.ok()) return UsageError(absl::StrCat("--from: ", day.status().message()));
  *a.mutable_effective_from() = *day;
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "to", a.mutable_effective_to(), &set));
  const bool delegation = inv.config.Has("acting_for") || inv.config.Has("delegated_by") || inv.config.Has("reason");
  if (kind == v1::ASSIGNMENT_KIND_ACTING || delegation) {
    if (kind != v1::ASSIGNMENT_KIND_ACTING) return UsageError("--acting-for/--delegated-by/--reason need --kind acting");
    v1::Delegation& d = *a.mutable_delegation();
    ASSIGN_OR_RETURN(const std::string acting_for, RequiredFlag(inv, "acting_for"));
    ASSIGN_OR_RETURN(const std::string delegated_by, RequiredFlag(inv, "delegated_by"));
    d.set_acting_for(ResourceName("staff", acting_for));
    d.set_delegated_by(ResourceName("staff", delegated_by));
    ASSIGN_OR_RETURN(*d.mutable_reason(), RequiredFlag(inv, "reason"));
    if (const auto it = inv.repeated.find("capability"); it != inv.repeated.end()) {
      for (const std::string& c : it->second) d.add_capabilities(c);
    }
  }
  if (inv.config.Has("seconded_from")) a.mutable_secondment()->set_from_organisation(inv.config.String("seconded_from"));
  a.set_note(inv.config.String("note"));
  absl::StatusOr<bool> validate = inv.config.Bool("validate_only", false);
  if (!validate.ok()) return AsUsageError(validate.status());
  request.set_validate_only(*validate);
  absl::StatusOr<v1::Assignment> made = org.Call<v1::Assignment>(&v1::StaffService::Stub::CreateAssignment, request);
  if (!made.ok()) return WithRequestId(made.status(), request.request_id());
  if (inv.json) return PrintProtoJson(*made);
  std::cout << (*validate ? "valid (nothing stored)\n" : "") << AssignmentDetail(*made)
            << "request_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status AssignmentList(const Invocation& inv, const OrgClient& org) {
  v1::ListAssignmentsRequest request;
  if (inv.config.Has("staff")) request.set_staff(ResourceName("staff", inv.config.String("staff")));
  if (inv.config.Has("post")) request.set_post(ResourceName("posts", inv.config.String("post")));
  if (inv.config.Has("unit")) request.set_unit(ResourceName("units", inv.config.String("unit")));
  absl::StatusOr<bool> subtree = inv.config.Bool("subtree", false);
  absl::StatusOr<bool> all_dates = inv.config.Bool("all_dates", false);
  if (!subtree.ok()) return AsUsageError(subtree.status());
  if (!all_dates.ok()) return AsUsageError(all_dates.status());
  request.set_include_subtree(*subtree);
  request.set_all_dates(*all_dates);
  if (inv.config.Has("kind")) {
    ASSIGN_OR_RETURN(const v1::AssignmentKind kind, EnumFlag(ParseAssignmentKind(inv.config.String("kind"))));
    request.set_kind(kind);
  }
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  request.set_page_size(kFullPage);
  std::vector<v1::Assignment> rows;
  v1::ListAssignmentsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListAssignmentsResponse page,
                     org.Call<v1::ListAssignmentsResponse>(&v1::StaffService::Stub::ListAssignments, request));
    for (const v1::Assignment& a : page.assignments()) rows.push_back(a);
    all.mutable_assignments()->MergeFrom(page.assignments());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  std::cout << AssignmentTable(rows).Render();
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"post create", {&PostCreate, {"unit", "title", "kind", "code", "head", "deputy", "superior", "capability",
                                     "duty", "effective_from", "request_id"}, 0}},
      {"post get", {&PostGet, {"as_of"}, 1}},
      {"post list", {&PostList, {"unit", "subtree", "capability", "code", "page_size", "as_of"}, 0}},
      {"staff create", {&StaffCreate, {"name", "employee_number", "phone", "email", "employer", "qualification",
                                       "request_id"}, 0}},
      {"staff get", {&StaffGet, {}, 1}},
      {"staff list", {&StaffList, {"unit", "subtree", "capability", "name_prefix"}, 0}},
      {"assign", {&Assign, {"kind", "from", "to", "acting_for", "delegated_by", "reason", "capability",
                            "seconded_from", "note", "validate_only", "request_id"}, 2}},
      {"assignment list", {&AssignmentList, {"staff", "post", "unit", "subtree", "kind", "as_of", "all_dates"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunPeople(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
