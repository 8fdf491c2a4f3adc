// Tests of the JSON-lines logger: each line is valid JSON (checked by a small
// strict parser, flat_json.h), fields come in order, escaping is exact, lines from
// concurrent threads never interleave, level filtering works.
#include "common/core/log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/core/tests/flat_json.h"
#include "common/core/tests/stderr_lines.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::log {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Keys(const Pairs& pairs) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : pairs) keys.push_back(k);
  return keys;
}

// Captures lines for one test and restores stderr afterwards.
class CoreLog : public ::testing::Test {
 protected:
  void SetUp() override {
    Init("svc-test", Level::kDebug);
    SetSinkForTest([this](std::string_view line) {
      absl::MutexLock lock(&mu_);
      lines_.emplace_back(line);
    });
  }
  void TearDown() override {
    SetSinkForTest(nullptr);
    Init("", Level::kInfo);
  }
  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }
  absl::Mutex mu_;
  std::vector<std::string> lines_;
};

TEST_F(CoreLog, LineIsJsonWithFixedFieldsThenGivenFieldsInOrder) {
  const absl::Time before = absl::Now();
  Info("call done", {{"method", "/huinong.org.v1.Units/Get"},
                     {"code", 0},
                     {"latency_ms", 1.25},
                     {"rows", int64_t{12}},
                     {"cached", true},
                     {"bytes", size_t{4096}},
                     {"request_id", std::string("01J0000000000000000000000")}});
  const absl::Time after = absl::Now();
  const std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  const auto pairs = FlatJson(lines[0]).Parse();
  ASSERT_TRUE(pairs.has_value()) << lines[0];
  EXPECT_THAT(Keys(*pairs), ElementsAre("ts", "level", "service", "msg", "method", "code",
                                        "latency_ms", "rows", "cached", "bytes", "request_id"));
  EXPECT_EQ((*pairs)[1].second, "info");
  EXPECT_EQ((*pairs)[2].second, "svc-test");
  EXPECT_EQ((*pairs)[3].second, "call done");
  EXPECT_EQ((*pairs)[4].second, "/huinong.org.v1.Units/Get");
  EXPECT_EQ((*pairs)[5].second, "0");
  EXPECT_EQ((*pairs)[6].second, "1.25");
  EXPECT_EQ((*pairs)[7].second, "12");
  EXPECT_EQ((*pairs)[8].second, "true");
  EXPECT_EQ((*pairs)[9].second, "4096");

  // RFC 3339 UTC with exactly six fractional digits, within the call window.
  const std::string& ts = (*pairs)[0].second;
  EXPECT_THAT(ts, ::testing::MatchesRegex(
                      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z"));
  absl::Time parsed;
  std::string err;
  ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full, ts, &parsed, &err)) << err;
  EXPECT_GE(parsed, absl::FromUnixMicros(absl::ToUnixMicros(before)));
  EXPECT_LE(parsed, after);
}

TEST_F(CoreLog, ExactLineWithTimestampGiven) {
  EXPECT_EQ(FormatLine("2026-11-22T05:41:00.123456Z", Level::kWarn, "svc-loans", "slow query",
                       {{"table", "loans"}, {"ms", 250}}),
            "{\"ts\":\"2026-11-22T05:41:00.123456Z\",\"level\":\"warn\","
            "\"service\":\"svc-loans\",\"msg\":\"slow query\",\"table\":\"loans\",\"ms\":250}");
}

TEST_F(CoreLog, EscapesQuotesNewlinesAndControlCharacters) {
  EXPECT_EQ(JsonEscape("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
  EXPECT_EQ(JsonEscape("a\nb\r\tc"), "a\\nb\\r\\tc");
  EXPECT_EQ(JsonEscape(std::string_view("\x01\x1f\x7f\0", 4)), "\\u0001\\u001f\\u007f\\u0000");
  EXPECT_EQ(JsonEscape("\b\f"), "\\b\\f");
  EXPECT_EQ(JsonEscape("张三 ok"), "张三 ok");            // valid UTF-8 passes through
  EXPECT_EQ(JsonEscape("a\xff" "b\xe5\xbc"), "a\\ufffdb\\ufffd\\ufffd");  // invalid bytes
  EXPECT_EQ(JsonEscape("\xc0\xaf"), "\\ufffd\\ufffd");    // overlong '/'

  const std::string nasty = "line1\nline2 \"quoted\" \\ \x02 tab\t 客户";
  Error(nasty, {{"k\"ey", nasty}});
  const std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].find('\n'), std::string::npos);
  const auto pairs = FlatJson(lines[0]).Parse();
  ASSERT_TRUE(pairs.has_value()) << lines[0];
  EXPECT_EQ((*pairs)[1].second, "error");
  EXPECT_EQ((*pairs)[3].second, nasty);  // round-trips exactly
  EXPECT_EQ((*pairs)[4].first, "k\"ey");
  EXPECT_EQ((*pairs)[4].second, nasty);
}

TEST_F(CoreLog, SpecialValues) {
  const char* null_text = nullptr;
  Info("values", {{"nan", std::nan("")},
                  {"inf", HUGE_VAL},
                  {"null_text", null_text},
                  {"big", uint64_t{18446744073709551615u}},
                  {"neg", -7},
                  {"msg", "caller field named like a fixed one"},
                  {"error", absl::NotFoundError("unit 42 \"x\"").message()}});
  const auto pairs = FlatJson(Lines().at(0)).Parse();
  ASSERT_TRUE(pairs.has_value()) << Lines().at(0);
  EXPECT_THAT(Keys(*pairs), ElementsAre("ts", "level", "service", "msg", "nan", "inf",
                                        "null_text", "big", "neg", "field.msg", "error"));
  EXPECT_EQ((*pairs)[10].second, "unit 42 \"x\"");
  EXPECT_EQ((*pairs)[4].second, "null");
  EXPECT_EQ((*pairs)[5].second, "null");
  EXPECT_EQ((*pairs)[6].second, "null");
  EXPECT_EQ((*pairs)[7].second, "18446744073709551615");
  EXPECT_EQ((*pairs)[8].second, "-7");
  EXPECT_EQ((*pairs)[3].second, "values");
}

TEST_F(CoreLog, MinimumLevelFilters) {
  Init("svc-test", Level::kWarn);
  Debug("d");
  Info("i");
  Warn("w");
  Error("e");
  const std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ((*FlatJson(lines[0]).Parse())[3].second, "w");
  EXPECT_EQ((*FlatJson(lines[1]).Parse())[3].second, "e");
  EXPECT_FALSE(Enabled(Level::kInfo));
  EXPECT_TRUE(Enabled(Level::kError));
}

TEST(CoreLogLevel, ParseLevel) {
  EXPECT_EQ(*ParseLevel("debug"), Level::kDebug);
  EXPECT_EQ(*ParseLevel("INFO"), Level::kInfo);
  EXPECT_EQ(*ParseLevel("warn"), Level::kWarn);
  EXPECT_EQ(*ParseLevel("warning"), Level::kWarn);
  EXPECT_EQ(*ParseLevel("error"), Level::kError);
  EXPECT_EQ(ParseLevel("verbose").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LevelName(Level::kWarn), "warn");
}

// The real stderr path: fd 2 is pointed at a file while 4 threads log; every
// line must come out whole.
TEST(CoreLogStderr, ConcurrentLinesNeverInterleave) {
  StderrToFile capture;
  ASSERT_TRUE(capture.ok());
  Init("svc-stderr", Level::kInfo);
  constexpr int kThreads = 4;
  constexpr int kLines = 2000;
  const std::string padding(600, 'p');  // lines longer than one small write
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &padding] {
      for (int n = 0; n < kLines; ++n) Info("tick", {{"thread", t}, {"n", n}, {"pad", padding}});
    });
  }
  for (std::thread& th : threads) th.join();
  capture.Restore();
  Init("", Level::kInfo);
  ExpectTickLinesWholeAndInOrder(capture.path(), kThreads, kLines);
}

}  // namespace
}  // namespace huinong::log
