// A state machine as one table of (state, event) -> state.
//
// Every lifecycle in the suite (units, posts, staff, change requests,
// staffing standards; loan applications and tickets next) is declared as a
// StateTable and checked only through Next(), so the allowed moves are
// written once, in one place a reader can see whole. The table lists itself
// (Rows, Markdown) for exhaustive tests — every state × every event — and
// for the documentation.
//
// Guarantees: Next() answers the row's target for a listed pair and
// FAILED_PRECONDITION, reason INVALID_TRANSITION, naming the machine, the
// state, the event and the events the state does allow, for any other pair;
// a table with two rows for one (state, event) pair aborts at construction
// (a programming error, caught by the first test that builds it).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/rpc/status_details.h"

namespace huinong::domain {

template <class State, class Event>
class StateTable {
 public:
  struct Row {
    State from;
    Event event;
    State to;
  };
  using StateName = absl::string_view (*)(State);
  using EventName = absl::string_view (*)(Event);

  // `machine` names the thing in messages ("a unit"); `states` and `events`
  // list every value (for exhaustive tests and the documentation).
  StateTable(std::string machine, std::vector<State> states, std::vector<Event> events,
             StateName state_name, EventName event_name, std::vector<Row> rows)
      : machine_(std::move(machine)),
        states_(std::move(states)),
        events_(std::move(events)),
        state_name_(state_name),
        event_name_(event_name),
        rows_(std::move(rows)) {
    for (size_t i = 0; i < rows_.size(); ++i) {
      for (size_t j = i + 1; j < rows_.size(); ++j) {
        if (rows_[i].from == rows_[j].from && rows_[i].event == rows_[j].event) std::abort();
      }
    }
  }

  // The state `event` leads to from `from`, if the table lists the pair.
  std::optional<State> Find(State from, Event event) const {
    for (const Row& r : rows_) {
      if (r.from == from && r.event == event) return r.to;
    }
    return std::nullopt;
  }

  bool Allows(State from, Event event) const { return Find(from, event).has_value(); }

  // The next state, or FAILED_PRECONDITION INVALID_TRANSITION.
  absl::StatusOr<State> Next(State from, Event event) const {
    if (std::optional<State> to = Find(from, event)) return *to;
    std::vector<std::string> allowed;
    for (const Row& r : rows_) {
      if (r.from == from) allowed.emplace_back(event_name_(r.event));
    }
    return rpc::FailedPrecondition(
        "INVALID_TRANSITION",
        absl::StrCat(machine_, " in state ", state_name_(from), " cannot ", event_name_(event),
                     allowed.empty() ? std::string(" (it is final)")
                                     : absl::StrCat(" (allowed: ", absl::StrJoin(allowed, ", "), ")")));
  }

  // For lifecycles an update drives by naming the new state (`event` is the
  // one that leads there): staying in the same state is no transition;
  // any other move must be a row from `from` by `event` to exactly `to`.
  absl::Status CheckMove(State from, State to, Event event) const {
    if (from == to) return absl::OkStatus();
    absl::StatusOr<State> next = Next(from, event);
    if (!next.ok()) return next.status();
    if (*next == to) return absl::OkStatus();
    return rpc::FailedPrecondition("INVALID_TRANSITION",
                                   absl::StrCat(machine_, " cannot go from ", state_name_(from), " to ",
                                                state_name_(to)));
  }

  const std::vector<Row>& Rows() const { return rows_; }
  const std::vector<State>& States() const { return states_; }
  const std::vector<Event>& Events() const { return events_; }
  const std::string& machine() const { return machine_; }
  absl::string_view NameOf(State s) const { return state_name_(s); }
  absl::string_view NameOf(Event e) const { return event_name_(e); }

  // The table as Markdown rows "| FROM | EVENT | TO |", in declaration order.
  std::string Markdown() const {
    std::string out = "| from | event | to |\n|---|---|---|\n";
    for (const Row& r : rows_) {
      absl::StrAppend(&out, "| ", state_name_(r.from), " | ", event_name_(r.event), " | ",
                      state_name_(r.to), " |\n");
    }
    return out;
  }

 private:
  std::string machine_;
  std::vector<State> states_;
  std::vector<Event> events_;
  StateName state_name_;
  EventName event_name_;
  std::vector<Row> rows_;
};

}  // namespace huinong::domain
