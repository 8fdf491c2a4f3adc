// OrgQueryService's gRPC handlers (see org_query_service.proto and
// queries.proto): the org chart, reporting chains, reports (queries_api.cc),
// vacancies against quota, the concurrency report, acting heads, coverage
// gaps and the post-design review (queries_api_reports.cc), and capability
// holders and checks (capabilities_api.cc).
//
// CheckCapability answers from the shared grants cache (OrgKit::grants):
// changes made through this replica are seen at once (the writer
// invalidates after commit), changes through other replicas within
// kCapabilityCacheTtl (5 s).
//
// Guarantees: read-only, one read transaction per call; bad requests name
// every bad field; `as_of` reads the structure as it stood that day (unset:
// today). Who: any authenticated caller for units in their scope (their
// unit's subtree and the units above it; admin and service accounts see
// all); a subtree report lists only the units of the subtree the caller may
// see. GetConcurrencyReport needs admin, org.admin, hr or auditor;
// GetPostDesignReport admin, org.admin or hr. The reports are built by the
// pure rules of domain/org_queries.h and domain/org_queries_review.h.
//
// Known limits: a post abolished since the day asked for is not read back
// (store::ListPosts skips abolished posts); units keep no dated versions, so
// a unit is shown as it stands now, if it stood on the day.
#pragma once

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class QueriesApi final : public v1::OrgQueryService::Service, private OrgHandlers {
 public:
  explicit QueriesApi(std::shared_ptr<OrgKit> org);

  grpc::Status GetOrgChart(grpc::ServerContext* ctx, const v1::GetOrgChartRequest* req,
                           v1::GetOrgChartResponse* resp) override;
  grpc::Status GetReportingChain(grpc::ServerContext* ctx, const v1::GetReportingChainRequest* req,
                                 v1::ReportingChain* resp) override;
  grpc::Status ListReports(grpc::ServerContext* ctx, const v1::ListReportsRequest* req,
                           v1::ListReportsResponse* resp) override;
  grpc::Status GetVacancyReport(grpc::ServerContext* ctx, const v1::GetVacancyReportRequest* req,
                                v1::GetVacancyReportResponse* resp) override;
  grpc::Status GetConcurrencyReport(grpc::ServerContext* ctx,
                                    const v1::GetConcurrencyReportRequest* req,
                                    v1::GetConcurrencyReportResponse* resp) override;
  grpc::Status ListActingHeads(grpc::ServerContext* ctx, const v1::ListActingHeadsRequest* req,
                               v1::ListActingHeadsResponse* resp) override;
  grpc::Status GetCoverageGaps(grpc::ServerContext* ctx, const v1::GetCoverageGapsRequest* req,
                               v1::GetCoverageGapsResponse* resp) override;
  grpc::Status GetPostDesignReport(grpc::ServerContext* ctx,
                                   const v1::GetPostDesignReportRequest* req,
                                   v1::GetPostDesignReportResponse* resp) override;

  // Capabilities (capabilities_api.cc).
  grpc::Status CheckCapability(grpc::ServerContext* ctx, const v1::CheckCapabilityRequest* req,
                               v1::CheckCapabilityResponse* resp) override;
  grpc::Status ListCapabilityHolders(grpc::ServerContext* ctx,
                                     const v1::ListCapabilityHoldersRequest* req,
                                     v1::ListCapabilityHoldersResponse* resp) override;
};

}  // namespace huinong::org
