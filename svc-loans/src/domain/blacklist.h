// The blacklist (黑名单, 000:1537): a borrower who evaded repayment,
// committed fraud or diverted funds is listed; while an entry is active the
// borrower can neither apply nor draw (BORROWER_BLACKLISTED). An entry is
// ended, with a reason, by a county reviewer other than the one who listed
// it (four eyes). At most one entry per borrower is active. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"

namespace huinong::loans {

enum class BlacklistCategory {
  kMaliciousEvasion = 1,  // 恶意逃废债
  kFraud = 2,
  kFundDiversion = 3,
};

struct BlacklistEntry {
  std::string id;
  std::string borrower_id;
  BlacklistCategory category = BlacklistCategory::kMaliciousEvasion;
  std::string reason;
  std::string loan_id;  // empty: no loan named
  std::vector<domain::DocumentRef> evidence;
  bool active = true;
  std::string listed_by;  // "staff/{id}"
  absl::Time list_time;
  std::string removed_by;
  std::optional<absl::Time> remove_time;
  std::string removal_reason;
  int64_t version = 1;  // the etag
};

// OK when `remover` ("staff/{id}") may end `entry`: FAILED_PRECONDITION /
// INVALID_TRANSITION once it has ended; PERMISSION_DENIED / SELF_APPROVAL
// when the remover is the one who listed it.
absl::Status CheckRemoval(const BlacklistEntry& entry, const std::string& remover);

}  // namespace huinong::loans
