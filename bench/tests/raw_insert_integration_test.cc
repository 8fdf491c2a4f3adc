// The raw-insert baseline and the database counters against the real
// MariaDB of scripts/test.sh (a fresh database per test): the rows a run
// reports are the rows in the table, and the counters see its commits.
#include "bench/raw_insert.h"

#include <gtest/gtest.h>

#include "bench/db_status.h"
#include "bench/tests/bench_test_db.h"

namespace huinong::bench {
namespace {

TEST(RawInsertTest, SingleAndBatchTransactionsWriteWhatTheyCount) {
  auto test = db::TestDatabase::Create("bench");
  ASSERT_NE(test, nullptr);
  auto bench = RawInsertBench::Prepare(OptionsFor(*test), 2);
  ASSERT_TRUE(bench.ok()) << bench.status();

  LoopOptions o;
  o.concurrency = 1;
  o.warmup = absl::ZeroDuration();
  o.count = 20;
  LoadResult single = (*bench)->Run("raw_insert", 1, o);
  EXPECT_EQ(single.ok, 20);
  EXPECT_EQ(single.error_count(), 0) << single.MainError();
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM raw_insert"), "20");

  o.count = 3;
  LoadResult batch = (*bench)->Run("raw_insert_batch", 10, o);
  EXPECT_EQ(batch.ok, 3);
  EXPECT_DOUBLE_EQ(batch.items_per_s(), batch.calls_per_s() * 10);
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM raw_insert"), "50");

  // Prepare again empties the table: runs do not grow it.
  ASSERT_TRUE(RawInsertBench::Prepare(OptionsFor(*test), 1).ok());
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM raw_insert"), "0");
}

TEST(DbStatusMeterTest, CountsTheCommitsOfAWindow) {
  auto test = db::TestDatabase::Create("bench");
  ASSERT_NE(test, nullptr);
  auto bench = RawInsertBench::Prepare(OptionsFor(*test), 1);
  ASSERT_TRUE(bench.ok()) << bench.status();
  auto meter = DbStatusMeter::Create(OptionsFor(*test));
  ASSERT_TRUE(meter.ok()) << meter.status();
  LoopOptions o;
  o.concurrency = 1;
  o.warmup = absl::ZeroDuration();
  o.count = 25;
  o.on_window_start = [&] { (*meter)->Start(); };
  o.on_window_end = [&] { (*meter)->Stop(); };
  // Other tests may share the server, so at least, not exactly, ours. The
  // server's global counters add each live session's own and take over a
  // session's when it disconnects; another test's session ending inside the
  // window can make them dip by a few, so a window is measured up to three
  // times and one must see all of ours.
  for (int attempt = 0; attempt < 3; ++attempt) {
    (*bench)->Run("raw_insert", 1, o);
    if ((*meter)->delta().at("Com_commit") >= 24 && (*meter)->delta().at("Com_stmt_prepare") >= 24) break;
  }
  EXPECT_GE((*meter)->delta().at("Com_commit"), 24);
  EXPECT_GE((*meter)->delta().at("Com_stmt_prepare"), 24);
  EXPECT_EQ((*meter)->delta().size(), std::size(kDbCounters));
}

}  // namespace
}  // namespace huinong::bench
