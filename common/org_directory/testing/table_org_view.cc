// See table_org_view.h.
#include "common/org_directory/testing/table_org_view.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::org_directory {

calendar::WorkCalendar WeekdayCalendar() {
  calendar::WorkCalendarSpec spec;
  spec.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) {
    calendar::WeekdayHours hours;
    hours.weekday = static_cast<absl::Weekday>(d);
    hours.periods = {{absl::Hours(8) + absl::Minutes(30), absl::Hours(12)},
                     {absl::Hours(13) + absl::Minutes(30), absl::Hours(17) + absl::Minutes(30)}};
    spec.weekday_hours.push_back(hours);
  }
  return *calendar::WorkCalendar::Create(spec);
}

TableOrgView::TableOrgView() : calendar_(std::make_shared<const calendar::WorkCalendar>(WeekdayCalendar())) {}

void TableOrgView::AddUnit(const std::string& id, type::v1::Level level, const std::string& parent) {
  absl::MutexLock lock(&mu_);
  units_[id] = Node{level, parent};
}

void TableOrgView::Grant(const std::string& staff_id, const std::string& capability, const std::string& unit_id) {
  absl::MutexLock lock(&mu_);
  grants_.insert({staff_id, capability, unit_id});
  staff_.try_emplace(staff_id, staff_id);
}

void TableOrgView::AddStaff(const std::string& staff_id, const std::string& display_name) {
  absl::MutexLock lock(&mu_);
  staff_[staff_id] = display_name;
}

void TableOrgView::Revoke(const std::string& staff_id, const std::string& capability, const std::string& unit_id) {
  absl::MutexLock lock(&mu_);
  grants_.erase({staff_id, capability, unit_id});
}

void TableOrgView::SetCalendar(calendar::WorkCalendar calendar) {
  absl::MutexLock lock(&mu_);
  calendar_ = std::make_shared<const calendar::WorkCalendar>(std::move(calendar));
}

void TableOrgView::SetUnreachable(bool unreachable) {
  absl::MutexLock lock(&mu_);
  unreachable_ = unreachable;
}

int TableOrgView::holds_calls() const {
  absl::MutexLock lock(&mu_);
  return holds_calls_;
}

absl::Status TableOrgView::Reachable() const {
  if (!unreachable_) return absl::OkStatus();
  return rpc::WithReason(absl::UnavailableError("svc-org cannot answer: connection refused"), "ORG_UNAVAILABLE");
}

absl::StatusOr<UnitLineage> TableOrgView::LineageLocked(const std::string& unit_id) const {
  RETURN_IF_ERROR(Reachable());
  UnitLineage lineage;
  std::string at = unit_id;
  while (!at.empty()) {
    auto it = units_.find(at);
    if (it == units_.end()) return absl::NotFoundError(absl::StrCat("svc-org: units/", at));
    lineage.chain.insert(lineage.chain.begin(), UnitLink{at, it->second.level, at});
    at = it->second.parent;
  }
  if (lineage.chain.empty()) return absl::NotFoundError("svc-org: units/");
  return lineage;
}

absl::StatusOr<bool> TableOrgView::Holds(const std::string& staff_id, const std::string& capability,
                                         const std::string& unit_id, absl::CivilDay) {
  absl::MutexLock lock(&mu_);
  ++holds_calls_;
  ASSIGN_OR_RETURN(UnitLineage lineage, LineageLocked(unit_id));
  // As svc-org's CheckCapability: a subject that is no staff member is NOT_FOUND.
  if (!staff_.contains(staff_id)) return absl::NotFoundError(absl::StrCat("svc-org: staff/", staff_id, " not found"));
  for (const UnitLink& link : lineage.chain) {
    if (grants_.contains({staff_id, capability, link.id})) return true;
  }
  return false;
}

absl::StatusOr<UnitLineage> TableOrgView::Lineage(const std::string& unit_id) {
  absl::ReaderMutexLock lock(&mu_);
  return LineageLocked(unit_id);
}

absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> TableOrgView::CalendarFor(const std::string& unit_id,
                                                                                        absl::CivilDay) {
  absl::ReaderMutexLock lock(&mu_);
  ASSIGN_OR_RETURN(UnitLineage lineage, LineageLocked(unit_id));
  return calendar_;
}

absl::StatusOr<std::string> TableOrgView::StaffDisplayName(const std::string& staff_id) {
  absl::ReaderMutexLock lock(&mu_);
  RETURN_IF_ERROR(Reachable());
  auto it = staff_.find(staff_id);
  if (it == staff_.end()) return absl::NotFoundError(absl::StrCat("svc-org: staff/", staff_id));
  return it->second;
}

absl::StatusOr<std::vector<std::string>> TableOrgView::CapabilityHolders(const std::string& capability,
                                                                         const std::string& unit_id, absl::CivilDay) {
  absl::ReaderMutexLock lock(&mu_);
  ASSIGN_OR_RETURN(UnitLineage lineage, LineageLocked(unit_id));
  for (auto link = lineage.chain.rbegin(); link != lineage.chain.rend(); ++link) {
    std::vector<std::string> holders;
    for (const auto& [staff, cap, unit] : grants_) {
      if (cap == capability && unit == link->id) holders.push_back(staff);
    }
    if (!holders.empty()) return holders;
  }
  return std::vector<std::string>();
}

}  // namespace huinong::org_directory
