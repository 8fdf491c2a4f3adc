// What a service other than svc-org asks svc-org, as one interface: whether
// a person holds a capability for a unit, where a unit stands in the tree,
// which work calendar governs it, and who a staff member is. Use cases take an OrgView, so their
// tests answer from a table while the service wires OrgDirectory — the
// cached gRPC readers of this folder, with their guarantees (svc-org down is
// UNAVAILABLE / ORG_UNAVAILABLE, never "no"; answers reused for a short ttl).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/calendar/work_calendar.h"
#include "common/org_directory/capability_check.h"
#include "common/org_directory/unit_directory.h"
#include "common/org_directory/work_calendars.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "huinong/org/v1/staff_service.grpc.pb.h"

namespace huinong::org_directory {

class OrgView {
 public:
  virtual ~OrgView() = default;
  // Whether `staff_id` (without "staff/") holds `capability` for `unit_id`
  // (without "units/") on `day`.
  virtual absl::StatusOr<bool> Holds(const std::string& staff_id, const std::string& capability,
                                     const std::string& unit_id, absl::CivilDay day) = 0;
  virtual absl::StatusOr<UnitLineage> Lineage(const std::string& unit_id) = 0;
  virtual absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> CalendarFor(const std::string& unit_id,
                                                                                    absl::CivilDay day) = 0;
  // The display name of `staff_id` (without "staff/"): NOT_FOUND for
  // someone svc-org does not know. Asked rarely (a record naming a person),
  // so never cached.
  virtual absl::StatusOr<std::string> StaffDisplayName(const std::string& staff_id) = 0;
  // The staff ids (without "staff/") holding `capability` for `unit_id` on
  // `day` at the nearest unit up the tree that has any holder, head before
  // deputy before others (svc-org's ListCapabilityHolders, nearest_only).
  // Asked when work is routed up a chain (an escalation), so never cached.
  virtual absl::StatusOr<std::vector<std::string>> CapabilityHolders(const std::string& capability,
                                                                     const std::string& unit_id,
                                                                     absl::CivilDay day) = 0;
};

struct OrgDirectoryOptions {
  CapabilityCheckOptions capabilities;
  UnitDirectoryOptions units;
  WorkCalendarsOptions calendars;
};

// The OrgView of a running service: svc-org over one channel, with the
// service's own token on every call.
class OrgDirectory final : public OrgView {
 public:
  OrgDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, OrgDirectoryOptions options = {});

  absl::StatusOr<bool> Holds(const std::string& staff_id, const std::string& capability, const std::string& unit_id,
                             absl::CivilDay day) override {
    return capabilities_.Holds(staff_id, capability, unit_id, day);
  }
  absl::StatusOr<UnitLineage> Lineage(const std::string& unit_id) override { return units_.Lineage(unit_id); }
  absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> CalendarFor(const std::string& unit_id,
                                                                            absl::CivilDay day) override {
    return calendars_.For(unit_id, day);
  }
  absl::StatusOr<std::string> StaffDisplayName(const std::string& staff_id) override;
  absl::StatusOr<std::vector<std::string>> CapabilityHolders(const std::string& capability, const std::string& unit_id,
                                                             absl::CivilDay day) override;

 private:
  std::unique_ptr<org::v1::StaffService::Stub> staff_;
  std::unique_ptr<org::v1::OrgQueryService::Stub> queries_;
  TokenSource token_;
  absl::Duration staff_deadline_;
  CapabilityCheck capabilities_;
  UnitDirectory units_;
  WorkCalendars calendars_;
};

}  // namespace huinong::org_directory
