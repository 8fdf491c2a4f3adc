// A loan's write-off (issue 11 item 4, "write-off by the bank, approved by
// the county"): the bank that paid the loan asks for it with the loss and
// its documents, and the county approves (the loan is WRITTEN_OFF) or
// rejects with a reason (the bank may ask again). One table of (state,
// event) → state, checked only through WriteOffFlow().Next. Pure.
//
//   (none) ─REQUEST→ REQUESTED ─APPROVE→ APPROVED (final)
//   REQUESTED ─REJECT→ REJECTED ─REQUEST→ REQUESTED
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "common/domain/state_table.h"

namespace huinong::loans {

// kNone: the loan has no write-off row (never requested).
enum class WriteOffState { kNone = 0, kRequested = 1, kApproved = 2, kRejected = 3 };
enum class WriteOffEvent { kRequest = 1, kApprove = 2, kReject = 3 };

absl::string_view WriteOffStateName(WriteOffState state);
absl::string_view WriteOffEventName(WriteOffEvent event);
const domain::StateTable<WriteOffState, WriteOffEvent>& WriteOffFlow();

struct WriteOffRecord {
  std::string loan_id;
  std::string county_id;
  WriteOffState state = WriteOffState::kNone;
  absl::CivilDay date;           // the day of the loss
  int64_t principal_fen = 0;     // the loss: principal outstanding on `date`
  int64_t interest_fen = 0;      // and interest due and accrued
  std::string reason;
  std::vector<domain::DocumentRef> documents;
  std::string requested_by;      // "staff/{id}"
  absl::Time request_time;
  std::string decided_by;
  std::optional<absl::Time> decide_time;
  std::string decision_comment;  // the approval's comment or the rejection's reason
  int64_t version = 0;           // 0 before the first request

  int64_t LossFen() const { return principal_fen + interest_fen; }
};

}  // namespace huinong::loans
