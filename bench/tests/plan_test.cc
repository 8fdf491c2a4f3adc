// The plan format, and the shipped plan (bench/scenarios.json): every method
// exists and every template parses once its variables are filled in, so a
// typo fails here rather than in the middle of a benchmark run.
#include "bench/plan.h"

#include <fstream>
#include <sstream>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "absl/strings/str_replace.h"
#include "bench/request_template.h"

namespace huinong::bench {
namespace {

TEST(ParsePlanTest, ReadsScenariosStepsAndTargets) {
  auto plan = ParsePlan(R"({
    "targets": {"interceptor_max_cost": 0.2, "idle_rss_max_mib": 64},
    "setup": [{"service": "org", "method": "m", "repeat": 3, "request": {"a": "b"},
               "capture": {"var": "v", "field": "name"}}],
    "scenarios": [
      {"name": "R", "kind": "read", "service": "org", "method": "x", "request": "name: \"y\"",
       "via": ["gateway"], "baseline": "empty_handler", "min_ratio": 0.5,
       "metadata": {"x-huinong-backend": "org"}},
      {"name": "A", "kind": "audit_append", "service": "audit", "batch_size": 10}]})");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_DOUBLE_EQ(plan->targets.interceptor_max_cost, 0.2);
  EXPECT_DOUBLE_EQ(plan->targets.idle_rss_max_mib, 64);
  ASSERT_EQ(plan->setup.size(), 1u);
  EXPECT_EQ(plan->setup[0].repeat, 3);
  EXPECT_EQ(plan->setup[0].request, R"({"a":"b"})");
  ASSERT_EQ(plan->setup[0].captures.size(), 1u);
  EXPECT_EQ(plan->setup[0].captures[0].var, "v");
  EXPECT_EQ(plan->setup[0].label, "m");
  ASSERT_EQ(plan->scenarios.size(), 2u);
  EXPECT_EQ(plan->scenarios[0].request, "name: \"y\"");
  EXPECT_EQ(plan->scenarios[0].via, std::vector<std::string>{"gateway"});
  EXPECT_EQ(plan->scenarios[0].metadata.at(0).second, "org");
  EXPECT_DOUBLE_EQ(plan->scenarios[0].min_ratio, 0.5);
  EXPECT_EQ(plan->scenarios[1].batch_size, 10);
  EXPECT_EQ(plan->scenarios[1].via, std::vector<std::string>{"direct"});
}

TEST(ParsePlanTest, ReadsCallersPreparedInputsSqlSeedsAndTableSizes) {
  auto plan = ParsePlan(R"({
    "setup": [{"label": "lending", "seed": "loans_lending", "request": {"county": "${c}"}},
              {"database": "loans", "sql": "DELETE FROM t"}],
    "scenarios": [
      {"name": "W", "kind": "write", "service": "loans", "method": "m",
       "as": {"subject": "${clerk}", "unit": "${village}"},
       "prepare": {"max_rate": 300, "steps": [
         {"service": "loans", "method": "c", "as": {"subject": "${clerk}"},
          "capture": [{"var": "n", "field": "name"}, {"var": "e", "field": "etag"}]}]}},
      {"name": "L", "kind": "read", "service": "loans", "method": "l",
       "table_sizes": {"max_slowdown": 1.3,
                       "sizes": [{"label": "10k", "steps": [{"database": "loans", "sql": ["a", "b"], "repeat": 2}]},
                                 {"label": "1M"}],
                       "cleanup": [{"database": "loans", "sql": "c"}]}}]})");
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->setup.size(), 2u);
  EXPECT_EQ(plan->setup[0].seed, "loans_lending");
  EXPECT_EQ(plan->setup[0].request, R"({"county":"${c}"})");
  EXPECT_EQ(plan->setup[1].database, "loans");
  EXPECT_EQ(plan->setup[1].sql, std::vector<std::string>{"DELETE FROM t"});
  EXPECT_EQ(plan->setup[1].label, "sql");
  const Scenario& w = plan->scenarios[0];
  EXPECT_EQ(w.as.subject, "${clerk}");
  EXPECT_EQ(w.as.unit, "${village}");
  ASSERT_TRUE(w.prepared);
  EXPECT_DOUBLE_EQ(w.prepare.max_rate, 300);
  ASSERT_EQ(w.prepare.steps.size(), 1u);
  EXPECT_EQ(w.prepare.steps[0].as.subject, "${clerk}");
  ASSERT_EQ(w.prepare.steps[0].captures.size(), 2u);
  EXPECT_EQ(w.prepare.steps[0].captures[1].var, "e");
  EXPECT_EQ(w.prepare.steps[0].captures[1].field, "etag");
  const Scenario& l = plan->scenarios[1];
  EXPECT_FALSE(l.prepared);
  EXPECT_DOUBLE_EQ(l.table_sizes.max_slowdown, 1.3);
  ASSERT_EQ(l.table_sizes.sizes.size(), 2u);
  EXPECT_EQ(l.table_sizes.sizes[0].steps[0].sql.size(), 2u);
  EXPECT_EQ(l.table_sizes.sizes[0].steps[0].repeat, 2);
  EXPECT_TRUE(l.table_sizes.sizes[1].steps.empty());
  EXPECT_EQ(l.table_sizes.cleanup.size(), 1u);
  EXPECT_EQ(SizedName(l, l.table_sizes.sizes[1]), "L at 1M");
}

TEST(ParsePlanTest, APrepareWithoutStepsSpreadsTheCallsOverTheItems) {
  auto plan = ParsePlan(R"({"scenarios": [{"name": "R", "kind": "write", "service": "loans", "method": "m",
                                           "prepare": {"max_rate": 2000},
                                           "request": {"name": "${loans}"}}]})");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(plan->scenarios[0].prepared);
  EXPECT_TRUE(plan->scenarios[0].prepare.steps.empty());
  EXPECT_DOUBLE_EQ(plan->scenarios[0].prepare.max_rate, 2000);
}

TEST(KeepScenariosTest, KeepsTheNamedOnesInPlanOrderAndRefusesAnUnknownName) {
  auto plan = ParsePlan(R"({"scenarios": [
      {"name": "A", "kind": "read", "service": "org", "method": "x", "request": "{}"},
      {"name": "B", "kind": "write", "service": "org", "method": "x", "request": "{}"},
      {"name": "C", "kind": "write", "service": "org", "method": "x", "request": "{}"}]})");
  ASSERT_TRUE(plan.ok()) << plan.status();
  Plan all = *plan;
  ASSERT_TRUE(KeepScenarios(all, "").ok());
  EXPECT_EQ(all.scenarios.size(), 3u);
  ASSERT_TRUE(KeepScenarios(*plan, "C,A").ok());
  ASSERT_EQ(plan->scenarios.size(), 2u);
  EXPECT_EQ(plan->scenarios[0].name, "A");
  EXPECT_EQ(plan->scenarios[1].name, "C");
  const absl::Status unknown = KeepScenarios(*plan, "A,Nope");
  EXPECT_TRUE(absl::IsInvalidArgument(unknown));
  EXPECT_NE(unknown.message().find("Nope"), std::string::npos);
}

TEST(ParsePlanTest, RefusesBadPreparedInputsSqlAndTableSizes) {
  // An SQL step without its database; a prepare with no rate.
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [], "setup": [{"sql": "DELETE FROM t"}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "write", "service": "s", "method": "m",
                                             "prepare": {"max_rate": -1}}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "write", "service": "s", "method": "m",
                                             "prepare": {"max_rate": 0, "steps": [{"service": "s", "method": "c"}]}}]})").ok());
  // One size is nothing to compare; a write's table sizes are not measured.
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "read", "service": "s", "method": "m",
                                             "table_sizes": {"sizes": [{"label": "a"}]}}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "write", "service": "s", "method": "m",
                                             "table_sizes": {"sizes": [{"label": "a"}, {"label": "b"}]}}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "read", "service": "s", "method": "m",
                                             "as": {"unit": "u"}}]})").ok());
}

TEST(ParsePlanTest, RefusesWhatWouldFailLater) {
  EXPECT_FALSE(ParsePlan("not json").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": 3})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"kind": "read", "service": "org", "method": "m"}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "soak", "service": "org", "method": "m"}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "read", "service": "org", "method": "m",
                                             "baseline": "redis"}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [{"name": "x", "kind": "read", "service": "org", "method": "m",
                                             "via": ["carrier pigeon"]}]})").ok());
  EXPECT_FALSE(ParsePlan(R"({"scenarios": [], "setup": [{"service": "org", "method": "m", "repeat": 0}]})").ok());
}

std::string ShippedPlan() {
  std::ifstream in(BENCH_PLAN_PATH);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void CheckSteps(const std::vector<CallStep>& steps, Variables& vars) {
  for (const CallStep& step : steps) {
    if (!step.seed.empty()) {
      auto args = ExpandVariables(step.request, vars, 0);
      ASSERT_TRUE(args.ok()) << step.label << ": " << args.status();
      google::protobuf::Struct parsed;
      ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*args, &parsed).ok()) << step.label << ": " << *args;
      // What each seed answers (bench/seeds.h), without a database.
      vars["loans_product"] = {"products/01BENCHPRODUCTFPXD00000001"};
      vars["loans_borrowers"] = {"borrowers/01BB00000000000000000000"};
      if (step.seed == "loans_repayable") {
        ASSERT_TRUE(parsed.fields().contains("variable")) << step.label;
        ASSERT_EQ(parsed.fields().at("townships").list_value().values_size(),
                  parsed.fields().at("villages").list_value().values_size())
            << step.label;
        vars[parsed.fields().at("variable").string_value()] = {"loans/01BRR00000000000000000000"};
        vars["loans_value_year"] = {"2026"};
        vars["loans_value_month"] = {"12"};
        vars["loans_value_day"] = {"3"};
        vars["loans_repayment_fen"] = {"1", "10000"};
      }
      continue;
    }
    if (!step.sql.empty()) {
      for (const std::string& sql : step.sql) EXPECT_TRUE(ExpandVariables(sql, vars, 0).ok()) << step.label;
      continue;
    }
    auto method = ResolveMethod(step.method);
    ASSERT_TRUE(method.ok()) << step.label << ": " << method.status();
    const std::string text = absl::StrReplaceAll(step.request, {{"{{i}}", "0"}});
    auto expanded = ExpandVariables(text, vars, 0);
    ASSERT_TRUE(expanded.ok()) << step.label << ": " << expanded.status();
    EXPECT_TRUE(ParseRequest(*method->input, *expanded).ok()) << step.label;
    for (const Capture& c : step.captures) vars[c.var] = {"units/01ARZ3NDEKTSV4RRFFQ69G5FAV"};
  }
}

TEST(ShippedPlanTest, EveryMethodExistsAndEveryTemplateParses) {
  auto plan = ParsePlan(ShippedPlan());
  ASSERT_TRUE(plan.ok()) << plan.status();
  Variables vars;
  CheckSteps(plan->setup, vars);
  bool read = false, write = false, gateway = false;
  for (const Scenario& sc : plan->scenarios) {
    Variables mine = vars;
    CheckSteps(sc.setup, mine);
    if (sc.kind == "audit_append") continue;
    mine["item"] = {"0"};
    CheckSteps(sc.prepare.steps, mine);
    for (const TableSize& size : sc.table_sizes.sizes) CheckSteps(size.steps, mine);
    CheckSteps(sc.table_sizes.cleanup, mine);
    auto method = ResolveMethod(sc.method);
    ASSERT_TRUE(method.ok()) << sc.name;
    auto requests = TemplateRequests::Create(*method, sc.request, mine, 4);
    EXPECT_TRUE(requests.ok()) << sc.name << ": " << requests.status();
    read |= sc.kind == "read";
    write |= sc.kind == "write";
    gateway |= std::find(sc.via.begin(), sc.via.end(), "gateway") != sc.via.end();
  }
  EXPECT_TRUE(read && write && gateway);
}

}  // namespace
}  // namespace huinong::bench
