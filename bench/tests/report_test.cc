// The summary table: ratios against the right baseline, targets judged by
// computation, reasons instead of numbers for what could not run.
#include "bench/report.h"

#include <gtest/gtest.h>

namespace huinong::bench {
namespace {

Measurement Ok(const std::string& key, double calls_per_s, double p99_ms, double items = 1) {
  Measurement m;
  m.key = key;
  m.status = "ok";
  m.result.window_s = 10;
  m.result.ok = static_cast<int64_t>(calls_per_s * 10);
  m.result.latency.p99_us = p99_ms * 1000;
  m.result.items_per_call = items;
  return m;
}

Measurement Missing(const std::string& key, const std::string& why) {
  Measurement m;
  m.key = key;
  m.status = why;
  return m;
}

Plan TestPlan() {
  Plan plan;
  Scenario read;
  read.name = "GetUnit";
  read.kind = "read";
  read.via = {"direct", "gateway"};
  read.baseline = "empty_handler";
  read.min_ratio = 0.5;
  read.gateway_min_ratio = 0.85;
  read.gateway_max_p99_added_ms = 1.0;
  Scenario cap = read;
  cap.name = "CheckCapability";
  Scenario write;
  write.name = "CreateUnit";
  write.kind = "write";
  write.via = {"direct"};
  write.baseline = "raw_insert";
  write.min_ratio = 0.5;
  write.max_db_commands = 8;
  Scenario audit;
  audit.name = "AppendEvents";
  audit.kind = "audit_append";
  audit.baseline = "raw_insert_batch";
  audit.batch_size = 100;
  plan.scenarios = {read, cap, write, audit};
  return plan;
}

const Row& Named(const std::vector<Row>& rows, const std::string& figure) {
  for (const Row& r : rows) {
    if (r.figure == figure) return r;
  }
  static Row none;
  ADD_FAILURE() << "no row " << figure;
  return none;
}

TEST(BuildRowsTest, RatiosAndTargets) {
  SuiteReport report;
  report.measurements = {Ok("empty_handler", 10000, 2), Ok("empty_bare", 11000, 2),
                         Ok("GetUnit/direct", 4000, 5), Ok("GetUnit/gateway", 3600, 5.5),
                         Ok("GetUnit/direct@1", 900, 1.5), Ok("GetUnit/gateway@1", 700, 2.75),
                         Missing("CheckCapability/direct", "not implemented yet (Method not found)"),
                         Missing("CheckCapability/gateway", "not implemented yet (Method not found)"),
                         Ok("raw_insert", 2000, 10), Ok("CreateUnit/direct", 1200, 20),
                         Ok("raw_insert_batch", 40, 50, 100), Ok("AppendEvents/direct", 20, 100, 100)};
  report.measurements[9].db["Queries"] = 12000 * 8;  // 1200/s over 10 s, 8 commands each
  report.rss_idle_mib = {{"org", 23.5}, {"audit", 41}};
  report.baseline_rss_idle_mib = 12;
  const std::vector<Row> rows = BuildRows(TestPlan(), report);

  const Row& cost = Named(rows, "bootstrap on / interceptors off");
  EXPECT_EQ(cost.ratio, "0.91x");
  EXPECT_EQ(cost.target, ">= 0.90x");
  EXPECT_EQ(cost.met, "yes");

  const Row& direct = Named(rows, "GetUnit direct");
  EXPECT_EQ(direct.value, "4000/s");
  EXPECT_EQ(direct.baseline, "10000/s empty handler");
  EXPECT_EQ(direct.ratio, "0.40x");
  EXPECT_EQ(direct.met, "NO");

  EXPECT_EQ(Named(rows, "GetUnit via gateway").ratio, "0.90x");
  EXPECT_EQ(Named(rows, "GetUnit via gateway").met, "yes");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, saturated").value, "+0.50 ms");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, saturated").met, "yes");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, 1 in flight").value, "+1.25 ms");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, 1 in flight").baseline, "1.50 ms direct p99");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, 1 in flight").met, "NO");

  const Row& cap = Named(rows, "CheckCapability direct");
  EXPECT_EQ(cap.value, "not implemented yet (Method not found)");
  EXPECT_EQ(cap.ratio, "");
  EXPECT_EQ(cap.met, "not yet");

  EXPECT_EQ(Named(rows, "CreateUnit direct").ratio, "0.60x");
  EXPECT_EQ(Named(rows, "CreateUnit direct").met, "yes");
  EXPECT_EQ(Named(rows, "CreateUnit db commands per call").value, "8.00");
  EXPECT_EQ(Named(rows, "CreateUnit db commands per call").target, "<= 8");
  EXPECT_EQ(Named(rows, "CreateUnit db commands per call").met, "yes");

  const Row& audit = Named(rows, "AppendEvents events (batches of 100)");
  EXPECT_EQ(audit.value, "2000/s");
  EXPECT_EQ(audit.ratio, "0.50x");
  EXPECT_EQ(audit.met, "");

  EXPECT_EQ(Named(rows, "idle RSS svc-org").met, "yes");
  EXPECT_EQ(Named(rows, "idle RSS svc-audit").met, "NO");
  EXPECT_EQ(Named(rows, "idle RSS svc-audit").ratio, "3.42x");
}

TEST(BuildRowsTest, AFailedBaselineGivesNoRatio) {
  SuiteReport report;
  report.measurements = {Ok("empty_handler", 10000, 2), Missing("empty_bare", "UNAVAILABLE: gone"),
                         Ok("GetUnit/direct", 6000, 3), Missing("GetUnit/gateway", "UNAVAILABLE: no gateway")};
  const std::vector<Row> rows = BuildRows(TestPlan(), report);
  const Row& cost = Named(rows, "bootstrap on / interceptors off");
  EXPECT_EQ(cost.ratio, "");
  EXPECT_EQ(cost.met, "n/a");
  EXPECT_EQ(Named(rows, "GetUnit via gateway").met, "NO");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, saturated").value, "UNAVAILABLE: no gateway");
  EXPECT_EQ(Named(rows, "GetUnit gateway p99 added, 1 in flight").value, "not measured");
  EXPECT_EQ(Named(rows, "CreateUnit db commands per call").value, "not measured");
  EXPECT_EQ(Named(rows, "CreateUnit db commands per call").met, "NO");
}

TEST(BuildRowsTest, MoreDatabaseCommandsThanTheTargetIsMissed) {
  SuiteReport report;
  Measurement create = Ok("CreateUnit/direct", 1000, 20);
  create.db["Queries"] = 10000 * 8.5;
  report.measurements = {create};
  const Row& row = Named(BuildRows(TestPlan(), report), "CreateUnit db commands per call");
  EXPECT_EQ(row.value, "8.50");
  EXPECT_EQ(row.met, "NO");
}

TEST(FormatRowsTest, OneLinePerRowUnderAHeader) {
  std::vector<Row> rows = {{"a", "1/s", "2/s base", "0.50x", ">= 0.50x", "yes"},
                           {"b", "not implemented yet (long reason)", "", "", ">= 0.50x", "not yet"}};
  const std::string text = FormatRows(rows);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  EXPECT_NE(text.find("not implemented yet (long reason)"), std::string::npos);
  EXPECT_EQ(text.rfind("figure", 0), 0u);
}

Plan SizedPlan() {
  Plan plan;
  Scenario list;
  list.name = "ListApplications";
  list.kind = "read";
  TableSize small;
  small.label = "10k";
  TableSize large;
  large.label = "1M";
  list.table_sizes.sizes = {small, large};
  list.table_sizes.max_slowdown = 1.3;
  plan.scenarios = {list};
  return plan;
}

TEST(BuildRowsTest, EachTableSizeAgainstTheFirst) {
  SuiteReport report;
  report.measurements = {Ok("ListApplications at 10k/direct", 400, 5), Ok("ListApplications at 1M/direct", 300, 6)};
  std::vector<Row> rows = BuildRows(SizedPlan(), report);
  const Row& small = Named(rows, "ListApplications at 10k direct");
  EXPECT_EQ(small.value, "400/s");
  EXPECT_EQ(small.met, "");
  const Row& large = Named(rows, "ListApplications at 1M direct");
  EXPECT_EQ(large.value, "300/s");
  EXPECT_EQ(large.baseline, "400/s at 10k");
  EXPECT_EQ(large.ratio, "0.75x");
  EXPECT_EQ(large.target, ">= 0.77x (1/1.3)");
  EXPECT_EQ(large.met, "NO");  // 0.75 < 1/1.3
  for (const Row& r : rows) EXPECT_NE(r.figure, "ListApplications direct");  // no unsized row
}

TEST(BuildRowsTest, ATableSizeWithinTheSlowdownIsMet) {
  SuiteReport report;
  report.measurements = {Ok("ListApplications at 10k/direct", 400, 5), Ok("ListApplications at 1M/direct", 320, 6)};
  const std::vector<Row> rows = BuildRows(SizedPlan(), report);
  EXPECT_EQ(Named(rows, "ListApplications at 1M direct").met, "yes");  // 0.80x
}

TEST(BuildRowsTest, PreparedInputsThatRanOutShowTheReason) {
  SuiteReport report;
  report.measurements = {Ok("raw_insert", 5000, 5),
                         Missing("CreateUnit/direct", "failed: ran out of prepared inputs; raise prepare.max_rate above 1000/s")};
  const std::vector<Row> rows = BuildRows(TestPlan(), report);
  const Row& row = Named(rows, "CreateUnit direct");
  EXPECT_EQ(row.value, "failed: ran out of prepared inputs; raise prepare.max_rate above 1000/s");
  EXPECT_EQ(row.met, "NO");
}

}  // namespace
}  // namespace huinong::bench
