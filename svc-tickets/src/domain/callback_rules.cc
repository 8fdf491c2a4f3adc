// See callback_rules.h.
#include "svc-tickets/src/domain/callback_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::tickets {

int CallbacksRequired(TicketType type, const SlaPolicy& policy) {
  const int configured = std::clamp(policy.callbacks_required, 0, 2);
  if (IsComplaint(type)) return 2;
  if (type == TicketType::kRepair) return std::max(1, configured);
  return configured;
}

absl::Status CheckAttempt(const CallbackAttempt& attempt, absl::Time now) {
  rpc::Violations v;
  switch (attempt.outcome) {
    case CallbackOutcome::kSatisfied:
      if (attempt.satisfaction < 3 || attempt.satisfaction > 5) {
        v.Add("callback.satisfaction", "a satisfied customer rates 3–5");
      }
      break;
    case CallbackOutcome::kUnsatisfied:
      if (attempt.satisfaction < 1 || attempt.satisfaction > 2) {
        v.Add("callback.satisfaction", "an unsatisfied customer rates 1–2");
      }
      if (attempt.opinion.empty()) v.Add("callback.opinion", "required: what the customer still wants");
      break;
    case CallbackOutcome::kUnreachable:
      if (attempt.satisfaction != 0) v.Add("callback.satisfaction", "an unreachable customer gives no rating");
      break;
    case CallbackOutcome::kUnspecified:
      v.Add("callback.outcome", "required: SATISFIED, UNSATISFIED or UNREACHABLE");
      break;
  }
  if (attempt.time > now) v.Add("callback.attempt_time", "must not be in the future");
  return v.ToStatus();
}

absl::Status CheckCaller(const std::string& caller, const std::string& resolver, int other_callback_holders) {
  if (caller == resolver && other_callback_holders > 0) {
    return rpc::WithReason(
        rpc::PermissionDenied(absl::StrCat("the resolver does not call back their own ticket: the unit has ",
                                           other_callback_holders, " other holder(s) of tickets.callback")),
        "CALLBACK_BY_RESOLVER");
  }
  return absl::OkStatus();
}

absl::Status CheckMayCall(bool do_not_call) {
  if (do_not_call) return rpc::FailedPrecondition("DO_NOT_CALL", "the customer asked not to be called");
  return absl::OkStatus();
}

int SatisfiedInRound(const std::vector<CallbackAttempt>& attempts, int round) {
  return static_cast<int>(std::count_if(attempts.begin(), attempts.end(), [round](const CallbackAttempt& a) {
    return a.round == round && a.outcome == CallbackOutcome::kSatisfied;
  }));
}

TicketEvent CallbackEvent(const CallbackAttempt& attempt, const std::vector<CallbackAttempt>& earlier, int required) {
  switch (attempt.outcome) {
    case CallbackOutcome::kSatisfied:
      return SatisfiedInRound(earlier, attempt.round) + 1 >= std::max(required, 1) ? TicketEvent::kCallbackSatisfied
                                                                                   : TicketEvent::kCallbackIncomplete;
    case CallbackOutcome::kUnsatisfied: return TicketEvent::kCallbackUnsatisfied;
    case CallbackOutcome::kUnreachable:
    case CallbackOutcome::kUnspecified: break;
  }
  return TicketEvent::kCallbackIncomplete;
}

absl::Status CheckCloseWithoutCallback(int required) {
  if (required > 0) {
    return rpc::FailedPrecondition("CALLBACK_REQUIRED",
                                   absl::StrCat("the ticket closes after ", required, " satisfied callback(s)"));
  }
  return absl::OkStatus();
}

absl::Status CheckCloseUnreachable(const std::vector<CallbackAttempt>& attempts, int round, int max_attempts,
                                   bool do_not_call) {
  if (do_not_call) return absl::OkStatus();
  const int needed = max_attempts > 0 ? max_attempts : 3;
  const int made = static_cast<int>(std::count_if(attempts.begin(), attempts.end(), [round](const CallbackAttempt& a) {
    return a.round == round && a.outcome == CallbackOutcome::kUnreachable;
  }));
  if (made < needed) {
    return rpc::FailedPrecondition("CALLBACK_ATTEMPTS_REMAINING",
                                   absl::StrCat(made, " unreachable attempt(s) of the ", needed,
                                                " after which a supervisor may close"));
  }
  return absl::OkStatus();
}

}  // namespace huinong::tickets
