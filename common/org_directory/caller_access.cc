// See caller_access.h.
#include "common/org_directory/caller_access.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::org_directory {

std::string StaffIdOf(absl::string_view subject) {
  if (absl::StartsWith(subject, "staff/")) subject.remove_prefix(6);
  return std::string(subject);
}

std::string StaffIdOf(const auth::Principal& caller) { return StaffIdOf(caller.subject); }

std::string CallerUnitId(const auth::Principal& caller) {
  if (absl::StartsWith(caller.unit, "units/")) return caller.unit.substr(6);
  return "";
}

bool ReadsAll(const auth::Principal& caller) {
  return caller.IsAdmin() || caller.IsService() || caller.HasRole("auditor");
}

bool NamesStaffMember(const auth::Principal& caller) {
  if (caller.IsService() || StaffIdOf(caller).empty()) return false;
  return !ReadsAll(caller) || absl::StartsWith(caller.subject, "staff/");
}

bool MayReadPersonalData(const auth::Principal& caller) { return !ReadsAll(caller) && NamesStaffMember(caller); }

absl::Status RequireCapability(OrgView& org, const auth::Principal& caller, absl::string_view capability,
                               const std::string& unit_id, absl::CivilDay day) {
  const std::string staff = StaffIdOf(caller);
  bool held = false;
  // A staff token acting for no unit holds nothing here (svc-org is not
  // asked a question about a unit the caller never named), nor does a token
  // naming no staff member (NamesStaffMember).
  if (NamesStaffMember(caller) && !unit_id.empty()) {
    ASSIGN_OR_RETURN(held, org.Holds(staff, std::string(capability), unit_id, day));
  }
  if (held) return absl::OkStatus();
  return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(caller.subject, " does not hold ", capability,
                                                            " for units/", unit_id)),
                         "CAPABILITY_MISSING");
}

absl::StatusOr<UnitLineage> CallerLineage(OrgView& org, const auth::Principal& caller) {
  const std::string unit = CallerUnitId(caller);
  if (unit.empty()) {
    if (ReadsAll(caller)) return UnitLineage{};
    return rpc::PermissionDenied("the caller's token names no unit to act for");
  }
  absl::StatusOr<UnitLineage> lineage = org.Lineage(unit);
  if (absl::IsNotFound(lineage.status())) {
    return rpc::PermissionDenied(absl::StrCat("the caller's unit ", caller.unit, " does not exist"));
  }
  return lineage;
}

const UnitLink* PlaceOf(const UnitLineage& caller) {
  for (auto it = caller.chain.rbegin(); it != caller.chain.rend(); ++it) {
    if (it->level != type::v1::LEVEL_UNSPECIFIED) return &*it;
  }
  return nullptr;
}

}  // namespace huinong::org_directory
