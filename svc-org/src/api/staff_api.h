// StaffService's gRPC handlers (see staff_service.proto for the contract):
// staff (staff_api.cc), assignments (assignments_api.cc, checked in the
// order app/assignment_checks.h gives) and concurrency policies
// (policies_api.cc). A change to who holds what invalidates that person's
// capability grants after commit (OrgKit::grants).
#pragma once

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/staff_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class StaffApi final : public v1::StaffService::Service, private OrgHandlers {
 public:
  explicit StaffApi(std::shared_ptr<OrgKit> org);

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
};

}  // namespace huinong::org
