// Command-line and environment handling: boolean flags keep the command word,
// repeatable flags keep every value, only connection settings come from the
// environment, and the .run/env file is read the way a shell would.
#include <optional>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Config::EnvLookup NoEnv() {
  return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
}

TEST(NormalizeArgs, BareBooleanFlagDoesNotSwallowTheCommand) {
  auto out = NormalizeArgs({"huinongctl", "--json", "unit", "get", "units/1"}, {"json"}, {});
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(out->argv, ElementsAre("huinongctl", "--json=true", "unit", "get", "units/1"));
}

TEST(NormalizeArgs, ExplicitBooleanValueAndShortHelp) {
  auto out = NormalizeArgs({"x", "--json=false", "-h"}, {"json", "help"}, {});
  ASSERT_TRUE(out.ok());
  EXPECT_THAT(out->argv, ElementsAre("x", "--json=false", "--help=true"));
}

TEST(NormalizeArgs, RepeatableFlagKeepsEveryValueInOrder) {
  auto out = NormalizeArgs(
      {"x", "unit", "create", "--function", "宣传政策", "--name", "A", "--function=贷后管理"}, {},
      {"function"});
  ASSERT_TRUE(out.ok());
  EXPECT_THAT(out->argv, ElementsAre("x", "unit", "create", "--name", "A"));
  EXPECT_THAT(out->repeated.at("function"), ElementsAre("宣传政策", "贷后管理"));
}

TEST(NormalizeArgs, RepeatableFlagWithoutValueFails) {
  EXPECT_FALSE(NormalizeArgs({"x", "--function"}, {}, {"function"}).ok());
  EXPECT_FALSE(NormalizeArgs({"x", "--function", "--name=a"}, {}, {"function"}).ok());
}

TEST(NormalizeArgs, ShortOutputFlagTakesTheNextWord) {
  auto out = NormalizeArgs({"x", "audit", "export", "-o", "trail.jsonl", "--exact"}, {"exact"}, {});
  ASSERT_TRUE(out.ok());
  EXPECT_THAT(out->argv, ElementsAre("x", "audit", "export", "--output", "trail.jsonl", "--exact=true"));
  auto inv = ParseInvocation({"huinongctl", "audit", "export", "-o", "trail.jsonl", "--exact"}, NoEnv());
  ASSERT_TRUE(inv.ok()) << inv.status();
  EXPECT_EQ(inv->command, "audit export");
  EXPECT_EQ(inv->config.String("output"), "trail.jsonl");
  EXPECT_TRUE(inv->args.empty());
}

TEST(ParseInvocation, AuditCommandsAreTwoWords) {
  auto inv = ParseInvocation({"huinongctl", "audit", "verify-export", "trail.jsonl", "--public-key", "ab"}, NoEnv());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(inv->command, "audit verify-export");
  EXPECT_THAT(inv->args, ElementsAre("trail.jsonl"));
  // A bare --newest-first keeps the next word positional.
  auto search = ParseInvocation({"huinongctl", "audit", "search", "--newest-first", "stray"}, NoEnv());
  ASSERT_TRUE(search.ok());
  EXPECT_EQ(search->config.String("newest_first"), "true");
  EXPECT_THAT(search->args, ElementsAre("stray"));
}

TEST(NormalizeArgs, EverythingAfterDoubleDashIsPositional) {
  auto out = NormalizeArgs({"x", "--", "--json"}, {"json"}, {});
  ASSERT_TRUE(out.ok());
  EXPECT_THAT(out->argv, ElementsAre("x", "--", "--json"));
}

TEST(FlagKey, NormalizesDashesAndCase) {
  EXPECT_EQ(FlagKey("--Page-Size"), "page_size");
  EXPECT_EQ(FlagKey("include_abolished"), "include_abolished");
}

TEST(ParseEnvFile, ReadsExportLinesAndStripsQuotes) {
  const auto env = ParseEnvFile(
      "# written by scripts/up.sh\n"
      "export HUINONG_GATEWAY=127.0.0.1:8080\n"
      "export HUINONG_TOKEN='eyJ.a.b'\n"
      "HUINONG_JWT_ISSUER=\"huinong-local\"\n"
      "  export   HUINONG_JWT_AUDIENCE=huinong  \n"
      "exportFOO=1\n"
      "echo hello\n"
      "export BAD-NAME=1\n");
  EXPECT_EQ(env.size(), 4u);
  EXPECT_EQ(env.at("HUINONG_GATEWAY"), "127.0.0.1:8080");
  EXPECT_EQ(env.at("HUINONG_TOKEN"), "eyJ.a.b");
  EXPECT_EQ(env.at("HUINONG_JWT_ISSUER"), "huinong-local");
  EXPECT_EQ(env.at("HUINONG_JWT_AUDIENCE"), "huinong");
}

TEST(RestrictedEnv, ProcessWinsThenFileOnlyForAllowedNames) {
  auto process = [](const std::string& name) -> std::optional<std::string> {
    if (name == "HUINONG_GATEWAY") return "10.0.0.1:80";
    if (name == "HUINONG_TOKEN") return "";  // set but empty: unset
    if (name == "HUINONG_NAME") return "from shell";
    return std::nullopt;
  };
  auto env = RestrictedEnv(process,
                           {{"HUINONG_GATEWAY", "127.0.0.1:8080"}, {"HUINONG_TOKEN", "file-token"}},
                           {"HUINONG_GATEWAY", "HUINONG_TOKEN"});
  EXPECT_EQ(env("HUINONG_GATEWAY"), "10.0.0.1:80");
  EXPECT_EQ(env("HUINONG_TOKEN"), "file-token");
  EXPECT_EQ(env("HUINONG_NAME"), std::nullopt);
}

TEST(SplitList, DropsBlanks) {
  EXPECT_THAT(SplitList(" admin, org.admin,,hr "), ElementsAre("admin", "org.admin", "hr"));
  EXPECT_THAT(SplitList(" , "), IsEmpty());
}

TEST(ParseInvocation, FindsTwoWordCommandAndArguments) {
  auto inv = ParseInvocation({"huinongctl", "--json", "unit", "get", "units/01ABC", "--timeout=3s"}, NoEnv());
  ASSERT_TRUE(inv.ok()) << inv.status();
  EXPECT_EQ(inv->command, "unit get");
  EXPECT_THAT(inv->args, ElementsAre("units/01ABC"));
  EXPECT_TRUE(inv->json);
  EXPECT_TRUE(CheckUsage(*inv, {}, 1).ok());
}

TEST(ParseInvocation, ABreakerPlanKeepsEveryInvestigator) {
  auto inv = ParseInvocation({"huinongctl", "breaker", "plan", "units/T", "--investigator", "staff/A",
                              "--investigator", "staff/B"},
                             NoEnv());
  ASSERT_TRUE(inv.ok()) << inv.status();
  ASSERT_EQ(inv->repeated.count("investigator"), 1u);
  EXPECT_THAT(inv->repeated.at("investigator"), ElementsAre("staff/A", "staff/B"));
}

TEST(ParseInvocation, RecoverySwitchesDoNotSwallowTheLoan) {
  auto inv = ParseInvocation({"huinongctl", "recovery", "record", "--malicious-evasion", "--closes-case", "loans/L",
                              "--amount", "100"},
                             NoEnv());
  ASSERT_TRUE(inv.ok()) << inv.status();
  EXPECT_EQ(inv->command, "recovery record");
  EXPECT_THAT(inv->args, ElementsAre("loans/L"));
  EXPECT_EQ(inv->config.String("malicious_evasion"), "true");
  EXPECT_EQ(inv->config.String("closes_case"), "true");
}

TEST(ParseInvocation, ASubsidyClaimKeepsEveryVoucher) {
  auto inv = ParseInvocation({"huinongctl", "subsidy", "apply", "loans/L", "--voucher", "https://v/1.pdf", "--voucher",
                              "https://v/2.pdf"},
                             NoEnv());
  ASSERT_TRUE(inv.ok()) << inv.status();
  ASSERT_EQ(inv->repeated.count("voucher"), 1u);
  EXPECT_THAT(inv->repeated.at("voucher"), ElementsAre("https://v/1.pdf", "https://v/2.pdf"));
}

TEST(ParseInvocation, OneWordCommand) {
  auto inv = ParseInvocation({"huinongctl", "health", "--wait", "5s"}, NoEnv());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(inv->command, "health");
  EXPECT_THAT(inv->args, IsEmpty());
  EXPECT_FALSE(inv->json);
  EXPECT_EQ(inv->config.String("wait"), "5s");
}

TEST(ParseInvocation, MalformedFlagIsAUsageError) {
  auto inv = ParseInvocation({"huinongctl", "-x"}, NoEnv());
  ASSERT_FALSE(inv.ok());
  EXPECT_TRUE(IsUsageError(inv.status()));
}

TEST(CheckUsage, UnknownFlagsAndExtraArgumentsAreUsageErrors) {
  auto inv = ParseInvocation({"huinongctl", "unit", "get", "units/1", "units/2", "--colour=red"}, NoEnv());
  ASSERT_TRUE(inv.ok());
  absl::Status unknown = CheckUsage(*inv, {}, 2);
  EXPECT_TRUE(IsUsageError(unknown));
  EXPECT_TRUE(absl::StrContains(unknown.message(), "--colour")) << unknown;
  auto inv2 = ParseInvocation({"huinongctl", "unit", "get", "units/1", "units/2"}, NoEnv());
  ASSERT_TRUE(inv2.ok());
  absl::Status extra = CheckUsage(*inv2, {}, 1);
  EXPECT_TRUE(IsUsageError(extra));
  EXPECT_TRUE(absl::StrContains(extra.message(), "units/2")) << extra;
}

TEST(CheckUsage, RepeatableFlagMustBelongToTheCommand) {
  auto inv = ParseInvocation({"huinongctl", "unit", "get", "units/1", "--function=x"}, NoEnv());
  ASSERT_TRUE(inv.ok());
  EXPECT_TRUE(IsUsageError(CheckUsage(*inv, {}, 1)));
  EXPECT_TRUE(CheckUsage(*inv, {"function"}, 1).ok());
}

TEST(RequiredFlag, MissingOrBareIsAUsageError) {
  auto inv = ParseInvocation({"huinongctl", "unit", "create", "--kind"}, NoEnv());
  ASSERT_TRUE(inv.ok());
  auto page = RequiredFlag(*inv, "page_size");
  EXPECT_TRUE(IsUsageError(page.status()));
  EXPECT_TRUE(absl::StrContains(page.status().message(), "--page-size")) << page.status();
  EXPECT_TRUE(IsUsageError(RequiredFlag(*inv, "kind").status()));
}

TEST(UsageError, OnlyMarkedStatusesCount) {
  EXPECT_TRUE(IsUsageError(UsageError("x")));
  EXPECT_FALSE(IsUsageError(absl::InvalidArgumentError("x")));
}

}  // namespace
}  // namespace huinong::ctl
