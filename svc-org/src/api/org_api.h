// OrgService's gRPC handlers. Each handler validates the request's shape,
// authenticates and authorizes the caller, maps proto to domain, and runs the
// rules and the store inside one transaction. One class serves the whole
// service; its methods are defined per area (units_api.cc, posts_api.cc,
// quotas_api.cc, staff_api.cc, assignments_api.cc, policies_api.cc,
// capabilities_api.cc). Methods not declared here answer UNIMPLEMENTED (the
// generated base class does that).
//
// CheckCapability answers from `grants_`, an in-process cache of each
// person's grants: changes made through this replica are seen at once (the
// writer invalidates after commit), changes through other replicas within
// kCapabilityCacheTtl (5 s). See domain/capability_cache.h.
#pragma once

#include "common/db/pool.h"
#include "common/core/business_clock.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/org/v1/org_service.grpc.pb.h"
#include "svc-org/src/api/caller_scope.h"
#include "svc-org/src/api/changes_api.h"
#include "svc-org/src/api/queries_api.h"
#include "svc-org/src/api/staffing_api.h"
#include "svc-org/src/domain/capability_cache.h"

namespace huinong::org {

// How stale a capability answer can be after a change made through another
// replica (or a unit move); changes through this replica are seen at once.
inline constexpr absl::Duration kCapabilityCacheTtl = absl::Seconds(5);

class OrgApi final : public v1::OrgService::Service {
 public:
  OrgApi(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock);

  grpc::Status CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* req,
                          v1::Unit* resp) override;
  grpc::Status GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* req,
                       v1::Unit* resp) override;
  grpc::Status UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* req,
                          v1::Unit* resp) override;
  grpc::Status ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* req,
                         v1::ListUnitsResponse* resp) override;
  grpc::Status MoveUnit(grpc::ServerContext* ctx, const v1::MoveUnitRequest* req,
                        v1::Unit* resp) override;
  grpc::Status ListUnitSubtree(grpc::ServerContext* ctx, const v1::ListUnitSubtreeRequest* req,
                               v1::ListUnitSubtreeResponse* resp) override;
  grpc::Status GetUnitAncestors(grpc::ServerContext* ctx, const v1::GetUnitAncestorsRequest* req,
                                v1::GetUnitAncestorsResponse* resp) override;
  grpc::Status ListUnitHistory(grpc::ServerContext* ctx, const v1::ListUnitHistoryRequest* req,
                               v1::ListUnitHistoryResponse* resp) override;

  // Posts (posts_api.cc).
  grpc::Status CreatePost(grpc::ServerContext* ctx, const v1::CreatePostRequest* req,
                          v1::Post* resp) override;
  grpc::Status GetPost(grpc::ServerContext* ctx, const v1::GetPostRequest* req,
                       v1::Post* resp) override;
  grpc::Status UpdatePost(grpc::ServerContext* ctx, const v1::UpdatePostRequest* req,
                          v1::Post* resp) override;
  grpc::Status ListPosts(grpc::ServerContext* ctx, const v1::ListPostsRequest* req,
                         v1::ListPostsResponse* resp) override;
  grpc::Status AbolishPost(grpc::ServerContext* ctx, const v1::AbolishPostRequest* req,
                           v1::Post* resp) override;

  // Quotas (quotas_api.cc).
  grpc::Status CreateQuota(grpc::ServerContext* ctx, const v1::CreateQuotaRequest* req,
                           v1::Quota* resp) override;
  grpc::Status GetQuota(grpc::ServerContext* ctx, const v1::GetQuotaRequest* req,
                        v1::Quota* resp) override;
  grpc::Status UpdateQuota(grpc::ServerContext* ctx, const v1::UpdateQuotaRequest* req,
                           v1::Quota* resp) override;
  grpc::Status ListQuotas(grpc::ServerContext* ctx, const v1::ListQuotasRequest* req,
                          v1::ListQuotasResponse* resp) override;
  grpc::Status GetQuotaReport(grpc::ServerContext* ctx, const v1::GetQuotaReportRequest* req,
                              v1::QuotaReport* resp) override;

  // Staff (staff_api.cc).
  grpc::Status CreateStaff(grpc::ServerContext* ctx, const v1::CreateStaffRequest* req,
                           v1::Staff* resp) override;
  grpc::Status GetStaff(grpc::ServerContext* ctx, const v1::GetStaffRequest* req,
                        v1::Staff* resp) override;
  grpc::Status UpdateStaff(grpc::ServerContext* ctx, const v1::UpdateStaffRequest* req,
                           v1::Staff* resp) override;
  grpc::Status ListStaff(grpc::ServerContext* ctx, const v1::ListStaffRequest* req,
                         v1::ListStaffResponse* resp) override;

  // Assignments (assignments_api.cc).
  grpc::Status CreateAssignment(grpc::ServerContext* ctx, const v1::CreateAssignmentRequest* req,
                                v1::Assignment* resp) override;
  grpc::Status GetAssignment(grpc::ServerContext* ctx, const v1::GetAssignmentRequest* req,
                             v1::Assignment* resp) override;
  grpc::Status UpdateAssignment(grpc::ServerContext* ctx, const v1::UpdateAssignmentRequest* req,
                                v1::Assignment* resp) override;
  grpc::Status EndAssignment(grpc::ServerContext* ctx, const v1::EndAssignmentRequest* req,
                             v1::Assignment* resp) override;
  grpc::Status ListAssignments(grpc::ServerContext* ctx, const v1::ListAssignmentsRequest* req,
                               v1::ListAssignmentsResponse* resp) override;

  // Concurrency policies (policies_api.cc).
  grpc::Status CreateConcurrencyPolicy(grpc::ServerContext* ctx,
                                       const v1::CreateConcurrencyPolicyRequest* req,
                                       v1::ConcurrencyPolicy* resp) override;
  grpc::Status GetConcurrencyPolicy(grpc::ServerContext* ctx,
                                    const v1::GetConcurrencyPolicyRequest* req,
                                    v1::ConcurrencyPolicy* resp) override;
  grpc::Status UpdateConcurrencyPolicy(grpc::ServerContext* ctx,
                                       const v1::UpdateConcurrencyPolicyRequest* req,
                                       v1::ConcurrencyPolicy* resp) override;
  grpc::Status ListConcurrencyPolicies(grpc::ServerContext* ctx,
                                       const v1::ListConcurrencyPoliciesRequest* req,
                                       v1::ListConcurrencyPoliciesResponse* resp) override;

  // Capabilities (capabilities_api.cc).
  grpc::Status CheckCapability(grpc::ServerContext* ctx, const v1::CheckCapabilityRequest* req,
                               v1::CheckCapabilityResponse* resp) override;
  grpc::Status ListCapabilityHolders(grpc::ServerContext* ctx,
                                     const v1::ListCapabilityHoldersRequest* req,
                                     v1::ListCapabilityHoldersResponse* resp) override;

  // Change requests and approval chains (changes_api.cc owns them).
  grpc::Status CreateChangeRequest(grpc::ServerContext* c, const v1::CreateChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.CreateChangeRequest(c, r, o);
  }
  grpc::Status GetChangeRequest(grpc::ServerContext* c, const v1::GetChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.GetChangeRequest(c, r, o);
  }
  grpc::Status UpdateChangeRequest(grpc::ServerContext* c, const v1::UpdateChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.UpdateChangeRequest(c, r, o);
  }
  grpc::Status ListChangeRequests(grpc::ServerContext* c, const v1::ListChangeRequestsRequest* r, v1::ListChangeRequestsResponse* o) override {
    return changes_.ListChangeRequests(c, r, o);
  }
  grpc::Status SubmitChangeRequest(grpc::ServerContext* c, const v1::SubmitChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.SubmitChangeRequest(c, r, o);
  }
  grpc::Status ApproveChangeRequest(grpc::ServerContext* c, const v1::ApproveChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.ApproveChangeRequest(c, r, o);
  }
  grpc::Status RejectChangeRequest(grpc::ServerContext* c, const v1::RejectChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.RejectChangeRequest(c, r, o);
  }
  grpc::Status WithdrawChangeRequest(grpc::ServerContext* c, const v1::WithdrawChangeRequestRequest* r, v1::ChangeRequest* o) override {
    return changes_.WithdrawChangeRequest(c, r, o);
  }
  grpc::Status CreateApprovalChain(grpc::ServerContext* c, const v1::CreateApprovalChainRequest* r, v1::ApprovalChain* o) override {
    return changes_.CreateApprovalChain(c, r, o);
  }
  grpc::Status GetApprovalChain(grpc::ServerContext* c, const v1::GetApprovalChainRequest* r, v1::ApprovalChain* o) override {
    return changes_.GetApprovalChain(c, r, o);
  }
  grpc::Status UpdateApprovalChain(grpc::ServerContext* c, const v1::UpdateApprovalChainRequest* r, v1::ApprovalChain* o) override {
    return changes_.UpdateApprovalChain(c, r, o);
  }
  grpc::Status ListApprovalChains(grpc::ServerContext* c, const v1::ListApprovalChainsRequest* r, v1::ListApprovalChainsResponse* o) override {
    return changes_.ListApprovalChains(c, r, o);
  }

  // Staffing standards and the calculator (staffing_api.cc owns them).
  grpc::Status CreateStaffingStandard(grpc::ServerContext* c, const v1::CreateStaffingStandardRequest* r,
                                      v1::StaffingStandard* o) override {
    return staffing_.CreateStaffingStandard(c, r, o);
  }
  grpc::Status GetStaffingStandard(grpc::ServerContext* c, const v1::GetStaffingStandardRequest* r,
                                   v1::StaffingStandard* o) override {
    return staffing_.GetStaffingStandard(c, r, o);
  }
  grpc::Status UpdateStaffingStandard(grpc::ServerContext* c, const v1::UpdateStaffingStandardRequest* r,
                                      v1::StaffingStandard* o) override {
    return staffing_.UpdateStaffingStandard(c, r, o);
  }
  grpc::Status ListStaffingStandards(grpc::ServerContext* c, const v1::ListStaffingStandardsRequest* r,
                                     v1::ListStaffingStandardsResponse* o) override {
    return staffing_.ListStaffingStandards(c, r, o);
  }
  grpc::Status CalculateStaffing(grpc::ServerContext* c, const v1::CalculateStaffingRequest* r,
                                 v1::StaffingCalculation* o) override {
    return staffing_.CalculateStaffing(c, r, o);
  }
  grpc::Status CheckStaffingCompliance(grpc::ServerContext* c, const v1::CheckStaffingComplianceRequest* r,
                                       v1::StaffingCompliance* o) override {
    return staffing_.CheckStaffingCompliance(c, r, o);
  }

  // Org queries (queries_api.cc, queries_api_reports.cc own them).
  grpc::Status GetOrgChart(grpc::ServerContext* c, const v1::GetOrgChartRequest* r,
                           v1::GetOrgChartResponse* o) override {
    return queries_.GetOrgChart(c, r, o);
  }
  grpc::Status GetReportingChain(grpc::ServerContext* c, const v1::GetReportingChainRequest* r,
                                 v1::ReportingChain* o) override {
    return queries_.GetReportingChain(c, r, o);
  }
  grpc::Status ListReports(grpc::ServerContext* c, const v1::ListReportsRequest* r,
                           v1::ListReportsResponse* o) override {
    return queries_.ListReports(c, r, o);
  }
  grpc::Status GetVacancyReport(grpc::ServerContext* c, const v1::GetVacancyReportRequest* r,
                                v1::GetVacancyReportResponse* o) override {
    return queries_.GetVacancyReport(c, r, o);
  }
  grpc::Status GetConcurrencyReport(grpc::ServerContext* c, const v1::GetConcurrencyReportRequest* r,
                                    v1::GetConcurrencyReportResponse* o) override {
    return queries_.GetConcurrencyReport(c, r, o);
  }
  grpc::Status ListActingHeads(grpc::ServerContext* c, const v1::ListActingHeadsRequest* r,
                               v1::ListActingHeadsResponse* o) override {
    return queries_.ListActingHeads(c, r, o);
  }
  grpc::Status GetCoverageGaps(grpc::ServerContext* c, const v1::GetCoverageGapsRequest* r,
                               v1::GetCoverageGapsResponse* o) override {
    return queries_.GetCoverageGaps(c, r, o);
  }
  grpc::Status GetPostDesignReport(grpc::ServerContext* c, const v1::GetPostDesignReportRequest* r,
                                   v1::GetPostDesignReportResponse* o) override {
    return queries_.GetPostDesignReport(c, r, o);
  }

 private:
  db::DbPool& pool_;
  const server::CallGate& gate_;
  const server::HandlerKit kit_;
  CallerScopes scopes_;  // one cache of callers' unit paths for every handler
  StaffingApi staffing_;
  QueriesApi queries_;
  CapabilityCache grants_{kCapabilityCacheTtl, /*max_entries=*/100000};
  ChangesApi changes_{kit_, scopes_, grants_};
};

}  // namespace huinong::org
