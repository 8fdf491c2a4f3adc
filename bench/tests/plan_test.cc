// The plan format, and the shipped plan (bench/scenarios.json): every method
// exists and every template parses once its variables are filled in, so a
// typo fails here rather than in the middle of a benchmark run.
#include "bench/plan.h"

#include <fstream>
#include <sstream>

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
  EXPECT_EQ(plan->setup[0].capture_var, "v");
  EXPECT_EQ(plan->setup[0].label, "m");
  ASSERT_EQ(plan->scenarios.size(), 2u);
  EXPECT_EQ(plan->scenarios[0].request, "name: \"y\"");
  EXPECT_EQ(plan->scenarios[0].via, std::vector<std::string>{"gateway"});
  EXPECT_EQ(plan->scenarios[0].metadata.at(0).second, "org");
  EXPECT_DOUBLE_EQ(plan->scenarios[0].min_ratio, 0.5);
  EXPECT_EQ(plan->scenarios[1].batch_size, 10);
  EXPECT_EQ(plan->scenarios[1].via, std::vector<std::string>{"direct"});
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
    auto method = ResolveMethod(step.method);
    ASSERT_TRUE(method.ok()) << step.label << ": " << method.status();
    const std::string text = absl::StrReplaceAll(step.request, {{"{{i}}", "0"}});
    auto expanded = ExpandVariables(text, vars, 0);
    ASSERT_TRUE(expanded.ok()) << step.label << ": " << expanded.status();
    EXPECT_TRUE(ParseRequest(*method->input, *expanded).ok()) << step.label;
    if (!step.capture_var.empty()) vars[step.capture_var] = {"units/01ARZ3NDEKTSV4RRFFQ69G5FAV"};
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
