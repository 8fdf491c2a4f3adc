// The tickets benches' own code against the real MariaDB of scripts/test.sh
// (a fresh database per test), at toy sizes: the figures they report are
// the calls and rows really made, the raw baseline writes rows of the
// tickets table's shape, and every measured scanner pass marks its 100 due
// tickets while the open ones are never read.
#include <gtest/gtest.h>

#include "bench/scanner_bench.h"
#include "bench/ticket_intake_bench.h"
#include "bench/tickets_host.h"
#include "bench/tests/bench_test_db.h"

namespace huinong::bench {
namespace {

TEST(TicketIntakeBenchTest, CountsTheTicketsItMadeAndCopiesTheirRowForTheBaseline) {
  auto test = db::TestDatabase::Create("tbench");
  ASSERT_NE(test, nullptr);
  auto host = TicketsHost::Start(OptionsFor(*test), 4);
  ASSERT_TRUE(host.ok()) << host.status();
  IntakeOptions o;
  o.loop.concurrency = 2;
  o.loop.channels = 1;
  o.loop.warmup = absl::ZeroDuration();
  o.loop.count = 12;
  o.rounds = 1;
  absl::StatusOr<IntakeFigures> f = RunIntakeBench(**host, OptionsFor(*test), o);
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->create.load.ok, 12);
  EXPECT_EQ(f->create.load.error_count(), 0) << f->create.load.MainError();
  EXPECT_EQ(f->raw_ticket.load.ok, 12);
  EXPECT_EQ(f->raw_narrow.load.ok, 12);
  // The probe's ticket and the window's (calls still in flight when the
  // window closed may add up to one per slot).
  const int tickets = std::stoi(test->Scalar("SELECT COUNT(*) FROM tickets"));
  EXPECT_GE(tickets, 13);
  EXPECT_LE(tickets, 15);
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM customers"), std::to_string(tickets));
  const std::string raw = test->Scalar("SELECT COUNT(*) FROM raw_tickets");
  EXPECT_TRUE(raw == "12" || raw == "13") << raw;
  // The baseline's rows are the first ticket's, but for the key and seq.
  EXPECT_EQ(test->Scalar("SELECT COUNT(DISTINCT body_json, intake_path, create_time) FROM raw_tickets"), "1");
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM raw_tickets r JOIN tickets t ON t.body_json = r.body_json "
                         "AND t.intake_path = r.intake_path AND t.create_time = r.create_time AND t.state = r.state"),
            raw);
  // Each CreateTicket asked svc-org at least whether the clerk may take it.
  EXPECT_EQ(f->create.costs.calls, 12);
  EXPECT_GE(f->create.costs.org.holds, 12);
  EXPECT_GT(f->create.costs.db.at("Com_commit"), 0);
}

TEST(ScannerBenchTest, EveryMeasuredPassMarksItsHundredDueTicketsAndNoOpenOne) {
  auto test = db::TestDatabase::Create("tbench");
  ASSERT_NE(test, nullptr);
  ScannerOptions o;
  o.server = OptionsFor(*test);
  o.database_prefix = test->name();
  o.sizes = {300, 40};  // run smallest first
  o.passes = 2;
  o.keep = true;
  absl::StatusOr<std::vector<SizeFigures>> sizes = RunScannerBench(o);
  ASSERT_TRUE(sizes.ok()) << sizes.status();
  ASSERT_EQ(sizes->size(), 2u);
  EXPECT_EQ((*sizes)[0].open_tickets, 40);
  EXPECT_EQ((*sizes)[1].open_tickets, 300);
  for (const SizeFigures& s : *sizes) {
    ASSERT_EQ(s.base.size(), 2u);
    ASSERT_EQ(s.grown.size(), 2u);
    for (const auto* passes : {&s.base, &s.grown}) {
      for (const PassFigures& p : *passes) {
        EXPECT_EQ(p.pass.tickets, kDuePerPass);
        // The first-response clock (4 working hours) is long breached.
        EXPECT_GE(p.pass.breached, kDuePerPass);
        EXPECT_GT(p.seconds, 0);
        EXPECT_GT(p.statements, kDuePerPass);
      }
    }
    EXPECT_GT(MedianSeconds(s.grown), 0);
  }
  const std::string grown = test->name() + "_grown";
  const std::string base = test->name() + "_base";
  // The template, 300 open copies, and the warm-up's and four passes' 100 due each.
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM `" + grown + "`.tickets"), std::to_string(1 + 300 + 5 * kDuePerPass));
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM `" + grown + "`.ticket_deadlines WHERE next_check >= '2099-01-01' "
                         "AND ticket_id LIKE '01TOPEN%'"),
            "300");
  // The open copies were never scanned: no marks, no timeline.
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM `" + grown + "`.ticket_clocks WHERE ticket_id LIKE '01TOPEN%' AND "
                         "(breach_mark_time IS NOT NULL OR at_risk_mark_time IS NOT NULL)"),
            "0");
  EXPECT_EQ(test->Scalar("SELECT COUNT(*) FROM `" + base + "`.tickets"), std::to_string(1 + 5 * kDuePerPass));
  ASSERT_TRUE(DropDatabase(o.server, grown).ok());
  ASSERT_TRUE(DropDatabase(o.server, base).ok());
}

}  // namespace
}  // namespace huinong::bench
