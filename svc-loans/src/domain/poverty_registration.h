// A household's poor-household registration changes as dated events
// (RecordPovertyStatusChange): registered as poor (建档立卡) from a day,
// opening a period; lifted out of poverty (脱贫) on a later day, closing it;
// possibly registered again from the lifting day on. Pure.
//
// Guarantees: periods stay in order and never overlap (BorrowerViolations
// holds after every change); no change is dated after the business day it
// is recorded on; a refused change leaves the borrower as it was.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/borrower_record.h"

namespace huinong::loans {

struct PovertyChange {
  enum class Kind { kRegistered = 1, kLifted = 2 };
  Kind kind = Kind::kRegistered;
  absl::CivilDay day;        // registered from / lifted on
  std::string number;        // the registration number (kRegistered)
  domain::DocumentRef document;  // the notice or the lifting decision
};

// Where a refusal points in the request.
struct PovertyChangeFields {
  std::string borrower;  // "name"
  std::string day;       // "change.effective_date"
  std::string number;    // "change.registration_number"
};

// Records `change`, made by `by` ("staff/{id}") at `at` on business day
// `today`:
// - kRegistered opens a period. INVALID_ARGUMENT when the number is empty,
//   the day is after `today` or before the last period was lifted;
//   FAILED_PRECONDITION / ALREADY_REGISTERED while a period is open.
// - kLifted closes the open period (its first day no longer registered).
//   INVALID_ARGUMENT when the day is after `today` or not after the period
//   began; FAILED_PRECONDITION / NOT_REGISTERED when no period is open.
// Either: INVALID_ARGUMENT naming `fields.borrower` for a non-household.
absl::Status ApplyPovertyChange(Borrower& household, const PovertyChange& change, const std::string& by,
                                absl::Time at, absl::CivilDay today, const PovertyChangeFields& fields);

}  // namespace huinong::loans
