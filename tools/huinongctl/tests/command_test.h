// The fixture of the command tests: a fresh FakeSuite per test, and a command
// line (without "huinongctl" and the connection flags) run the way main runs
// it, through RunCommand, with what it printed on stdout kept in out_; the
// value a detail block shows for a key; the check every command's bad input
// gets — a usage error naming the flag, and nothing sent to svc-loans — and
// the one a refusal from the server gets — its code, and its reason shown.
#pragma once

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl::testing {

// The matchers every command test uses.
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

inline type::v1::Money Fen(int64_t fen) {
  type::v1::Money money;
  money.set_fen(fen);
  return money;
}

inline type::v1::Date Day(int year, int month, int day) { return rpc::ToDate(absl::CivilDay(year, month, day)); }

class CommandTest : public ::testing::Test {
 protected:
  absl::Status Run(const std::vector<std::string>& words) {
    absl::StatusOr<Invocation> inv = suite_.Parse(words);
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    const absl::Status status = RunCommand(*inv);
    out_ = ::testing::internal::GetCapturedStdout();
    return status;
  }

  // The value of the first "KEY  value" line of out_ (a detail block pads
  // its keys to one width); "<no KEY row>" when there is none.
  std::string Row(const std::string& key) const {
    for (absl::string_view line : absl::StrSplit(out_, '\n')) {
      if (!absl::ConsumePrefix(&line, key) || !absl::ConsumePrefix(&line, "  ")) continue;
      return std::string(absl::StripLeadingAsciiWhitespace(line));
    }
    return "<no " + key + " row>";
  }

  // `words` fail as a usage error whose message names `flag`, before any
  // call to svc-loans' servicing services.
  void ExpectRefusedUnsent(const std::vector<std::string>& words, const std::string& flag) {
    SCOPED_TRACE(absl::StrJoin(words, " "));
    const std::vector<std::string> before = suite_.canned().Calls();
    const absl::Status status = Run(words);
    EXPECT_TRUE(IsUsageError(status)) << status;
    EXPECT_THAT(std::string(status.message()), HasSubstr(flag));
    EXPECT_EQ(suite_.canned().Calls(), before);
  }

  // `words` fail with the server's `code`, and the error as printed (what
  // main shows) names `reason`; returns that text.
  std::string ExpectServerRefusal(const std::vector<std::string>& words, absl::StatusCode code,
                                  const std::string& reason) {
    SCOPED_TRACE(absl::StrJoin(words, " "));
    const absl::Status status = Run(words);
    EXPECT_EQ(status.code(), code) << status;
    const std::string text = FormatError(status);
    EXPECT_THAT(text, HasSubstr("reason: " + reason + "\n"));
    return text;
  }

  FakeSuite suite_;
  std::string out_;
};

}  // namespace huinong::ctl::testing
