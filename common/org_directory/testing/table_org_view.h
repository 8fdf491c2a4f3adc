// An OrgView answered from tables, for the API and use-case tests of the
// services that ask svc-org (loans, tickets):
// a unit tree (each unit with its parent and place level), capability
// grants (staff, capability, unit: held for that unit and everything below
// it, as svc-org's CheckCapability answers for a post at that unit), and
// one work calendar for every unit (Monday–Friday 08:30–17:30 in
// Asia/Shanghai unless a test sets another). A test can make svc-org
// "unreachable" (every answer UNAVAILABLE / ORG_UNAVAILABLE).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "common/org_directory/org_view.h"

namespace huinong::org_directory {

class TableOrgView final : public OrgView {
 public:
  TableOrgView();

  // `parent` empty for a root; `level` LEVEL_UNSPECIFIED for a partner's unit.
  void AddUnit(const std::string& id, type::v1::Level level, const std::string& parent = "");
  void Grant(const std::string& staff_id, const std::string& capability, const std::string& unit_id);
  void Revoke(const std::string& staff_id, const std::string& capability, const std::string& unit_id);
  // Staff svc-org knows: everyone granted a capability, and those added.
  void AddStaff(const std::string& staff_id, const std::string& display_name);
  void SetCalendar(calendar::WorkCalendar calendar);
  void SetUnreachable(bool unreachable);
  int holds_calls() const;

  absl::StatusOr<bool> Holds(const std::string& staff_id, const std::string& capability, const std::string& unit_id,
                             absl::CivilDay day) override;
  absl::StatusOr<UnitLineage> Lineage(const std::string& unit_id) override;
  absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> CalendarFor(const std::string& unit_id,
                                                                            absl::CivilDay day) override;
  absl::StatusOr<std::string> StaffDisplayName(const std::string& staff_id) override;
  // Holders granted `capability` at the nearest unit of `unit_id`'s chain
  // that has any, by staff id.
  absl::StatusOr<std::vector<std::string>> CapabilityHolders(const std::string& capability, const std::string& unit_id,
                                                             absl::CivilDay day) override;

 private:
  struct Node {
    type::v1::Level level;
    std::string parent;
  };
  absl::Status Reachable() const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<UnitLineage> LineageLocked(const std::string& unit_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  std::map<std::string, Node> units_ ABSL_GUARDED_BY(mu_);
  std::set<std::tuple<std::string, std::string, std::string>> grants_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::string> staff_ ABSL_GUARDED_BY(mu_);
  std::shared_ptr<const calendar::WorkCalendar> calendar_ ABSL_GUARDED_BY(mu_);
  bool unreachable_ ABSL_GUARDED_BY(mu_) = false;
  int holds_calls_ ABSL_GUARDED_BY(mu_) = 0;
};

// Monday–Friday 08:30–12:00 and 13:30–17:30 in Asia/Shanghai, no holidays.
calendar::WorkCalendar WeekdayCalendar();

}  // namespace huinong::org_directory
