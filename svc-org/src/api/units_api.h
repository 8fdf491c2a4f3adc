// UnitService's gRPC handlers (see unit_service.proto for the contract;
// units_api.cc): the unit registry — units, their dated versions, subtrees
// and ancestors. Writes go through the handler kit (HandlerKit::Mutate),
// reads through HandlerKit::Read; the rules are in app/unit_writes.h and
// domain/unit.h.
#pragma once

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class UnitsApi final : public v1::UnitService::Service, private OrgHandlers {
 public:
  explicit UnitsApi(std::shared_ptr<OrgKit> org);
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
};

}  // namespace huinong::org
