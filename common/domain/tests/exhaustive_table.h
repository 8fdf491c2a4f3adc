// A test's check that a StateTable is exactly a documented set of rows:
// every state × every event is asked, each documented pair must lead to
// its documented state and every other pair must be refused with
// INVALID_TRANSITION, and the table has no row the document lacks. The
// loop every lifecycle's exhaustive test needs, written once (header only,
// for tests linking GoogleTest).
#pragma once

#include <map>
#include <utility>

#include <gtest/gtest.h>

#include "common/domain/state_table.h"
#include "common/rpc/status_details.h"

namespace huinong::domain {

// Returns how many (state, event) pairs it asked, for the test to compare
// with states × events.
template <class State, class Event>
int ExpectExactlyTheDocumentedTable(const StateTable<State, Event>& table,
                                    const std::map<std::pair<State, Event>, State>& documented) {
  int checked = 0;
  for (State from : table.States()) {
    for (Event event : table.Events()) {
      const absl::StatusOr<State> next = table.Next(from, event);
      const auto it = documented.find({from, event});
      if (it != documented.end()) {
        EXPECT_TRUE(next.ok()) << table.NameOf(from) << " " << table.NameOf(event) << ": " << next.status();
        if (next.ok()) {
          EXPECT_EQ(table.NameOf(*next), table.NameOf(it->second)) << table.NameOf(from) << " " << table.NameOf(event);
        }
      } else {
        EXPECT_EQ(rpc::ReasonOf(next.status()), "INVALID_TRANSITION")
            << table.NameOf(from) << " " << table.NameOf(event);
      }
      ++checked;
    }
  }
  EXPECT_EQ(table.Rows().size(), documented.size()) << table.machine() << " has rows the document lacks";
  return checked;
}

}  // namespace huinong::domain
