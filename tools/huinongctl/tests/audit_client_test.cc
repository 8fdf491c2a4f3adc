// The audit commands end to end against the in-process fake svc-audit: the
// requests that go on the wire (filters, resource types, page tokens and
// next_start_sequence followed), what the user sees, and the exit codes —
// including an export written by `audit export` and checked offline by
// `audit verify-export`, before and after the stored chain is tampered with.
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/core/sha256.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/export_file.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::audit::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class AuditClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("huinongctl-audit-", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  absl::Status Run(std::vector<std::string> words) {
    std::vector<std::string> argv = {"huinongctl", "--gateway=" + suite_.address(), "--token=tok-auditor",
                                     "--timeout=5s"};
    argv.insert(argv.end(), words.begin(), words.end());
    auto inv = ParseInvocation(argv, [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const absl::Status status = RunAudit(*inv);
    out_ = ::testing::internal::GetCapturedStdout();
    err_ = ::testing::internal::GetCapturedStderr();
    return status;
  }

  // Five events: units/U001 at 1, 3, 5 and units/U002 at 2, 4; checkpoints at 3 and 5.
  void FiveEvents() {
    for (int n = 1; n <= 5; ++n) {
      suite_.audit().Append(testing::SampleEvent(n, n % 2 == 1 ? "units/U001" : "units/U002"));
      if (n == 3 || n == 5) suite_.audit().Checkpoint();
    }
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static std::vector<std::string> FileLines(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return absl::StrSplit(text.str(), '\n', absl::SkipEmpty());
  }

  testing::FakeSuite suite_;
  std::filesystem::path dir_;
  std::string out_;
  std::string err_;
};

TEST_F(AuditClientTest, HistoryAsksByTypeAndNameAndFollowsEveryPage) {
  FiveEvents();
  ASSERT_TRUE(Run({"audit", "history", "units/U001"}).ok()) << err_;
  const auto searches = suite_.audit().searches();
  ASSERT_EQ(searches.size(), 2u);  // 3 events in pages of 2
  for (const auto& req : searches) {
    EXPECT_EQ(req.resource_type(), "unit");
    EXPECT_EQ(req.resource_id(), "units/U001");
    EXPECT_FALSE(req.newest_first());
    EXPECT_EQ(req.page_size(), 500);
  }
  EXPECT_EQ(searches[0].page_token(), "");
  EXPECT_EQ(searches[1].page_token(), "3");
  // Three blocks in chain order, each with the actor, request id and the JSON.
  EXPECT_THAT(out_, StartsWith("sequence       1\ntime           2024-05-01T08:01:00.123456Z\n"
                               "service        svc-org\naction         org.CreateUnit\n"));
  EXPECT_THAT(out_, HasSubstr("actor          staff/01HXADMIN @ units/01HXCOUNTY (admin, org.admin)\n"
                              "request id     01HXREQ1\n"));
  EXPECT_THAT(out_, HasSubstr("before:\n  (none)\nafter:\n  {\"display_name\":\"宫村镇金融服务部\",\"n\":1}\n"));
  const size_t first = out_.find("sequence       1\n");
  const size_t third = out_.find("\n\nsequence       3\n");
  const size_t fifth = out_.find("\n\nsequence       5\n");
  EXPECT_TRUE(first < third && third < fifth && fifth != std::string::npos) << out_;
  EXPECT_THAT(out_, Not(HasSubstr("sequence       2\n")));
}

TEST_F(AuditClientTest, HistoryOfANameThatIsNoResourceIsAUsageError) {
  const absl::Status status = Run({"audit", "history", "01HXNOTANAME"});
  EXPECT_TRUE(IsUsageError(status)) << status;
  EXPECT_EQ(ExitCode(status), 2);
  EXPECT_TRUE(suite_.audit().searches().empty());
  EXPECT_TRUE(IsUsageError(Run({"audit", "history"})));
  EXPECT_TRUE(IsUsageError(Run({"audit", "history", "units/U001", "--actor=x"})));
}

TEST_F(AuditClientTest, HistoryOfAResourceWithoutEventsSaysSo) {
  ASSERT_TRUE(Run({"audit", "history", "subsidyClaims/7"}).ok());
  EXPECT_EQ(out_, "no events recorded for subsidyClaims/7 (resource type subsidy_claim)\n");
  EXPECT_EQ(suite_.audit().searches()[0].resource_type(), "subsidy_claim");
}

TEST_F(AuditClientTest, SearchSendsEveryFilter) {
  FiveEvents();
  ASSERT_TRUE(Run({"audit", "search", "--resource-id", "units/U001", "--actor", "staff/01HXADMIN", "--actor-unit",
                   "units/01HXCOUNTY", "--action", "org.CreateUnit", "--service", "svc-org", "--request-id",
                   "01HXREQ3", "--from", "2024-05-01T16:00:00+08:00", "--to", "2024-05-02", "--newest-first",
                   "--page-size", "20"})
                  .ok())
      << err_;
  const v1::SearchEventsRequest req = suite_.audit().searches().at(0);
  EXPECT_EQ(req.resource_type(), "unit");  // taken from the name
  EXPECT_EQ(req.resource_id(), "units/U001");
  EXPECT_EQ(req.actor_subject(), "staff/01HXADMIN");
  EXPECT_EQ(req.actor_unit(), "units/01HXCOUNTY");
  EXPECT_EQ(req.action(), "org.CreateUnit");
  EXPECT_EQ(req.service(), "svc-org");
  EXPECT_EQ(req.request_id(), "01HXREQ3");
  EXPECT_EQ(rpc::FromTimestamp(req.time_from()),
            absl::FromCivil(absl::CivilHour(2024, 5, 1, 8), absl::UTCTimeZone()));
  EXPECT_EQ(rpc::FromTimestamp(req.time_to()), absl::FromCivil(absl::CivilDay(2024, 5, 2), absl::UTCTimeZone()));
  EXPECT_TRUE(req.newest_first());
  EXPECT_EQ(req.page_size(), 20);
  EXPECT_EQ(out_,
            "SEQ  TIME                 SERVICE  ACTION          ACTOR            RESOURCE\n"
            "3    2024-05-01 08:03:00  svc-org  org.CreateUnit  staff/01HXADMIN  units/U001\n");
}

TEST_F(AuditClientTest, SearchPagesOrFollowsAllPages) {
  FiveEvents();
  ASSERT_TRUE(Run({"audit", "search", "--service", "svc-org"}).ok());
  std::vector<std::string> lines = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 4u) << out_;  // header, 2 rows, next page
  EXPECT_EQ(lines[3], "next page: --page-token=2");

  ASSERT_TRUE(Run({"audit", "search", "--service", "svc-org", "--page-token", "2"}).ok());
  EXPECT_THAT(out_, HasSubstr("\n3    2024-05-01 08:03:00"));
  EXPECT_THAT(out_, HasSubstr("next page: --page-token=4"));

  ASSERT_TRUE(Run({"audit", "search", "--service", "svc-org", "--all", "--newest-first"}).ok());
  lines = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 6u) << out_;
  EXPECT_THAT(lines[1], StartsWith("5 "));
  EXPECT_THAT(lines[5], StartsWith("1 "));
  EXPECT_THAT(out_, Not(HasSubstr("next page")));
}

TEST_F(AuditClientTest, SearchJsonIsTheResponse) {
  FiveEvents();
  ASSERT_TRUE(Run({"--json", "audit", "search", "--request-id", "01HXREQ2"}).ok());
  v1::SearchEventsResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out_, &parsed).ok()) << out_;
  ASSERT_EQ(parsed.events_size(), 1);
  EXPECT_EQ(parsed.events(0).sequence(), 2);
  EXPECT_EQ(parsed.events(0).hash().size(), 32u);
}

TEST_F(AuditClientTest, SearchBadTimeIsAUsageError) {
  EXPECT_TRUE(IsUsageError(Run({"audit", "search", "--from", "yesterday"})));
  EXPECT_TRUE(IsUsageError(Run({"audit", "search", "--page-size", "501"})));
  EXPECT_TRUE(suite_.audit().searches().empty());
}

TEST_F(AuditClientTest, VerifyFollowsNextStartUntilTheRangeIsDone) {
  FiveEvents();
  const absl::Status status = Run({"audit", "verify"});
  ASSERT_TRUE(status.ok()) << status;
  const auto calls = suite_.audit().verifies();
  ASSERT_EQ(calls.size(), 3u);  // the fake checks 2 per call: 1–2, 3–4, 5
  EXPECT_EQ(calls[0].start_sequence(), 0);
  EXPECT_EQ(calls[1].start_sequence(), 3);
  EXPECT_EQ(calls[2].start_sequence(), 5);
  for (const auto& call : calls) {
    EXPECT_EQ(call.max_events(), 100000);
    EXPECT_EQ(call.end_sequence(), 0);
  }
  // The head is the hash of event 5 as the fake's own chain computed it.
  ASSERT_TRUE(Run({"--json", "audit", "search", "--request-id", "01HXREQ5"}).ok());
  v1::SearchEventsResponse fifth;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out_, &fifth).ok());
  ASSERT_TRUE(Run({"audit", "verify"}).ok());
  EXPECT_EQ(out_, absl::StrCat("chain intact: 5 events checked (sequences 1–5), 2 checkpoints, head ",
                               HexEncode(fifth.events(0).hash()), "\n"));
}

TEST_F(AuditClientTest, VerifyReportsTheAlteredSequenceAndExitsThree) {
  FiveEvents();
  suite_.audit().Tamper(4, "{\"display_name\":\"改过的\"}");
  const absl::Status status = Run({"audit", "verify", "--start", "2", "--end", "5"});
  EXPECT_TRUE(IsCheckFailure(status));
  EXPECT_EQ(ExitCode(status), 3);
  EXPECT_EQ(out_,
            "chain BROKEN at sequence 4: hash mismatch (the event's content no longer hashes to its stored hash)\n");
  EXPECT_EQ(suite_.audit().verifies()[0].start_sequence(), 2);
  EXPECT_EQ(suite_.audit().verifies()[0].end_sequence(), 5);

  ASSERT_EQ(ExitCode(Run({"--json", "audit", "verify"})), 3);
  EXPECT_THAT(out_, HasSubstr("\"first_bad_sequence\":\"4\",\"problem\":\"CHAIN_PROBLEM_HASH_MISMATCH\""));
}

TEST_F(AuditClientTest, VerifyErrorsAreTheServersOrTheUsers) {
  FiveEvents();
  const absl::Status beyond = Run({"audit", "verify", "--end", "99"});
  EXPECT_EQ(ExitCode(beyond), 1);
  EXPECT_EQ(beyond.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FormatError(beyond), HasSubstr("\n  end_sequence: beyond the head\n"));
  EXPECT_TRUE(IsUsageError(Run({"audit", "verify", "--start", "5", "--end", "2"})));
  EXPECT_TRUE(IsUsageError(Run({"audit", "verify", "--start", "-1"})));
}

TEST_F(AuditClientTest, ExportWritesJsonLinesThatVerifyOffline) {
  FiveEvents();
  const std::string file = Path("audit.jsonl");
  ASSERT_TRUE(Run({"audit", "export", "-o", file}).ok()) << err_;
  EXPECT_EQ(out_, "");
  EXPECT_EQ(err_, "exported 5 events (sequences 1–5), 2 checkpoints (last at sequence 5); header range 1–5\n"
                  "written to " + file + "\n");
  EXPECT_FALSE(std::filesystem::exists(file + ".partial"));
  const std::vector<std::string> lines = FileLines(file);
  ASSERT_EQ(lines.size(), 8u);  // header, 5 events, 2 checkpoints
  EXPECT_TRUE(ParseExportLine(lines[0])->has_header());
  EXPECT_TRUE(ParseExportLine(lines[4])->has_checkpoint());
  EXPECT_THAT(lines[1], HasSubstr("\"prev_hash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\""));

  const absl::Status verified = Run({"audit", "verify-export", file});
  ASSERT_TRUE(verified.ok()) << out_;
  EXPECT_EQ(out_, "export verified: 5 events, 2 checkpoints, last signed checkpoint at sequence 5\n");
  EXPECT_THAT(err_, HasSubstr("pass --public-key"));

  const std::string key = HexEncode(suite_.audit().key().public_key);
  ASSERT_TRUE(Run({"audit", "verify-export", file, "--public-key", key}).ok()) << out_;
  EXPECT_EQ(err_, "");
}

TEST_F(AuditClientTest, ExportOfATamperedChainFailsOfflineAtThatSequence) {
  FiveEvents();
  suite_.audit().Tamper(2, "{\"display_name\":\"改过的\"}");
  const std::string file = Path("tampered.jsonl");
  ASSERT_TRUE(Run({"audit", "export", "--output", file}).ok());
  const absl::Status status = Run({"audit", "verify-export", file});
  EXPECT_EQ(ExitCode(status), 3);
  EXPECT_EQ(out_,
            "export BROKEN at sequence 2: hash mismatch (the event's content no longer hashes to its stored hash)\n");
}

TEST_F(AuditClientTest, ExportRunsOnToTheNextCheckpointUnlessExact) {
  FiveEvents();
  ASSERT_TRUE(Run({"audit", "export", "--start", "2", "--end", "4"}).ok());
  std::vector<std::string> lines = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  EXPECT_EQ(ParseExportLine(lines[0])->header().end_sequence(), 5);
  EXPECT_EQ(lines.size(), 7u);  // header, events 2–5, checkpoints 3 and 5
  EXPECT_EQ(suite_.audit().exports()[0].start_sequence(), 2);
  EXPECT_FALSE(suite_.audit().exports()[0].exact_range());

  const std::string file = Path("exact.jsonl");
  ASSERT_TRUE(Run({"audit", "export", "--start", "2", "--end", "4", "--exact", "-o", file}).ok());
  EXPECT_TRUE(suite_.audit().exports()[1].exact_range());
  EXPECT_THAT(err_, HasSubstr("warning: events 4–4 are covered by no signed checkpoint yet\n"));
  ASSERT_TRUE(Run({"audit", "verify-export", file}).ok()) << out_;
  EXPECT_EQ(out_, "export verified: 3 events, 1 checkpoints, last signed checkpoint at sequence 3\n");
  EXPECT_THAT(err_, HasSubstr("warning: events 4–4 come after the last signed checkpoint"));
}

TEST_F(AuditClientTest, InterruptedExportLeavesNoCompleteLookingFile) {
  FiveEvents();
  suite_.audit().FailExportAfter(2);
  const std::string file = Path("cut.jsonl");
  const absl::Status status = Run({"audit", "export", "-o", file});
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(ExitCode(status), 1);
  EXPECT_THAT(std::string(status.message()), HasSubstr("stopped after sequence 2; resume with --start=3"));
  EXPECT_FALSE(std::filesystem::exists(file));
  ASSERT_TRUE(std::filesystem::exists(file + ".partial"));
  // What did arrive is an export cut short, and the offline check says so.
  EXPECT_EQ(ExitCode(Run({"audit", "verify-export", file + ".partial"})), 3);
  EXPECT_THAT(out_, HasSubstr("export BROKEN at sequence 3: sequence gap"));
}

TEST_F(AuditClientTest, VerifyExportRefusesAnotherKeyAndNeedsNoGateway) {
  FiveEvents();
  const std::string file = Path("audit.jsonl");
  ASSERT_TRUE(Run({"audit", "export", "-o", file}).ok());
  const std::string stranger = HexEncode(audit::GenerateSigningKey()->public_key);
  EXPECT_EQ(ExitCode(Run({"audit", "verify-export", file, "--public-key", stranger})), 3);
  EXPECT_THAT(out_, HasSubstr("refused"));
  EXPECT_TRUE(IsUsageError(Run({"audit", "verify-export", file, "--public-key", "abcd"})));
  EXPECT_EQ(Run({"audit", "verify-export", Path("missing.jsonl")}).code(), absl::StatusCode::kNotFound);

  // Offline: no gateway configured at all.
  auto inv = ParseInvocation({"huinongctl", "audit", "verify-export", file},
                             [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(inv.ok());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const absl::Status offline = RunAudit(*inv);
  out_ = ::testing::internal::GetCapturedStdout();
  ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(offline.ok()) << offline;
  EXPECT_THAT(out_, StartsWith("export verified: 5 events"));
}

TEST_F(AuditClientTest, UnknownAuditCommandIsAUsageError) {
  EXPECT_TRUE(IsUsageError(Run({"audit", "rewrite"})));
  EXPECT_TRUE(IsUsageError(Run({"audit"})));
  EXPECT_TRUE(IsUsageError(Run({"audit", "verify", "--resource-type", "unit"})));
}

}  // namespace
}  // namespace huinong::ctl
