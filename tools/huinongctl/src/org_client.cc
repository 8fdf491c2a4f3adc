// UnitService calls and the stubs of every service; see org_client.h.
#include "tools/huinongctl/src/org_client.h"

#include <utility>

#include "common/core/status_macros.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;


OrgClient::OrgClient(const Connection& connection)
    : connection_(connection),
      stubs_(connection.status().ok() ? std::make_tuple(v1::UnitService::NewStub(connection.channel()),
                                                        v1::PostService::NewStub(connection.channel()),
                                                        v1::StaffService::NewStub(connection.channel()),
                                                        v1::ChangeService::NewStub(connection.channel()),
                                                        v1::StaffingService::NewStub(connection.channel()),
                                                        v1::OrgQueryService::NewStub(connection.channel()),
                                                        v1::CalendarService::NewStub(connection.channel()))
                                       : decltype(stubs_)()) {}

absl::StatusOr<v1::Unit> OrgClient::CreateUnit(const v1::CreateUnitRequest& request) const {
  return CallStub<v1::Unit>(connection_, unit_stub(), &v1::UnitService::Stub::CreateUnit,
                                               request);
}

absl::StatusOr<v1::Unit> OrgClient::GetUnit(const std::string& name,
                                            const std::optional<type::v1::Date>& as_of) const {
  v1::GetUnitRequest request;
  request.set_name(name);
  if (as_of.has_value()) *request.mutable_as_of() = *as_of;
  return CallStub<v1::Unit>(connection_, unit_stub(), &v1::UnitService::Stub::GetUnit,
                                            request);
}

absl::StatusOr<v1::Unit> OrgClient::UpdateUnit(const v1::UpdateUnitRequest& request) const {
  return CallStub<v1::Unit>(connection_, unit_stub(), &v1::UnitService::Stub::UpdateUnit,
                                               request);
}

absl::StatusOr<v1::Unit> OrgClient::MoveUnit(const v1::MoveUnitRequest& request) const {
  return CallStub<v1::Unit>(connection_, unit_stub(), &v1::UnitService::Stub::MoveUnit,
                                             request);
}

absl::StatusOr<v1::ListUnitsResponse> OrgClient::ListUnits(const v1::ListUnitsRequest& request) const {
  return CallStub<v1::ListUnitsResponse>(connection_, unit_stub(),
                                                           &v1::UnitService::Stub::ListUnits, request);
}

absl::StatusOr<v1::GetUnitAncestorsResponse> OrgClient::GetUnitAncestors(
    const std::string& name, const std::optional<type::v1::Date>& as_of) const {
  v1::GetUnitAncestorsRequest request;
  request.set_name(name);
  if (as_of.has_value()) *request.mutable_as_of() = *as_of;
  return CallStub<v1::GetUnitAncestorsResponse>(connection_, unit_stub(), &v1::UnitService::Stub::GetUnitAncestors, request);
}

absl::StatusOr<std::vector<v1::Unit>> OrgClient::ListAllUnits(v1::ListUnitsRequest request) const {
  if (request.page_size() == 0) request.set_page_size(kFullPage);
  std::vector<v1::Unit> units;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListUnitsResponse page, ListUnits(request));
    for (v1::Unit& unit : *page.mutable_units()) units.push_back(std::move(unit));
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return units;
}

absl::StatusOr<std::vector<v1::Unit>> OrgClient::Subtree(const std::string& name, int max_depth,
                                                         bool include_abolished,
                                                         const std::optional<type::v1::Date>& as_of) const {
  v1::ListUnitSubtreeRequest request;
  request.set_name(name);
  if (as_of.has_value()) *request.mutable_as_of() = *as_of;
  request.set_max_depth(max_depth);
  request.set_include_abolished(include_abolished);
  request.set_page_size(kFullPage);
  std::vector<v1::Unit> units;
  while (true) {
    ASSIGN_OR_RETURN(auto page, (CallStub<v1::ListUnitSubtreeResponse>(connection_, unit_stub(), &v1::UnitService::Stub::ListUnitSubtree,
                                    request)));
    for (v1::Unit& unit : *page.mutable_units()) units.push_back(std::move(unit));
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return units;
}

}  // namespace huinong::ctl
