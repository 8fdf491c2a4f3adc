// The fake's posts, quotas, staff, assignments, policies, standards,
// calculator and capability check; see fake_suite.h.
#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::org::v1;

namespace {

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

google::protobuf::Timestamp Now() {
  const absl::Time now = absl::Now();
  google::protobuf::Timestamp t;
  t.set_seconds(absl::ToUnixSeconds(now));
  t.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(now - absl::FromUnixSeconds(t.seconds()))));
  return t;
}

// Replays a stored response for a known request id; true when it did.
template <typename Response>
bool Replay(const std::map<std::string, std::string>& replayed, const std::string& id, Response* resp) {
  const auto it = replayed.find(id);
  if (it == replayed.end()) return false;
  resp->ParseFromString(it->second);
  return true;
}

}  // namespace

#define FAKE_CREATE_PROLOGUE(method)                                   \
  Record(ctx, method);                                                 \
  absl::MutexLock lock(&mu_);                                          \
  if (req->request_id().empty()) return Grpc(rpc::InvalidField("request_id", "required")); \
  if (Replay(replayed_, req->request_id(), resp)) return grpc::Status::OK;

grpc::Status FakeOrg::CreatePost(grpc::ServerContext* ctx, const v1::CreatePostRequest* req, v1::Post* resp) {
  FAKE_CREATE_PROLOGUE("CreatePost");
  if (Find(req->post().unit()) == nullptr) return Grpc(rpc::NotFound(req->post().unit()));
  for (const v1::Post& p : posts_) {
    if (p.unit() == req->post().unit() && !p.code().empty() && p.code() == req->post().code()) {
      return Grpc(rpc::AlreadyExists("DUPLICATE_CODE", "a post with this code exists in the unit"));
    }
  }
  v1::Post post = req->post();
  post.set_name(absl::StrFormat("posts/P%03d", posts_.size() + 1));
  *post.mutable_create_time() = Now();
  for (v1::Post& p : posts_) {
    if (p.name() == post.superior_post()) p.add_subordinate_posts(post.name());
  }
  posts_.push_back(post);
  replayed_[req->request_id()] = post.SerializeAsString();
  *resp = post;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetPost(grpc::ServerContext* ctx, const v1::GetPostRequest* req, v1::Post* resp) {
  Record(ctx, "GetPost");
  absl::MutexLock lock(&mu_);
  for (const v1::Post& p : posts_) {
    if (p.name() == req->name()) {
      *resp = p;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeOrg::ListPosts(grpc::ServerContext* ctx, const v1::ListPostsRequest* req,
                                v1::ListPostsResponse* resp) {
  Record(ctx, "ListPosts");
  absl::MutexLock lock(&mu_);
  for (const v1::Post& p : posts_) {
    if (!req->unit().empty() && p.unit() != req->unit()) continue;
    if (!req->code().empty() && p.code() != req->code()) continue;
    if (!req->capability().empty() &&
        std::find(p.capabilities().begin(), p.capabilities().end(), req->capability()) == p.capabilities().end()) {
      continue;
    }
    *resp->add_posts() = p;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateQuota(grpc::ServerContext* ctx, const v1::CreateQuotaRequest* req, v1::Quota* resp) {
  FAKE_CREATE_PROLOGUE("CreateQuota");
  for (const v1::Quota& q : quotas_) {
    if (q.unit() == req->quota().unit() && q.post() == req->quota().post()) {
      return Grpc(rpc::AlreadyExists("QUOTA_EXISTS", "an open quota exists"));
    }
  }
  v1::Quota quota = req->quota();
  quota.set_name(absl::StrFormat("quotas/Q%03d", quotas_.size() + 1));
  *quota.mutable_create_time() = Now();
  quotas_.push_back(quota);
  replayed_[req->request_id()] = quota.SerializeAsString();
  *resp = quota;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListQuotas(grpc::ServerContext* ctx, const v1::ListQuotasRequest* req,
                                 v1::ListQuotasResponse* resp) {
  Record(ctx, "ListQuotas");
  absl::MutexLock lock(&mu_);
  for (const v1::Quota& q : quotas_) {
    if ((req->unit().empty() || q.unit() == req->unit()) && (req->post().empty() || q.post() == req->post())) {
      *resp->add_quotas() = q;
    }
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateStaff(grpc::ServerContext* ctx, const v1::CreateStaffRequest* req, v1::Staff* resp) {
  FAKE_CREATE_PROLOGUE("CreateStaff");
  for (const v1::Staff& s : staff_) {
    if (!s.employee_number().empty() && s.employee_number() == req->staff().employee_number()) {
      return Grpc(rpc::AlreadyExists("DUPLICATE_EMPLOYEE_NUMBER", "employee number in use"));
    }
  }
  v1::Staff staff = req->staff();
  staff.set_name(absl::StrFormat("staff/S%03d", staff_.size() + 1));
  *staff.mutable_create_time() = Now();
  staff_.push_back(staff);
  replayed_[req->request_id()] = staff.SerializeAsString();
  *resp = staff;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetStaff(grpc::ServerContext* ctx, const v1::GetStaffRequest* req, v1::Staff* resp) {
  Record(ctx, "GetStaff");
  absl::MutexLock lock(&mu_);
  for (const v1::Staff& s : staff_) {
    if (s.name() == req->name()) {
      *resp = s;
      resp->set_phone(s.phone().substr(0, 3) + "****" + s.phone().substr(s.phone().size() - 4));
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeOrg::ListStaff(grpc::ServerContext* ctx, const v1::ListStaffRequest* req,
                                v1::ListStaffResponse* resp) {
  Record(ctx, "ListStaff");
  absl::MutexLock lock(&mu_);
  for (const v1::Staff& s : staff_) {
    if (s.display_name().starts_with(req->display_name_prefix())) *resp->add_staff() = s;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateAssignment(grpc::ServerContext* ctx, const v1::CreateAssignmentRequest* req,
                                       v1::Assignment* resp) {
  FAKE_CREATE_PROLOGUE("CreateAssignment");
  const v1::Assignment& in = req->assignment();
  if (in.kind() == v1::ASSIGNMENT_KIND_ACTING && in.delegation().acting_for().empty()) {
    return Grpc(rpc::InvalidField("assignment.delegation", "required for ACTING"));
  }
  const v1::Post* post = nullptr;
  for (const v1::Post& p : posts_) {
    if (p.name() == in.post()) post = &p;
  }
  if (post == nullptr) return Grpc(rpc::NotFound(in.post()));
  for (const v1::Assignment& a : assignments_) {
    if (a.staff() == in.staff() && a.post() == in.post()) {
      return Grpc(rpc::FailedPrecondition("ALREADY_HOLDS_POST", "the person already holds the post"));
    }
  }
  v1::Assignment a = in;
  a.set_name(absl::StrFormat("assignments/A%03d", assignments_.size() + 1));
  a.set_unit(post->unit());
  a.set_state(v1::ASSIGNMENT_STATE_ACTIVE);
  a.set_fills_seat(in.kind() != v1::ASSIGNMENT_KIND_ACTING);
  *a.mutable_create_time() = Now();
  if (!req->validate_only()) {
    assignments_.push_back(a);
    replayed_[req->request_id()] = a.SerializeAsString();
  }
  *resp = a;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListAssignments(grpc::ServerContext* ctx, const v1::ListAssignmentsRequest* req,
                                      v1::ListAssignmentsResponse* resp) {
  Record(ctx, "ListAssignments");
  absl::MutexLock lock(&mu_);
  for (const v1::Assignment& a : assignments_) {
    if (!req->staff().empty() && a.staff() != req->staff()) continue;
    if (!req->post().empty() && a.post() != req->post()) continue;
    if (!req->unit().empty() && a.unit() != req->unit()) continue;
    if (req->kind() != v1::ASSIGNMENT_KIND_UNSPECIFIED && a.kind() != req->kind()) continue;
    *resp->add_assignments() = a;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateConcurrencyPolicy(grpc::ServerContext* ctx, const v1::CreateConcurrencyPolicyRequest* req,
                                              v1::ConcurrencyPolicy* resp) {
  FAKE_CREATE_PROLOGUE("CreateConcurrencyPolicy");
  for (const v1::ConcurrencyPolicy& p : policies_) {
    if (p.unit() == req->policy().unit()) return Grpc(rpc::AlreadyExists("POLICY_EXISTS", "the unit has one"));
  }
  v1::ConcurrencyPolicy policy = req->policy();
  policy.set_name(absl::StrFormat("concurrencyPolicies/C%03d", policies_.size() + 1));
  *policy.mutable_create_time() = Now();
  policies_.push_back(policy);
  replayed_[req->request_id()] = policy.SerializeAsString();
  *resp = policy;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListConcurrencyPolicies(grpc::ServerContext* ctx,
                                              const v1::ListConcurrencyPoliciesRequest* req,
                                              v1::ListConcurrencyPoliciesResponse* resp) {
  Record(ctx, "ListConcurrencyPolicies");
  absl::MutexLock lock(&mu_);
  for (const v1::ConcurrencyPolicy& p : policies_) {
    if (req->applies_to_unit().empty() || p.unit() == req->applies_to_unit()) *resp->add_policies() = p;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateStaffingStandard(grpc::ServerContext* ctx,
                                             const v1::CreateStaffingStandardRequest* req,
                                             v1::StaffingStandard* resp) {
  FAKE_CREATE_PROLOGUE("CreateStaffingStandard");
  v1::StaffingStandard s = req->standard();
  s.set_name(absl::StrFormat("staffingStandards/D%03d", standards_.size() + 1));
  s.set_version(1);
  *s.mutable_create_time() = Now();
  standards_.push_back(s);
  replayed_[req->request_id()] = s.SerializeAsString();
  *resp = s;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetStaffingStandard(grpc::ServerContext* ctx, const v1::GetStaffingStandardRequest* req,
                                          v1::StaffingStandard* resp) {
  Record(ctx, "GetStaffingStandard");
  absl::MutexLock lock(&mu_);
  for (const v1::StaffingStandard& s : standards_) {
    if (s.name() == req->name()) {
      *resp = s;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeOrg::ListStaffingStandards(grpc::ServerContext* ctx, const v1::ListStaffingStandardsRequest* req,
                                            v1::ListStaffingStandardsResponse* resp) {
  Record(ctx, "ListStaffingStandards");
  absl::MutexLock lock(&mu_);
  for (const v1::StaffingStandard& s : standards_) {
    if (s.title().find(req->title_contains()) != std::string::npos) *resp->add_standards() = s;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CalculateStaffing(grpc::ServerContext* ctx, const v1::CalculateStaffingRequest* req,
                                        v1::StaffingCalculation* resp) {
  Record(ctx, "CalculateStaffing");
  absl::MutexLock lock(&mu_);
  last_calculation_ = *req;
  const v1::StaffingStandard* standard = nullptr;
  for (const v1::StaffingStandard& s : standards_) {
    if (s.name() == req->standard()) standard = &s;
  }
  if (standard == nullptr) return Grpc(rpc::NotFound(req->standard()));
  const v1::PerUnitRule& rule = standard->per_unit();
  int64_t driver = -1;
  for (const v1::StaffingInput& in : req->inputs()) {
    if (in.driver() == rule.driver()) driver = in.value().micros();
  }
  if (driver < 0) return Grpc(rpc::InvalidField("inputs", absl::StrCat("missing driver ", rule.driver())));
  const int64_t exact = driver * 1000000 / rule.per().micros();  // micros
  const int headcount = static_cast<int>(exact / 1000000);
  resp->set_standard(standard->name());
  resp->set_version(standard->version());
  resp->mutable_exact()->set_micros(exact);
  resp->set_headcount(headcount);
  v1::CalculationStep& divide = *resp->add_steps();
  divide.set_index(1);
  divide.set_description(absl::StrCat("seats = ", rule.driver(), " / per"));
  divide.set_working(absl::StrFormat("%d / %d = %.1f", driver / 1000000, rule.per().micros() / 1000000,
                                     static_cast<double>(exact) / 1e6));
  divide.mutable_value()->set_micros(exact);
  v1::CalculationStep& round = *resp->add_steps();
  round.set_index(2);
  round.set_description("round down");
  round.set_working(absl::StrFormat("%.1f → %d", static_cast<double>(exact) / 1e6, headcount));
  round.mutable_value()->set_micros(static_cast<int64_t>(headcount) * 1000000);
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CheckCapability(grpc::ServerContext* ctx, const v1::CheckCapabilityRequest* req,
                                      v1::CheckCapabilityResponse* resp) {
  Record(ctx, "CheckCapability");
  absl::MutexLock lock(&mu_);
  last_check_ = *req;
  bool granted_elsewhere = false;
  for (const v1::Assignment& a : assignments_) {
    if (a.staff() != req->staff()) continue;
    for (const v1::Post& p : posts_) {
      if (p.name() != a.post() ||
          std::find(p.capabilities().begin(), p.capabilities().end(), req->capability()) == p.capabilities().end()) {
        continue;
      }
      int distance = 0;
      for (const v1::Unit* u = Find(req->unit()); u != nullptr; u = Find(u->parent()), ++distance) {
        if (u->name() != p.unit()) continue;
        resp->set_allowed(true);
        v1::CapabilityGrant& via = *resp->mutable_via();
        via.set_staff(a.staff());
        via.set_assignment(a.name());
        via.set_assignment_kind(a.kind());
        via.set_post(p.name());
        via.set_post_unit(p.unit());
        via.set_distance(distance);
        via.set_acting_for(a.delegation().acting_for());
        return grpc::Status::OK;
      }
      granted_elsewhere = true;
    }
  }
  resp->set_denial(granted_elsewhere ? v1::CAPABILITY_DENIAL_OUT_OF_SCOPE : v1::CAPABILITY_DENIAL_NOT_GRANTED);
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListCapabilityHolders(grpc::ServerContext* ctx, const v1::ListCapabilityHoldersRequest* req,
                                            v1::ListCapabilityHoldersResponse* resp) {
  Record(ctx, "ListCapabilityHolders");
  absl::MutexLock lock(&mu_);
  int distance = 0;
  for (const v1::Unit* u = Find(req->unit()); u != nullptr; u = Find(u->parent()), ++distance) {
    for (const v1::Post& p : posts_) {
      if (p.unit() != u->name() ||
          std::find(p.capabilities().begin(), p.capabilities().end(), req->capability()) == p.capabilities().end()) {
        continue;
      }
      for (const v1::Assignment& a : assignments_) {
        if (a.post() != p.name()) continue;
        v1::CapabilityGrant& g = *resp->add_holders();
        g.set_staff(a.staff());
        for (const v1::Staff& s : staff_) {
          if (s.name() == a.staff()) g.set_display_name(s.display_name());
        }
        g.set_assignment(a.name());
        g.set_assignment_kind(a.kind());
        g.set_post(p.name());
        g.set_post_unit(p.unit());
        g.set_distance(distance);
        g.set_acting_for(a.delegation().acting_for());
      }
    }
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetQuotaReport(grpc::ServerContext* ctx, const v1::GetQuotaReportRequest* req,
                                     v1::QuotaReport* resp) {
  Record(ctx, "GetQuotaReport");
  absl::MutexLock lock(&mu_);
  resp->set_unit(req->unit());
  std::set<std::string> people;
  for (const v1::Quota& q : quotas_) {
    if (q.unit() != req->unit()) continue;
    if (q.post().empty()) {
      resp->mutable_unit_total()->set_min(q.min_headcount());
      resp->mutable_unit_total()->set_max(q.max_headcount());
      continue;
    }
    v1::PostQuotaLine& line = *resp->add_posts();
    line.set_post(q.post());
    line.mutable_quota_range()->set_min(q.min_headcount());
    line.mutable_quota_range()->set_max(q.max_headcount());
    for (const v1::Post& p : posts_) {
      if (p.name() == q.post()) line.set_post_title(p.title());
    }
    for (const v1::Assignment& a : assignments_) {
      if (a.post() != q.post()) continue;
      people.insert(a.staff());
      if (a.fills_seat()) line.set_filled(line.filled() + 1);
      else line.set_acting(line.acting() + 1);
    }
    line.set_vacancies(std::max(0, q.min_headcount() - line.filled()));
    resp->mutable_posts_sum()->set_min(resp->posts_sum().min() + q.min_headcount());
    resp->mutable_posts_sum()->set_max(resp->posts_sum().max() + q.max_headcount());
  }
  resp->mutable_difference()->set_min(resp->unit_total().min() - resp->posts_sum().min());
  resp->mutable_difference()->set_max(resp->unit_total().max() - resp->posts_sum().max());
  resp->set_balanced(resp->has_unit_total() && resp->difference().min() == 0 && resp->difference().max() == 0);
  resp->set_headcount(static_cast<int32_t>(people.size()));
  return grpc::Status::OK;
}

std::vector<v1::Post> FakeOrg::Posts() const { absl::MutexLock lock(&mu_); return posts_; }
std::vector<v1::Staff> FakeOrg::StaffMembers() const { absl::MutexLock lock(&mu_); return staff_; }
std::vector<v1::Assignment> FakeOrg::Assignments() const { absl::MutexLock lock(&mu_); return assignments_; }
std::vector<v1::Quota> FakeOrg::Quotas() const { absl::MutexLock lock(&mu_); return quotas_; }
size_t FakeOrg::PolicyCount() const { absl::MutexLock lock(&mu_); return policies_.size(); }
size_t FakeOrg::StandardCount() const { absl::MutexLock lock(&mu_); return standards_.size(); }
v1::CalculateStaffingRequest FakeOrg::last_calculation() const { absl::MutexLock lock(&mu_); return last_calculation_; }
v1::CheckCapabilityRequest FakeOrg::last_check() const { absl::MutexLock lock(&mu_); return last_check_; }

}  // namespace huinong::ctl::testing
