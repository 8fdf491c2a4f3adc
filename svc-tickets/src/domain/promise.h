// Promised reply times (`001:1093`: a case gets a promised reply within
// 48 h; `001:1113`: a missed promise is told to the customer with an
// apology and replaced by a new one — never moved silently). A ticket's
// promises are a list; only the last may be OPEN. Pure.
//
// Guarantees: a new promise lies after `now` and no later than the policy's
// reply target counted from `now` (INVALID_ARGUMENT naming `field`:
// PROMISE_IN_PAST, PROMISE_TOO_LATE); a promise replaced after its time is
// BREACHED (its breach time the promised time) and the replacement needs an
// apology (APOLOGY_REQUIRED), one replaced in time is RENEGOTIATED; at
// resolution the open promise is KEPT when met, BREACHED otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/calendar/work_calendar.h"
#include "svc-tickets/src/domain/sla_policy.h"
#include "svc-tickets/src/domain/ticket.h"

namespace huinong::tickets {

// The latest reply time a promise made at `now` may name: the policy's
// reply target on its calendar (24×7 when the policy says so); the seeds'
// 2 working days when the policy keeps no reply target.
absl::StatusOr<absl::Time> LatestPromise(const SlaPolicy& policy, const calendar::WorkCalendar& calendar,
                                         absl::Time now);

// Checks `promised` for a new promise made at `now`.
absl::Status CheckPromiseTime(absl::Time promised, absl::Time now, absl::Time latest, const std::string& field);

// Appends a promise, settling the current open one first (BREACHED when
// its time has passed, else RENEGOTIATED). APOLOGY_REQUIRED when the
// current one is breached and `apologised` is false.
absl::Status AddPromise(std::vector<Promise>& promises, absl::Time promised, absl::Time now,
                        const std::string& made_by, const std::string& progress_note, bool apologised);

// At resolution: the open promise KEPT when `now` is not after it, else BREACHED.
void SettlePromiseAtResolution(std::vector<Promise>& promises, absl::Time now);

// The open promise whose time has passed by `now`, if any (the scanner
// records it as breached).
Promise* OverduePromise(std::vector<Promise>& promises, absl::Time now);

// The promised time of the open promise, if any: when the scanner must
// look again, to record it missed.
std::optional<absl::Time> OpenPromiseTime(const std::vector<Promise>& promises);

}  // namespace huinong::tickets
