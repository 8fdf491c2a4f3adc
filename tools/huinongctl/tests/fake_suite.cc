// In-process fake of the gateway + svc-org for client tests; see fake_suite.h.
#include "tools/huinongctl/tests/fake_suite.h"

#include <algorithm>
#include <fstream>
#include <functional>

#include "gtest/gtest.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/errors.h"
#include "huinong/loans/v1/close_of_business_service.grpc.pb.h"
#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"
#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"
#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"
#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "huinong/tickets/v1/ticket_service.grpc.pb.h"
#include "tools/huinongctl/src/suite_services.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::org::v1;
namespace health = ::grpc::health::v1;

namespace {

constexpr int kMaxPage = 2;  // small, so clients must follow next_page_token

int PageStart(const std::string& token) {
  int start = 0;
  if (!token.empty() && !absl::SimpleAtoi(token, &start)) start = 0;
  return start;
}

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

const google::protobuf::ServiceDescriptor* ServiceNamed(const char* full_name) {
  return google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(full_name);
}

}  // namespace

void FakeOrg::Record(grpc::ServerContext* ctx, const std::string& method) {
  SeenCall call;
  call.method = method;
  for (const auto& [key, value] : ctx->client_metadata()) {
    call.metadata.emplace(std::string(key.data(), key.size()), std::string(value.data(), value.size()));
  }
  call.deadline_in = absl::FromChrono(ctx->deadline()) - absl::Now();
  absl::MutexLock lock(&mu_);
  calls_.push_back(std::move(call));
}

v1::Unit* FakeOrg::Find(const std::string& name) {
  for (v1::Unit& unit : units_) {
    if (unit.name() == name) return &unit;
  }
  return nullptr;
}

std::vector<const v1::Unit*> FakeOrg::DepthFirst(const std::string& root, int max_depth) {
  std::vector<const v1::Unit*> out;
  std::function<void(const v1::Unit&, int)> visit = [&](const v1::Unit& unit, int level) {
    out.push_back(&unit);
    if (max_depth > 0 && level >= max_depth) return;
    for (const v1::Unit& child : units_) {
      if (child.parent() == unit.name()) visit(child, level + 1);
    }
  };
  if (const v1::Unit* unit = Find(root)) visit(*unit, 0);
  return out;
}

void FakeOrg::Redepth(const std::string& name, int depth) {
  v1::Unit* unit = Find(name);
  unit->set_depth(depth);
  for (v1::Unit& child : units_) {
    if (child.parent() == name) Redepth(child.name(), depth + 1);
  }
}

grpc::Status FakeOrg::CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* req,
                                 v1::Unit* resp) {
  Record(ctx, "CreateUnit");
  absl::MutexLock lock(&mu_);
  if (auto it = replies_.find(req->request_id()); it != replies_.end()) {
    *resp = it->second;
    return grpc::Status::OK;
  }
  rpc::Violations v;
  if (req->request_id().empty()) v.Add("request_id", "required");
  if (req->unit().display_name().empty()) v.Add("unit.display_name", "required");
  if (req->unit().kind() == v1::UNIT_KIND_UNSPECIFIED) v.Add("unit.kind", "required");
  if (!v.empty()) return Grpc(v.ToStatus());
  int depth = 0;
  if (!req->unit().parent().empty()) {
    const v1::Unit* parent = Find(req->unit().parent());
    if (parent == nullptr) return Grpc(rpc::NotFound(req->unit().parent()));
    depth = parent->depth() + 1;
  }
  for (const v1::Unit& other : units_) {
    if (other.parent() == req->unit().parent() && other.display_name() == req->unit().display_name() &&
        other.status() != v1::UNIT_STATUS_ABOLISHED) {
      return Grpc(rpc::AlreadyExists("DUPLICATE_NAME",
                                     "an open unit with this display name already exists under the parent"));
    }
  }
  v1::Unit unit = req->unit();
  unit.set_name(absl::StrFormat("units/U%03d", units_.size() + 1));
  unit.set_depth(depth);
  if (unit.status() == v1::UNIT_STATUS_UNSPECIFIED) unit.set_status(v1::UNIT_STATUS_ACTIVE);
  unit.set_etag("1");
  const absl::Time now = absl::Now();
  unit.mutable_create_time()->set_seconds(absl::ToUnixSeconds(now));
  unit.mutable_create_time()->set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(now - absl::FromUnixSeconds(absl::ToUnixSeconds(now)))));
  units_.push_back(unit);
  replies_[req->request_id()] = unit;
  *resp = unit;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* req, v1::Unit* resp) {
  Record(ctx, "GetUnit");
  absl::MutexLock lock(&mu_);
  as_of_seen_["GetUnit"] = req->has_as_of() ? std::optional<type::v1::Date>(req->as_of()) : std::nullopt;
  const v1::Unit* unit = Find(req->name());
  if (unit == nullptr) return Grpc(rpc::NotFound(req->name()));
  *resp = *unit;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* req,
                                 v1::Unit* resp) {
  Record(ctx, "UpdateUnit");
  absl::MutexLock lock(&mu_);
  last_update_ = *req;
  v1::Unit* unit = Find(req->unit().name());
  if (unit == nullptr) return Grpc(rpc::NotFound(req->unit().name()));
  if (req->unit().etag() != unit->etag()) return Grpc(rpc::Aborted("STALE_ETAG", "the unit has changed"));
  for (const std::string& path : req->update_mask().paths()) {
    if (path == "display_name") unit->set_display_name(req->unit().display_name());
    if (path == "status") unit->set_status(req->unit().status());
    if (path == "kind") unit->set_kind(req->unit().kind());
    if (path == "code") unit->set_code(req->unit().code());
    if (path == "functions") *unit->mutable_functions() = req->unit().functions();
  }
  int etag = 0;
  (void)absl::SimpleAtoi(unit->etag(), &etag);
  unit->set_etag(absl::StrCat(etag + 1));
  *resp = *unit;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* req,
                                v1::ListUnitsResponse* resp) {
  Record(ctx, "ListUnits");
  absl::MutexLock lock(&mu_);
  std::vector<const v1::Unit*> matching;
  for (const v1::Unit& unit : units_) {
    if (!req->parent().empty() && unit.parent() != req->parent()) continue;
    if (req->level() != type::v1::LEVEL_UNSPECIFIED && unit.level() != req->level()) continue;
    if (req->kind() != v1::UNIT_KIND_UNSPECIFIED && unit.kind() != req->kind()) continue;
    if (req->status() != v1::UNIT_STATUS_UNSPECIFIED && unit.status() != req->status()) continue;
    matching.push_back(&unit);
  }
  const int start = PageStart(req->page_token());
  const int size = std::min(req->page_size() == 0 ? 50 : req->page_size(), kMaxPage);
  const int end = std::min<int>(start + size, static_cast<int>(matching.size()));
  for (int i = start; i < end; ++i) *resp->add_units() = *matching[i];
  if (end < static_cast<int>(matching.size())) resp->set_next_page_token(absl::StrCat(end));
  return grpc::Status::OK;
}

grpc::Status FakeOrg::MoveUnit(grpc::ServerContext* ctx, const v1::MoveUnitRequest* req, v1::Unit* resp) {
  Record(ctx, "MoveUnit");
  absl::MutexLock lock(&mu_);
  v1::Unit* unit = Find(req->name());
  const v1::Unit* parent = Find(req->new_parent());
  if (unit == nullptr) return Grpc(rpc::NotFound(req->name()));
  if (parent == nullptr) return Grpc(rpc::NotFound(req->new_parent()));
  if (req->etag() != unit->etag()) return Grpc(rpc::Aborted("STALE_ETAG", "the unit has changed"));
  unit->set_parent(parent->name());
  Redepth(unit->name(), parent->depth() + 1);
  unit->set_etag(unit->etag() + "+");
  *resp = *unit;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListUnitSubtree(grpc::ServerContext* ctx, const v1::ListUnitSubtreeRequest* req,
                                      v1::ListUnitSubtreeResponse* resp) {
  Record(ctx, "ListUnitSubtree");
  absl::MutexLock lock(&mu_);
  as_of_seen_["ListUnitSubtree"] = req->has_as_of() ? std::optional<type::v1::Date>(req->as_of()) : std::nullopt;
  if (Find(req->name()) == nullptr) return Grpc(rpc::NotFound(req->name()));
  const std::vector<const v1::Unit*> all = DepthFirst(req->name(), req->max_depth());
  const int start = PageStart(req->page_token());
  const int end = std::min<int>(start + kMaxPage + 1, static_cast<int>(all.size()));
  for (int i = start; i < end; ++i) *resp->add_units() = *all[i];
  if (end < static_cast<int>(all.size())) resp->set_next_page_token(absl::StrCat(end));
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetUnitAncestors(grpc::ServerContext* ctx, const v1::GetUnitAncestorsRequest* req,
                                       v1::GetUnitAncestorsResponse* resp) {
  Record(ctx, "GetUnitAncestors");
  absl::MutexLock lock(&mu_);
  as_of_seen_["GetUnitAncestors"] = req->has_as_of() ? std::optional<type::v1::Date>(req->as_of()) : std::nullopt;
  const v1::Unit* unit = Find(req->name());
  if (unit == nullptr) return Grpc(rpc::NotFound(req->name()));
  std::vector<v1::Unit> chain;
  for (const v1::Unit* p = Find(unit->parent()); p != nullptr; p = Find(p->parent())) chain.push_back(*p);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) *resp->add_ancestors() = *it;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ListUnitHistory(grpc::ServerContext* ctx, const v1::ListUnitHistoryRequest* req,
                                      v1::ListUnitHistoryResponse* resp) {
  Record(ctx, "ListUnitHistory");
  absl::MutexLock lock(&mu_);
  if (Find(req->name()) == nullptr) return Grpc(rpc::NotFound(req->name()));
  const std::vector<v1::UnitVersion>& all = history_[req->name()];
  const int start = PageStart(req->page_token());
  const int end = std::min<int>(start + kMaxPage, static_cast<int>(all.size()));
  for (int i = start; i < end; ++i) *resp->add_versions() = all[i];
  if (end < static_cast<int>(all.size())) resp->set_next_page_token(absl::StrCat(end));
  return grpc::Status::OK;
}

void FakeOrg::SetHistory(const std::string& unit, std::vector<v1::UnitVersion> versions) {
  absl::MutexLock lock(&mu_);
  history_[unit] = std::move(versions);
}

std::optional<type::v1::Date> FakeOrg::as_of_seen(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  const auto it = as_of_seen_.find(method);
  return it == as_of_seen_.end() ? std::nullopt : it->second;
}

std::vector<v1::Unit> FakeOrg::Units() const {
  absl::MutexLock lock(&mu_);
  return units_;
}

std::vector<SeenCall> FakeOrg::Calls() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

grpc::Status FakeHealth::Check(grpc::ServerContext* ctx, const health::HealthCheckRequest* req,
                               health::HealthCheckResponse* resp) {
  std::string backend = "org";  // the gateway's default
  const auto it = ctx->client_metadata().find("x-huinong-backend");
  if (it != ctx->client_metadata().end()) backend.assign(it->second.data(), it->second.size());
  absl::MutexLock lock(&mu_);
  seen_.emplace_back(backend, req->service());
  // The backends the real gateway routes to serve these (suite_services.h).
  const std::vector<SuiteService>& services = SuiteServices();
  if (std::none_of(services.begin(), services.end(),
                   [&](const SuiteService& s) { return s.backend == backend && s.service == req->service(); })) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service");
  }
  resp->set_status(not_serving_.contains(backend) ? health::HealthCheckResponse::NOT_SERVING
                                                  : health::HealthCheckResponse::SERVING);
  return grpc::Status::OK;
}

void FakeHealth::SetServing(const std::string& backend, bool serving) {
  absl::MutexLock lock(&mu_);
  if (serving) {
    not_serving_.erase(backend);
  } else {
    not_serving_.insert(backend);
  }
}

std::vector<std::pair<std::string, std::string>> FakeHealth::Seen() const {
  absl::MutexLock lock(&mu_);
  return seen_;
}

FakeSuite::FakeSuite()
    : canned_({ServiceNamed(loans::v1::ServicingService::service_full_name()),
               ServiceNamed(loans::v1::SubsidyService::service_full_name()),
               ServiceNamed(loans::v1::RiskFundService::service_full_name()),
               ServiceNamed(loans::v1::TownshipBreakerService::service_full_name()),
               ServiceNamed(loans::v1::CloseOfBusinessService::service_full_name()),
               ServiceNamed(tickets::v1::TicketService::service_full_name()),
               ServiceNamed(tickets::v1::SlaPolicyService::service_full_name()),
               ServiceNamed(tickets::v1::CallbackHandoverService::service_full_name()),
               ServiceNamed(tickets::v1::CustomerService::service_full_name())}) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(static_cast<org::v1::UnitService::Service*>(&org_));
  builder.RegisterService(static_cast<org::v1::PostService::Service*>(&org_));
  builder.RegisterService(static_cast<org::v1::StaffService::Service*>(&org_));
  builder.RegisterService(static_cast<org::v1::ChangeService::Service*>(&org_));
  builder.RegisterService(static_cast<org::v1::StaffingService::Service*>(&org_));
  builder.RegisterService(static_cast<org::v1::OrgQueryService::Service*>(&org_));
  builder.RegisterService(&calendars_);
  builder.RegisterService(static_cast<loans::v1::BorrowerService::Service*>(&loans_));
  builder.RegisterService(static_cast<loans::v1::ProductService::Service*>(&loans_));
  builder.RegisterService(static_cast<loans::v1::ApplicationService::Service*>(&loans_));
  builder.RegisterCallbackGenericService(&canned_);
  builder.RegisterService(&health_);
  builder.RegisterService(&audit_);
  server_ = builder.BuildAndStart();
  secret_file_ = absl::StrCat(::testing::TempDir(), "huinongctl-test-jwt-", port_, ".key");
  std::ofstream(secret_file_) << "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
}

FakeSuite::~FakeSuite() { server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(1))); }

std::string FakeSuite::address() const { return absl::StrCat("127.0.0.1:", port_); }

absl::StatusOr<Invocation> FakeSuite::Parse(const std::vector<std::string>& words) const {
  std::vector<std::string> argv = {"huinongctl", "--gateway=" + address(), "--token=tok", "--timeout=5s"};
  argv.insert(argv.end(), words.begin(), words.end());
  return ParseInvocation(argv, Environment());
}

Config::EnvLookup FakeSuite::Environment() const {
  const std::string secret = secret_file_;
  return [secret](const std::string& name) -> std::optional<std::string> {
    if (name == "HUINONG_JWT_HS256_SECRET_FILE") return secret;
    return std::nullopt;
  };
}

}  // namespace huinong::ctl::testing
