// An in-process stand-in for the gateway, svc-org, svc-loans (fake_loans.h,
// fake_canned.h), svc-tickets (fake_canned.h, with the records of
// fake_tickets.h) and svc-audit (see fake_audit.h), for testing the client
// end to end without a database: an in-memory unit registry that follows the
// API's rules the client relies on (request-id replay, DUPLICATE_NAME among
// open siblings, etags, keyset-style paging with small pages so paging is
// exercised), and a Health service that, like the gateway, picks the backend
// from x-huinong-backend. Records each call's metadata and deadline.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "huinong/org/v1/change_service.grpc.pb.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "huinong/org/v1/post_service.grpc.pb.h"
#include "huinong/org/v1/staff_service.grpc.pb.h"
#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/tests/fake_audit.h"
#include "tools/huinongctl/tests/fake_calendars.h"
#include "tools/huinongctl/tests/fake_canned.h"
#include "tools/huinongctl/tests/fake_loans.h"

namespace huinong::ctl::testing {

struct SeenCall {
  std::string method;
  std::multimap<std::string, std::string> metadata;
  absl::Duration deadline_in;  // deadline minus arrival time
};

// One in-memory svc-org behind six of its services (they share the
// registry, as the real ones share the database); FakeSuite registers each
// base with the server, and the seventh, CalendarService, is FakeCalendars.
class FakeOrg final : public org::v1::UnitService::Service,
                      public org::v1::PostService::Service,
                      public org::v1::StaffService::Service,
                      public org::v1::ChangeService::Service,
                      public org::v1::StaffingService::Service,
                      public org::v1::OrgQueryService::Service {
 public:
  grpc::Status CreateUnit(grpc::ServerContext* ctx, const org::v1::CreateUnitRequest* req,
                          org::v1::Unit* resp) override;
  grpc::Status GetUnit(grpc::ServerContext* ctx, const org::v1::GetUnitRequest* req,
                       org::v1::Unit* resp) override;
  grpc::Status UpdateUnit(grpc::ServerContext* ctx, const org::v1::UpdateUnitRequest* req,
                          org::v1::Unit* resp) override;
  grpc::Status ListUnits(grpc::ServerContext* ctx, const org::v1::ListUnitsRequest* req,
                         org::v1::ListUnitsResponse* resp) override;
  grpc::Status MoveUnit(grpc::ServerContext* ctx, const org::v1::MoveUnitRequest* req,
                        org::v1::Unit* resp) override;
  grpc::Status ListUnitSubtree(grpc::ServerContext* ctx, const org::v1::ListUnitSubtreeRequest* req,
                               org::v1::ListUnitSubtreeResponse* resp) override;
  grpc::Status GetUnitAncestors(grpc::ServerContext* ctx, const org::v1::GetUnitAncestorsRequest* req,
                                org::v1::GetUnitAncestorsResponse* resp) override;
  // The versions set with SetHistory, paged like ListUnits; NOT_FOUND for an
  // unknown unit.
  grpc::Status ListUnitHistory(grpc::ServerContext* ctx, const org::v1::ListUnitHistoryRequest* req,
                               org::v1::ListUnitHistoryResponse* resp) override;

  // Change requests and approval chains (fake_changes.cc): request-id replay,
  // etags, the state machine (DRAFT → IN_APPROVAL → APPROVED | REJECTED,
  // WITHDRAWN), steps built at submit from the chain of the request's unit
  // (templates whose applies_to is empty or names an item's kind). Approvals
  // are decided by "staff/S900"; there are no times, so text is stable.
  grpc::Status CreateChangeRequest(grpc::ServerContext* ctx, const org::v1::CreateChangeRequestRequest* req,
                                   org::v1::ChangeRequest* resp) override;
  grpc::Status GetChangeRequest(grpc::ServerContext* ctx, const org::v1::GetChangeRequestRequest* req,
                                org::v1::ChangeRequest* resp) override;
  grpc::Status ListChangeRequests(grpc::ServerContext* ctx, const org::v1::ListChangeRequestsRequest* req,
                                  org::v1::ListChangeRequestsResponse* resp) override;
  grpc::Status SubmitChangeRequest(grpc::ServerContext* ctx, const org::v1::SubmitChangeRequestRequest* req,
                                   org::v1::ChangeRequest* resp) override;
  grpc::Status ApproveChangeRequest(grpc::ServerContext* ctx, const org::v1::ApproveChangeRequestRequest* req,
                                    org::v1::ChangeRequest* resp) override;
  grpc::Status RejectChangeRequest(grpc::ServerContext* ctx, const org::v1::RejectChangeRequestRequest* req,
                                   org::v1::ChangeRequest* resp) override;
  grpc::Status WithdrawChangeRequest(grpc::ServerContext* ctx, const org::v1::WithdrawChangeRequestRequest* req,
                                     org::v1::ChangeRequest* resp) override;
  grpc::Status CreateApprovalChain(grpc::ServerContext* ctx, const org::v1::CreateApprovalChainRequest* req,
                                   org::v1::ApprovalChain* resp) override;
  grpc::Status GetApprovalChain(grpc::ServerContext* ctx, const org::v1::GetApprovalChainRequest* req,
                                org::v1::ApprovalChain* resp) override;
  grpc::Status ListApprovalChains(grpc::ServerContext* ctx, const org::v1::ListApprovalChainsRequest* req,
                                  org::v1::ListApprovalChainsResponse* resp) override;

  // Posts, quotas, staff, assignments, policies, standards (fake_staffing.cc):
  // request-id replay, the duplicate reasons demo load adopts on, and
  // create_time set to the moment of creation.
  grpc::Status CreatePost(grpc::ServerContext* ctx, const org::v1::CreatePostRequest* req,
                          org::v1::Post* resp) override;
  grpc::Status GetPost(grpc::ServerContext* ctx, const org::v1::GetPostRequest* req, org::v1::Post* resp) override;
  grpc::Status ListPosts(grpc::ServerContext* ctx, const org::v1::ListPostsRequest* req,
                         org::v1::ListPostsResponse* resp) override;
  grpc::Status CreateQuota(grpc::ServerContext* ctx, const org::v1::CreateQuotaRequest* req,
                           org::v1::Quota* resp) override;
  grpc::Status ListQuotas(grpc::ServerContext* ctx, const org::v1::ListQuotasRequest* req,
                          org::v1::ListQuotasResponse* resp) override;
  grpc::Status CreateStaff(grpc::ServerContext* ctx, const org::v1::CreateStaffRequest* req,
                           org::v1::Staff* resp) override;
  grpc::Status GetStaff(grpc::ServerContext* ctx, const org::v1::GetStaffRequest* req, org::v1::Staff* resp) override;
  grpc::Status ListStaff(grpc::ServerContext* ctx, const org::v1::ListStaffRequest* req,
                         org::v1::ListStaffResponse* resp) override;
  grpc::Status CreateAssignment(grpc::ServerContext* ctx, const org::v1::CreateAssignmentRequest* req,
                                org::v1::Assignment* resp) override;
  grpc::Status ListAssignments(grpc::ServerContext* ctx, const org::v1::ListAssignmentsRequest* req,
                               org::v1::ListAssignmentsResponse* resp) override;
  grpc::Status CreateConcurrencyPolicy(grpc::ServerContext* ctx, const org::v1::CreateConcurrencyPolicyRequest* req,
                                       org::v1::ConcurrencyPolicy* resp) override;
  grpc::Status ListConcurrencyPolicies(grpc::ServerContext* ctx,
                                       const org::v1::ListConcurrencyPoliciesRequest* req,
                                       org::v1::ListConcurrencyPoliciesResponse* resp) override;
  grpc::Status CreateStaffingStandard(grpc::ServerContext* ctx, const org::v1::CreateStaffingStandardRequest* req,
                                      org::v1::StaffingStandard* resp) override;
  grpc::Status GetStaffingStandard(grpc::ServerContext* ctx, const org::v1::GetStaffingStandardRequest* req,
                                   org::v1::StaffingStandard* resp) override;
  grpc::Status ListStaffingStandards(grpc::ServerContext* ctx, const org::v1::ListStaffingStandardsRequest* req,
                                     org::v1::ListStaffingStandardsResponse* resp) override;
  // Per-unit rules only: driver / per, rounded down, with a two-step working.
  grpc::Status CalculateStaffing(grpc::ServerContext* ctx, const org::v1::CalculateStaffingRequest* req,
                                 org::v1::StaffingCalculation* resp) override;
  // Allowed when an assignment of the staff member is on a post granting
  // the capability at the unit or one of its ancestors.
  grpc::Status CheckCapability(grpc::ServerContext* ctx, const org::v1::CheckCapabilityRequest* req,
                               org::v1::CheckCapabilityResponse* resp) override;
  grpc::Status ListCapabilityHolders(grpc::ServerContext* ctx, const org::v1::ListCapabilityHoldersRequest* req,
                                     org::v1::ListCapabilityHoldersResponse* resp) override;
  // GetQuotaReport answers from the quotas; the other reports stay UNIMPLEMENTED.
  grpc::Status GetQuotaReport(grpc::ServerContext* ctx, const org::v1::GetQuotaReportRequest* req,
                              org::v1::QuotaReport* resp) override;

  std::vector<org::v1::Post> Posts() const;
  std::vector<org::v1::Staff> StaffMembers() const;
  std::vector<org::v1::Assignment> Assignments() const;
  std::vector<org::v1::Quota> Quotas() const;
  size_t PolicyCount() const;
  size_t StandardCount() const;
  // The last request of these, as received.
  org::v1::CalculateStaffingRequest last_calculation() const;
  org::v1::CheckCapabilityRequest last_check() const;

  std::vector<org::v1::ChangeRequest> ChangeRequests() const;
  std::vector<org::v1::ApprovalChain> Chains() const;
  // The last transition request (submit, approve, reject, withdraw) as received.
  std::string last_transition_etag() const;
  org::v1::ListChangeRequestsRequest last_change_list() const;
  void SetHistory(const std::string& unit, std::vector<org::v1::UnitVersion> versions);
  // The as_of of the last GetUnit, ListUnitSubtree or GetUnitAncestors
  // (by method name); nullopt when it came without one.
  std::optional<type::v1::Date> as_of_seen(const std::string& method) const;

  std::vector<org::v1::Unit> Units() const;
  std::vector<SeenCall> Calls() const;
  const org::v1::UpdateUnitRequest& last_update() const { return last_update_; }

 private:
  void Record(grpc::ServerContext* ctx, const std::string& method);
  org::v1::Unit* Find(const std::string& name);  // requires mu_
  std::vector<const org::v1::Unit*> DepthFirst(const std::string& root, int max_depth);  // requires mu_
  void Redepth(const std::string& name, int depth);  // requires mu_

  mutable absl::Mutex mu_;
  std::vector<org::v1::Unit> units_;                   // creation order
  std::map<std::string, org::v1::Unit> replies_;       // by request id
  std::vector<SeenCall> calls_;
  org::v1::UpdateUnitRequest last_update_;
  // fake_staffing.cc state, all under mu_.
  std::map<std::string, std::string> replayed_;  // request id -> serialized response
  std::vector<org::v1::Post> posts_;
  std::vector<org::v1::Quota> quotas_;
  std::vector<org::v1::Staff> staff_;
  std::vector<org::v1::Assignment> assignments_;
  std::vector<org::v1::ConcurrencyPolicy> policies_;
  std::vector<org::v1::StaffingStandard> standards_;
  org::v1::CalculateStaffingRequest last_calculation_;
  org::v1::CheckCapabilityRequest last_check_;
  // fake_changes.cc state, under mu_.
  std::vector<org::v1::ChangeRequest> changes_;
  std::vector<org::v1::ApprovalChain> chains_;
  std::string last_transition_etag_;
  org::v1::ListChangeRequestsRequest last_change_list_;
  std::map<std::string, std::vector<org::v1::UnitVersion>> history_;
  std::map<std::string, std::optional<type::v1::Date>> as_of_seen_;
};

class FakeHealth final : public grpc::health::v1::Health::Service {
 public:
  grpc::Status Check(grpc::ServerContext* ctx, const grpc::health::v1::HealthCheckRequest* req,
                     grpc::health::v1::HealthCheckResponse* resp) override;
  void SetServing(const std::string& backend, bool serving);
  // Backend names seen in x-huinong-backend, with the service asked for.
  std::vector<std::pair<std::string, std::string>> Seen() const;

 private:
  mutable absl::Mutex mu_;
  std::set<std::string> not_serving_;
  std::vector<std::pair<std::string, std::string>> seen_;
};

// The services (org, calendars, loans, tickets, audit, health) on 127.0.0.1:<ephemeral>, plaintext, like the gateway.
// svc-loans is FakeLoans (borrowers, products, applications) and, for its
// servicing, subsidy, risk fund, breaker and close-of-business services,
// canned answers; svc-tickets' four services are canned answers too.
class FakeSuite {
 public:
  FakeSuite();
  ~FakeSuite();
  std::string address() const;
  // `huinongctl --gateway=<this suite> --token=tok --timeout=5s WORDS...`
  // parsed as main parses it, with only HUINONG_JWT_HS256_SECRET_FILE in the
  // environment (a test secret, for the tokens demo load mints).
  absl::StatusOr<Invocation> Parse(const std::vector<std::string>& words) const;
  // That environment.
  Config::EnvLookup Environment() const;
  FakeOrg& org() { return org_; }
  FakeHealth& health() { return health_; }
  FakeAudit& audit() { return audit_; }
  FakeCalendars& calendars() { return calendars_; }
  FakeLoans& loans() { return loans_; }
  CannedServices& canned() { return canned_; }

 private:
  FakeOrg org_;
  FakeCalendars calendars_;
  FakeLoans loans_;
  CannedServices canned_;
  FakeHealth health_;
  FakeAudit audit_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string secret_file_;
};

}  // namespace huinong::ctl::testing
