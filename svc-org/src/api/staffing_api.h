// StaffingService's gRPC handlers: staffing standards (staffing_api.cc) and
// the calculator and compliance check (staffing_calculator_api.cc); see
// staffing_service.proto and standards.proto for the contract.
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

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class StaffingApi final : public v1::StaffingService::Service, private OrgHandlers {
 public:
  explicit StaffingApi(std::shared_ptr<OrgKit> org);

  grpc::Status CreateStaffingStandard(grpc::ServerContext* ctx,
                                      const v1::CreateStaffingStandardRequest* req,
                                      v1::StaffingStandard* resp) override;
  grpc::Status GetStaffingStandard(grpc::ServerContext* ctx, const v1::GetStaffingStandardRequest* req,
                                   v1::StaffingStandard* resp) override;
  grpc::Status UpdateStaffingStandard(grpc::ServerContext* ctx,
                                      const v1::UpdateStaffingStandardRequest* req,
                                      v1::StaffingStandard* resp) override;
  grpc::Status ListStaffingStandards(grpc::ServerContext* ctx,
                                     const v1::ListStaffingStandardsRequest* req,
                                     v1::ListStaffingStandardsResponse* resp) override;
  grpc::Status CalculateStaffing(grpc::ServerContext* ctx, const v1::CalculateStaffingRequest* req,
                                 v1::StaffingCalculation* resp) override;
  grpc::Status CheckStaffingCompliance(grpc::ServerContext* ctx,
                                       const v1::CheckStaffingComplianceRequest* req,
                                       v1::StaffingCompliance* resp) override;
};

}  // namespace huinong::org
