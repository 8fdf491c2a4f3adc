// The staffing-standards handlers of OrgService (see standards.proto and the
// "Staffing standards" methods of org_service.proto). Each method has exactly
// the signature of the generated OrgService::Service virtual of the same
// name, so OrgApi forwards to it one line per method; StaffingApi does not
// derive from the service itself.
//
// Guarantees: bad requests name every bad field; creates and updates are
// idempotent per (caller, request_id) and write one audit event (resource
// type "staffing_standard") through the outbox in their own transaction;
// updates check the etag of the latest version; calculations and compliance
// checks change nothing. Create and update need the admin, org.admin or hr
// role; everything else is open to any authenticated caller, and a
// compliance check only for a unit inside the caller's scope.
//
// Actual headcounts: svc-org does not yet count a unit's staff per line, so
// CheckStaffingCompliance reads them from inputs named "actual_<label>"
// (actual_total, actual_management, actual_doctors, ...) and answers
// UNIMPLEMENTED, naming the missing inputs, when one is not given. For
// percentage bands the establishment must be given as an input (the unit's
// quota total is not read yet): FAILED_PRECONDITION, reason NO_ESTABLISHMENT.
#pragma once

#include <grpcpp/server_context.h>

#include "common/db/pool.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/org/v1/org_service.pb.h"
#include "huinong/org/v1/standards.pb.h"

namespace huinong::org {

class StaffingApi {
 public:
  explicit StaffingApi(const server::HandlerKit& kit);

  grpc::Status CreateStaffingStandard(grpc::ServerContext* ctx,
                                      const v1::CreateStaffingStandardRequest* req,
                                      v1::StaffingStandard* resp);
  grpc::Status GetStaffingStandard(grpc::ServerContext* ctx, const v1::GetStaffingStandardRequest* req,
                                   v1::StaffingStandard* resp);
  grpc::Status UpdateStaffingStandard(grpc::ServerContext* ctx,
                                      const v1::UpdateStaffingStandardRequest* req,
                                      v1::StaffingStandard* resp);
  grpc::Status ListStaffingStandards(grpc::ServerContext* ctx,
                                     const v1::ListStaffingStandardsRequest* req,
                                     v1::ListStaffingStandardsResponse* resp);
  grpc::Status CalculateStaffing(grpc::ServerContext* ctx, const v1::CalculateStaffingRequest* req,
                                 v1::StaffingCalculation* resp);
  grpc::Status CheckStaffingCompliance(grpc::ServerContext* ctx,
                                       const v1::CheckStaffingComplianceRequest* req,
                                       v1::StaffingCompliance* resp);

 private:
  const server::HandlerKit& kit_;
  db::DbPool& pool_;
  const server::CallGate& gate_;
};

}  // namespace huinong::org
