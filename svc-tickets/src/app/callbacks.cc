// See callbacks.h.
#include "svc-tickets/src/app/callbacks.h"

#include <algorithm>

#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/app/ticket_steps.h"
#include "svc-tickets/src/store/callback_store.h"
#include "svc-tickets/src/store/customer_store.h"

namespace huinong::tickets {
namespace {

absl::StatusOr<bool> DoNotCall(StepContext& c) {
  ASSIGN_OR_RETURN(const std::optional<Customer> customer, store::GetCustomer(c.m.tx(), c.ticket.customer_id));
  return customer && customer->do_not_call;
}

}  // namespace

TicketStep CallbackStep(CallbackAttempt attempt, std::optional<absl::Time> promised) {
  return {std::nullopt, ActivityKind::kCallback, [=](StepContext& c) mutable -> absl::Status {
            if (c.ticket.state != TicketState::kResolved && c.ticket.state != TicketState::kCallbackPending) {
              return rpc::FailedPrecondition("INVALID_TRANSITION",
                                             "a callback is recorded on a RESOLVED or CALLBACK_PENDING ticket");
            }
            attempt.caller = c.actor.staff;
            attempt.round = c.ticket.reopen_count;
            RETURN_IF_ERROR(CheckAttempt(attempt, c.m.now()));
            // Not backdated before the resolution or the previous attempt
            // (the ticket's last change by a person), which would make a
            // late callback look on time.
            if (attempt.time < c.ticket.update_time) {
              return rpc::InvalidField("callback.attempt_time",
                                       "must not be before the ticket's resolution or its last callback");
            }
            ASSIGN_OR_RETURN(const bool do_not_call, DoNotCall(c));
            RETURN_IF_ERROR(CheckMayCall(do_not_call));
            ASSIGN_OR_RETURN(std::vector<std::string> group,
                             c.org.CapabilityHolders(std::string(kCallbackGroup), c.ticket.people.resolver_unit,
                                                     c.m.today()));
            const int others = static_cast<int>(std::count_if(
                group.begin(), group.end(), [&](const std::string& s) { return s != c.ticket.resolved_by; }));
            RETURN_IF_ERROR(CheckCaller(attempt.caller, c.ticket.resolved_by, others));
            ASSIGN_OR_RETURN(const std::vector<CallbackAttempt> earlier, store::ListCallbacks(c.m.tx(), c.ticket.id));
            const TicketEvent event = CallbackEvent(attempt, earlier, c.ticket.callbacks_required);
            if (event == TicketEvent::kCallbackUnsatisfied) {
              if (!promised) return rpc::InvalidField("promised_time", "required when the customer is unsatisfied");
              RETURN_IF_ERROR(MakePromise(c, *promised, attempt.opinion, true));
              ++c.ticket.reopen_count;
              c.ticket.satisfied_callbacks = 0;
            } else {
              std::vector<CallbackAttempt> all = earlier;
              all.push_back(attempt);
              c.ticket.satisfied_callbacks = SatisfiedInRound(all, attempt.round);
            }
            if (event == TicketEvent::kCallbackSatisfied) c.ticket.close_reason = CloseReason::kCustomerSatisfied;
            RETURN_IF_ERROR(store::AppendCallback(c.m.tx(), c.ticket.id, attempt).status());
            c.activity.note = attempt.opinion;
            c.activity.customer_informed = attempt.outcome != CallbackOutcome::kUnreachable;
            c.then = event;
            return absl::OkStatus();
          }};
}

TicketStep CloseUnreachableStep(std::string reason) {
  return {TicketEvent::kCloseUnreachable, ActivityKind::kClosed, [=](StepContext& c) -> absl::Status {
            ASSIGN_OR_RETURN(const std::vector<CallbackAttempt> attempts, store::ListCallbacks(c.m.tx(), c.ticket.id));
            ASSIGN_OR_RETURN(const bool do_not_call, DoNotCall(c));
            ASSIGN_OR_RETURN(const SlaPolicy policy, PolicyFor(c.m.tx(), c.ticket));
            RETURN_IF_ERROR(CheckCloseUnreachable(attempts, c.ticket.reopen_count, policy.max_callback_attempts,
                                                  do_not_call));
            c.ticket.close_reason = CloseReason::kUnreachable;
            c.activity.note = reason;
            return absl::OkStatus();
          }};
}

}  // namespace huinong::tickets
