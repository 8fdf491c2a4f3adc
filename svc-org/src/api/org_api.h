// OrgService's gRPC handlers. Each handler validates the request's shape,
// authenticates and authorizes the caller, maps proto to domain, and runs the
// rules and the store inside one transaction. One class serves the whole
// service; its methods are defined per area (units_api.cc, ...). Methods not
// defined here answer UNIMPLEMENTED (the generated base class does that).
#pragma once

#include "common/db/pool.h"
#include "common/server/call_gate.h"
#include "huinong/org/v1/org_service.grpc.pb.h"
#include "svc-org/src/api/caller_scope.h"

namespace huinong::org {

class OrgApi final : public v1::OrgService::Service {
 public:
  OrgApi(db::DbPool& pool, const server::CallGate& gate);

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

 private:
  db::DbPool& pool_;
  const server::CallGate& gate_;
  CallerScopes scopes_;
};

}  // namespace huinong::org
