// See promise.h.
#include "svc-tickets/src/domain/promise.h"

#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/sla_clock.h"

namespace huinong::tickets {

absl::StatusOr<absl::Time> LatestPromise(const SlaPolicy& policy, const calendar::WorkCalendar& calendar,
                                         absl::Time now) {
  const calendar::WorkCalendar& cal = CountingCalendar(policy, calendar);
  const SlaTarget target = policy.reply.kept() ? policy.reply : SlaTarget::Days(2);
  if (target.kind == SlaTarget::Kind::kWorkingDays) return cal.WorkingDaysDeadline(now, target.working_days);
  return cal.AddWorkingTime(now, target.working_time, {});
}

absl::Status CheckPromiseTime(absl::Time promised, absl::Time now, absl::Time latest, const std::string& field) {
  if (promised <= now) {
    return rpc::WithReason(rpc::InvalidField(field, "must be in the future"), "PROMISE_IN_PAST");
  }
  if (promised > latest) {
    return rpc::WithReason(
        rpc::InvalidField(field, "must be no later than " + absl::FormatTime(absl::RFC3339_sec, latest, absl::UTCTimeZone()) +
                                     " (the policy's reply target)"),
        "PROMISE_TOO_LATE");
  }
  return absl::OkStatus();
}

absl::Status AddPromise(std::vector<Promise>& promises, absl::Time promised, absl::Time now,
                        const std::string& made_by, const std::string& progress_note, bool apologised) {
  if (!promises.empty() && promises.back().state == PromiseState::kOpen) {
    Promise& current = promises.back();
    if (current.promised_time < now) {
      if (!apologised) {
        return rpc::WithReason(rpc::InvalidField("apologised", "the current promise was missed: apologise to the customer"),
                               "APOLOGY_REQUIRED");
      }
      current.state = PromiseState::kBreached;
      current.breach_time = current.promised_time;
    } else {
      current.state = PromiseState::kRenegotiated;
    }
  } else if (!promises.empty() && promises.back().state == PromiseState::kBreached && !apologised) {
    return rpc::WithReason(rpc::InvalidField("apologised", "the current promise was missed: apologise to the customer"),
                           "APOLOGY_REQUIRED");
  }
  Promise p;
  p.index = static_cast<int>(promises.size()) + 1;
  p.promised_time = promised;
  p.make_time = now;
  p.made_by = made_by;
  p.progress_note = progress_note;
  p.apologised = apologised;
  promises.push_back(std::move(p));
  return absl::OkStatus();
}

void SettlePromiseAtResolution(std::vector<Promise>& promises, absl::Time now) {
  if (promises.empty() || promises.back().state != PromiseState::kOpen) return;
  Promise& current = promises.back();
  if (now <= current.promised_time) {
    current.state = PromiseState::kKept;
  } else {
    current.state = PromiseState::kBreached;
    current.breach_time = current.promised_time;
  }
}

Promise* OverduePromise(std::vector<Promise>& promises, absl::Time now) {
  if (promises.empty()) return nullptr;
  Promise& current = promises.back();
  if (current.state == PromiseState::kOpen && current.promised_time < now) return &current;
  return nullptr;
}

std::optional<absl::Time> OpenPromiseTime(const std::vector<Promise>& promises) {
  if (promises.empty() || promises.back().state != PromiseState::kOpen) return std::nullopt;
  return promises.back().promised_time;
}

}  // namespace huinong::tickets
