// See clock_watch.h.
#include "svc-tickets/src/domain/clock_watch.h"

#include <algorithm>

namespace huinong::tickets {
namespace {

bool Watched(const Clock& c) {
  return !c.stop && c.state != ClockState::kPaused && c.state != ClockState::kCancelled && c.due != absl::InfiniteFuture();
}

}  // namespace

std::vector<WatchedClock> CarryMarks(const std::vector<Clock>& computed, const std::vector<WatchedClock>& previous) {
  std::vector<WatchedClock> out;
  out.reserve(computed.size());
  for (const Clock& c : computed) {
    WatchedClock w{c, std::nullopt, std::nullopt};
    for (const WatchedClock& p : previous) {
      if (p.clock.kind == c.kind && p.clock.event == c.event) {
        w.at_risk_mark = p.at_risk_mark;
        w.breach_mark = p.breach_mark;
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::optional<absl::Time> NextCheck(const std::vector<WatchedClock>& clocks) {
  std::optional<absl::Time> next;
  for (const WatchedClock& w : clocks) {
    if (!Watched(w.clock) || w.breach_mark) continue;
    const absl::Time at = !w.at_risk_mark && w.clock.at_risk < w.clock.due ? w.clock.at_risk : w.clock.due;
    if (!next || at < *next) next = at;
  }
  return next;
}

WatchMark MarkDue(const WatchedClock& w, absl::Time now) {
  if (!Watched(w.clock)) return WatchMark::kNone;
  if (now >= w.clock.due && !w.breach_mark) return WatchMark::kBreached;
  if (now >= w.clock.at_risk && !w.at_risk_mark && !w.breach_mark) return WatchMark::kAtRisk;
  return WatchMark::kNone;
}

}  // namespace huinong::tickets
