// svc-org's services as huinongctl uses them: the unit methods of
// UnitService by name, and any unary method of the seven services through
// Call, which picks the service's stub from the method; each call prepared
// by the Connection (deadline, token, x-request-id), errors returned as
// absl::Status with the server's details (field violations, reason), and the
// paginated methods followed to the last page where a command needs them all.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/statusor.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"
#include "huinong/org/v1/change_service.grpc.pb.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "huinong/org/v1/post_service.grpc.pb.h"
#include "huinong/org/v1/staff_service.grpc.pb.h"
#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/stub_call.h"

namespace huinong::ctl {

class OrgClient {
 public:
  explicit OrgClient(const Connection& connection);

  absl::StatusOr<org::v1::Unit> CreateUnit(const org::v1::CreateUnitRequest& request) const;
  // `as_of`: the unit (ancestors, subtree) as it stood on that day; unset
  // means the current registry.
  absl::StatusOr<org::v1::Unit> GetUnit(const std::string& name,
                                        const std::optional<type::v1::Date>& as_of = std::nullopt) const;
  absl::StatusOr<org::v1::Unit> UpdateUnit(const org::v1::UpdateUnitRequest& request) const;
  absl::StatusOr<org::v1::Unit> MoveUnit(const org::v1::MoveUnitRequest& request) const;
  absl::StatusOr<org::v1::ListUnitsResponse> ListUnits(const org::v1::ListUnitsRequest& request) const;
  absl::StatusOr<org::v1::GetUnitAncestorsResponse> GetUnitAncestors(
      const std::string& name, const std::optional<type::v1::Date>& as_of = std::nullopt) const;

  // Every page of ListUnits from `request` (its page_token is the start).
  absl::StatusOr<std::vector<org::v1::Unit>> ListAllUnits(org::v1::ListUnitsRequest request) const;
  // Every page of ListUnitSubtree: depth-first, the root first.
  absl::StatusOr<std::vector<org::v1::Unit>> Subtree(
      const std::string& name, int max_depth, bool include_abolished,
      const std::optional<type::v1::Date>& as_of = std::nullopt) const;

  // Any unary method of svc-org's services, e.g.
  //   org.Call<v1::Post>(&v1::PostService::Stub::CreatePost, request)
  // with a fresh prepared context; the server's error as absl::Status.
  template <typename Response, typename Request, typename Stub>
  absl::StatusOr<Response> Call(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                                const Request& request) const {
    return CallStub(connection_, std::get<std::unique_ptr<Stub>>(stubs_).get(), method, request);
  }

 private:
  org::v1::UnitService::Stub* unit_stub() const { return std::get<0>(stubs_).get(); }

  const Connection& connection_;
  // One stub per service, all on the connection's channel.
  std::tuple<std::unique_ptr<org::v1::UnitService::Stub>, std::unique_ptr<org::v1::PostService::Stub>,
             std::unique_ptr<org::v1::StaffService::Stub>, std::unique_ptr<org::v1::ChangeService::Stub>,
             std::unique_ptr<org::v1::StaffingService::Stub>, std::unique_ptr<org::v1::OrgQueryService::Stub>,
             std::unique_ptr<org::v1::CalendarService::Stub>>
      stubs_;
};

// A page size for walking whole collections: the API's maximum.
inline constexpr int kFullPage = 500;

}  // namespace huinong::ctl
