// After a loss (issue 11 item 8; 000:1537-1539): the bank-led recovery on a
// written-off loan — its recoveries, the case's state, and what is left to
// recover — and the staff recorded as answerable for a fraudulent or
// negligent loan. Pure.
//
// Guarantees: the recoveries of a loan never add up to more than its loss
// (AMOUNT_EXCEEDS_BALANCE); a closed case takes no more (RECOVERY_CLOSED).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"

namespace huinong::loans {

enum class RecoverySource { kBorrower = 1, kCollateral = 2, kGuarantee = 3, kInsurance = 4, kLitigation = 5 };
// kNone before the write-off's approval; IN_PROGRESS from it; CLOSED by a
// recovery that closes the case.
enum class RecoveryState { kNone = 0, kInProgress = 1, kClosed = 2 };

struct RecoveryRecord {
  std::string id;
  std::string loan_id;
  std::string request_id;
  int64_t amount_fen = 0;
  absl::CivilDay value_date;
  RecoverySource source = RecoverySource::kBorrower;
  std::string bank_reference;
  std::string note;
  bool malicious_evasion = false;
  bool closes_case = false;
  int64_t fund_share_fen = 0;
  std::string fund_transaction_id;
  std::string blacklist_entry_id;
  std::string recorded_by;
  absl::Time record_time;
};

// OK when `amount_fen` may be recovered on a loan whose loss is `loss_fen`,
// after `recovered_fen` so far, in `state`: FAILED_PRECONDITION
// RECOVERY_CLOSED for a closed case, AMOUNT_EXCEEDS_BALANCE above what is
// left.
absl::Status CheckRecovery(RecoveryState state, int64_t loss_fen, int64_t recovered_fen, int64_t amount_fen);

enum class AccountabilityKind { kFraud = 1, kNegligence = 2 };

struct AccountabilityRecord {
  std::string loan_id;
  int index = 0;  // 1-based, in order
  std::string staff_id;
  AccountabilityKind kind = AccountabilityKind::kFraud;
  std::string finding;
  std::string decision;
  std::vector<domain::DocumentRef> documents;
  std::string recorded_by;
  absl::Time record_time;
};

}  // namespace huinong::loans
