// huinongctl against the running suite: what a person types in the README's
// session works through the gateway.
#include <cstdio>

#include <gtest/gtest.h>

#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

struct Output {
  int code;
  std::string text;
};

Output RunCli(const std::string& args) {
  const std::string cmd = Suite::Get().bin_dir() + "/huinongctl " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return {-1, ""};
  std::string out;
  char buf[1024];
  while (fgets(buf, sizeof buf, p)) out += buf;
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(Cli, HealthReportsEveryServiceServing) {
  ASSERT_TRUE(Suite::Get().ok());
  Output out = RunCli("health");
  EXPECT_EQ(out.code, 0) << out.text;
  for (const auto& backend : Suite::Get().backends()) {
    for (const std::string& s : backend.services) EXPECT_NE(out.text.find(s), std::string::npos) << out.text;
  }
}

TEST(Cli, UnitTreeShowsTheDemoCounty) {
  ASSERT_TRUE(Suite::Get().ok());
  Output out = RunCli("unit tree");
  EXPECT_EQ(out.code, 0) << out.text;
  EXPECT_NE(out.text.find("固安县金融扶贫服务中心"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("TOWNSHIP"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("VILLAGE"), std::string::npos) << out.text;
}

TEST(Cli, DemoLoadIsIdempotent) {
  ASSERT_TRUE(Suite::Get().ok());
  Output first = RunCli("--json unit list --level county --page-size 500");
  Output again = RunCli("demo load");
  EXPECT_EQ(again.code, 0) << again.text;
  Output second = RunCli("--json unit list --level county --page-size 500");
  EXPECT_EQ(first.text, second.text);
}

TEST(Cli, ErrorsNameTheFieldAndExitNonZero) {
  ASSERT_TRUE(Suite::Get().ok());
  Output out = RunCli("unit get posts/nope");
  EXPECT_EQ(out.code, 1) << out.text;
  EXPECT_NE(out.text.find("INVALID_ARGUMENT"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("\n  name: must be a resource name of the form units/{id}"), std::string::npos)
      << out.text;
}

}  // namespace
}  // namespace huinong::e2e
