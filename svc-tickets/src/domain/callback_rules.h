// The callback rules (回访, issue 12 item 6): after a ticket is resolved the
// customer is called back, and only a satisfied customer closes it.
//   - How many satisfied callbacks close a ticket: 2 for a complaint or
//     grievance — a second callback after the fix (`000:865`) — at least 1
//     for a repair (`000:863`), otherwise the policy's number (0–2).
//   - Who calls: someone other than the resolver where the resolver unit
//     has a callback group — another holder of tickets.callback (`003:264`);
//     a one-person unit may do both (`001:171`).
//   - What an attempt does: satisfied → CALLBACK_SATISFIED (closes) once the
//     required number is in this round, else CALLBACK_INCOMPLETE; unsatisfied
//     → CALLBACK_UNSATISFIED (reopens, `001:191`); unreachable →
//     CALLBACK_INCOMPLETE.
//   - Closing without a satisfied callback: at once when none is required;
//     by a supervisor after the policy's max unreachable attempts in the
//     round (at once for a do-not-call customer).
// Pure; the table moves are ticket_flow.h.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/sla_policy.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

// Values as CallbackOutcome in callbacks.proto.
enum class CallbackOutcome { kUnspecified = 0, kSatisfied = 1, kUnsatisfied = 2, kUnreachable = 3 };

struct CallbackAttempt {
  std::string caller;  // "staff/{id}"
  absl::Time time;
  CallbackOutcome outcome = CallbackOutcome::kUnspecified;
  int satisfaction = 0;  // 1–5 when reached, 0 when unreachable
  std::string opinion;
  int round = 0;  // the ticket's reopen_count when made
};

// Satisfied callbacks that close a ticket of `type` under `policy`.
int CallbacksRequired(TicketType type, const SlaPolicy& policy);

// The attempt's own fields: outcome set; satisfaction 3–5 for SATISFIED,
// 1–2 for UNSATISFIED, 0 for UNREACHABLE; an opinion for UNSATISFIED; not
// after `now`. INVALID_ARGUMENT naming every bad field under "callback.".
absl::Status CheckAttempt(const CallbackAttempt& attempt, absl::Time now);

// PERMISSION_DENIED / CALLBACK_BY_RESOLVER when `caller` resolved the ticket
// and `other_callback_holders` (holders of tickets.callback for the resolver
// unit other than the resolver) is not zero.
absl::Status CheckCaller(const std::string& caller, const std::string& resolver, int other_callback_holders);

// FAILED_PRECONDITION / DO_NOT_CALL for a customer who asked not to be called.
absl::Status CheckMayCall(bool do_not_call);

// The event an attempt fires, given the earlier attempts of the ticket.
TicketEvent CallbackEvent(const CallbackAttempt& attempt, const std::vector<CallbackAttempt>& earlier, int required);

// The satisfied callbacks of round `round`.
int SatisfiedInRound(const std::vector<CallbackAttempt>& attempts, int round);

// Whether a resolved ticket closes at once (CLOSE_NO_CALLBACK_DUE): OK when
// `required` is 0, else FAILED_PRECONDITION / CALLBACK_REQUIRED. The same
// check refuses ANSWER_AT_FIRST_CONTACT for a ticket that wants a callback.
absl::Status CheckCloseWithoutCallback(int required);

// CLOSE_UNREACHABLE: OK after `max_attempts` (0 is read as 3) unreachable
// attempts in round `round`, or at once for a do-not-call customer; else
// FAILED_PRECONDITION / CALLBACK_ATTEMPTS_REMAINING.
absl::Status CheckCloseUnreachable(const std::vector<CallbackAttempt>& attempts, int round, int max_attempts,
                                   bool do_not_call);

}  // namespace huinong::tickets
