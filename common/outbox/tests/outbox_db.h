// Shared set-up of the outbox integration tests: a fresh database on the
// test MariaDB with the runtime migrations (request_log, outbox), events made
// by the real builder, and small readers of the outbox table.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/time.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "huinong/audit/v1/audit.pb.h"

namespace huinong::outbox::testing {

class OutboxDb : public ::testing::Test {
 protected:
  void SetUp() override;

  // An org.UpdateUnit-shaped event for unit number `n` (display_name changed).
  huinong::audit::v1::Event NewEvent(int n) const;
  // Records `event` in a transaction of its own and commits (fails the test otherwise).
  void RecordCommitted(const huinong::audit::v1::Event& event);
  // Records `count` fresh events one transaction each; returns their ids in order.
  std::vector<std::string> RecordMany(int count);

  int64_t Rows() const;
  int64_t Unsent() const;
  // event_id of every row, by seq.
  std::vector<std::string> IdsBySeq() const;

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  int next_ = 0;
};

// Polls `done` every 10 ms until it is true or `timeout` passes.
bool WaitFor(const std::function<bool()>& done, absl::Duration timeout = absl::Seconds(30));

// The value of the series `series` (e.g. `outbox_send_errors_total{code="UNAVAILABLE"}`)
// in a rendered exposition; -1 when absent.
double MetricValue(const std::string& exposition, const std::string& series);

}  // namespace huinong::outbox::testing
