// What the SLA scanner watches on a ticket's clocks (issue 12 item 5): each
// clock as computed (sla_clock.h) plus the scanner's own marks — when it
// recorded the clock at risk and breached — kept apart from the ticket so
// the scanner never changes a person's etag. Pure.
//
// Guarantees: a clock is marked at risk once and breached once per round
// (a clock that started again, at a new event, loses its old marks); the
// next check of a ticket is the earliest instant one of its running clocks
// needs a mark it does not have, none when nothing is left to watch — so a
// scanner reading tickets by next check does work only for the clocks
// falling due.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "svc-tickets/src/domain/sla_clock.h"

namespace huinong::tickets {

struct WatchedClock {
  Clock clock;
  std::optional<absl::Time> at_risk_mark;
  std::optional<absl::Time> breach_mark;
};

// The clocks as just computed, with the marks of `previous` carried over
// for each clock of the same kind that started at the same event.
std::vector<WatchedClock> CarryMarks(const std::vector<Clock>& computed, const std::vector<WatchedClock>& previous);

// The earliest instant a mark is due on a clock that is neither stopped
// nor paused: its at-risk time without an at-risk mark, its due time
// without a breach mark.
std::optional<absl::Time> NextCheck(const std::vector<WatchedClock>& clocks);

// What a scan at `now` records on one clock.
enum class WatchMark { kNone, kAtRisk, kBreached };
WatchMark MarkDue(const WatchedClock& clock, absl::Time now);

}  // namespace huinong::tickets
