// The query handlers of OrgService (see queries.proto and the "Queries"
// methods of org_service.proto): the org chart, reporting chains, reports,
// vacancies against quota, the concurrency report, acting heads, coverage
// gaps and the post-design review. Each method has exactly the signature of
// the generated OrgService::Service virtual of the same name, so OrgApi
// forwards to it one line per method; QueriesApi does not derive from the
// service itself. ListCapabilityHolders and CheckCapability stay in OrgApi.
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

#include <grpcpp/server_context.h>

#include "common/db/pool.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/org/v1/org_service.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "svc-org/src/api/caller_scope.h"

namespace huinong::org {

class QueriesApi {
 public:
  // `scopes` is shared with the other handlers of the service (one cache).
  QueriesApi(const server::HandlerKit& kit, CallerScopes& scopes);

  grpc::Status GetOrgChart(grpc::ServerContext* ctx, const v1::GetOrgChartRequest* req,
                           v1::GetOrgChartResponse* resp);
  grpc::Status GetReportingChain(grpc::ServerContext* ctx, const v1::GetReportingChainRequest* req,
                                 v1::ReportingChain* resp);
  grpc::Status ListReports(grpc::ServerContext* ctx, const v1::ListReportsRequest* req,
                           v1::ListReportsResponse* resp);
  grpc::Status GetVacancyReport(grpc::ServerContext* ctx, const v1::GetVacancyReportRequest* req,
                                v1::GetVacancyReportResponse* resp);
  grpc::Status GetConcurrencyReport(grpc::ServerContext* ctx,
                                    const v1::GetConcurrencyReportRequest* req,
                                    v1::GetConcurrencyReportResponse* resp);
  grpc::Status ListActingHeads(grpc::ServerContext* ctx, const v1::ListActingHeadsRequest* req,
                               v1::ListActingHeadsResponse* resp);
  grpc::Status GetCoverageGaps(grpc::ServerContext* ctx, const v1::GetCoverageGapsRequest* req,
                               v1::GetCoverageGapsResponse* resp);
  grpc::Status GetPostDesignReport(grpc::ServerContext* ctx,
                                   const v1::GetPostDesignReportRequest* req,
                                   v1::GetPostDesignReportResponse* resp);

 private:
  const server::HandlerKit& kit_;
  db::DbPool& pool_;
  const server::CallGate& gate_;
  CallerScopes& scopes_;
};

}  // namespace huinong::org
