// See poverty_registration.h.
#include "svc-loans/src/domain/poverty_registration.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {
namespace {

PoorRegistration* OpenPeriod(Borrower& b) {
  std::vector<PoorRegistration>& periods = b.profile.poor_registrations;
  if (periods.empty() || periods.back().lifted) return nullptr;
  return &periods.back();
}

}  // namespace

absl::Status ApplyPovertyChange(Borrower& b, const PovertyChange& change, const std::string& by, absl::Time at,
                                absl::CivilDay today, const PovertyChangeFields& fields) {
  rpc::Violations v;
  if (b.profile.type != BorrowerType::kHousehold) v.Add(fields.borrower, "only a household is registered as poor");
  if (change.day > today) v.Add(fields.day, absl::StrCat("not after today, ", absl::FormatCivilTime(today)));
  PoorRegistration* open = OpenPeriod(b);
  const std::vector<PoorRegistration>& periods = b.profile.poor_registrations;
  if (change.kind == PovertyChange::Kind::kRegistered) {
    if (change.number.empty()) v.Add(fields.number, "required to register");
    if (!periods.empty() && periods.back().lifted && change.day < *periods.back().lifted) {
      v.Add(fields.day, absl::StrCat("on or after the day the last period was lifted, ",
                                     absl::FormatCivilTime(*periods.back().lifted)));
    }
    RETURN_IF_ERROR(v.ToStatus());
    if (open != nullptr) {
      return rpc::FailedPrecondition("ALREADY_REGISTERED",
                                     absl::StrCat("registered as poor since ", absl::FormatCivilTime(open->registered)));
    }
    PoorRegistration period{change.day, std::nullopt};
    period.number = change.number;
    period.registration_document = change.document;
    period.registered_by = by;
    period.register_time = at;
    b.profile.poor_registrations.push_back(std::move(period));
    b.poverty_registration_number = change.number;
    return absl::OkStatus();
  }
  if (open != nullptr && change.day <= open->registered) {
    v.Add(fields.day,
          absl::StrCat("after the day the open period began, ", absl::FormatCivilTime(open->registered)));
  }
  RETURN_IF_ERROR(v.ToStatus());
  if (open == nullptr) return rpc::FailedPrecondition("NOT_REGISTERED", "no registration period is open");
  open->lifted = change.day;
  open->lifting_document = change.document;
  open->lifted_by = by;
  open->lift_time = at;
  b.poverty_registration_number.clear();
  return absl::OkStatus();
}

}  // namespace huinong::loans
