// See org_services.h and org_kit.h.
#include "svc-org/src/api/org_services.h"

#include "svc-org/src/api/calendars_api.h"
#include "svc-org/src/api/changes_api.h"
#include "svc-org/src/api/posts_api.h"
#include "svc-org/src/api/queries_api.h"
#include "svc-org/src/api/staff_api.h"
#include "svc-org/src/api/staffing_api.h"
#include "svc-org/src/api/units_api.h"
#include "svc-org/src/app/org_identity.h"

namespace huinong::org {

OrgKit::OrgKit(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock)
    : kit(pool, gate, std::move(clock), OrgIdentity()),
      scopes(pool, absl::Seconds(5)),
      grants(kCapabilityCacheTtl, /*max_entries=*/100000) {}

namespace {

template <class Service, class Api>
server::HostedService Hosted(const std::shared_ptr<OrgKit>& org) {
  return {Service::service_full_name(), std::make_unique<Api>(org)};
}

}  // namespace

std::vector<server::HostedService> OrgServices(std::shared_ptr<OrgKit> org) {
  std::vector<server::HostedService> services;
  services.push_back(Hosted<v1::UnitService, UnitsApi>(org));
  services.push_back(Hosted<v1::PostService, PostsApi>(org));
  services.push_back(Hosted<v1::StaffService, StaffApi>(org));
  services.push_back(Hosted<v1::ChangeService, ChangesApi>(org));
  services.push_back(Hosted<v1::StaffingService, StaffingApi>(org));
  services.push_back(Hosted<v1::OrgQueryService, QueriesApi>(org));
  services.push_back(Hosted<v1::CalendarService, CalendarsApi>(org));
  return services;
}

}  // namespace huinong::org
