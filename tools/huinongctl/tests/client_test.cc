// The commands end to end against an in-process fake gateway + svc-org:
// what goes on the wire (token, x-request-id, deadline, backend header,
// update masks, etags) and what the user sees (trees, tables, summaries),
// including `demo load` run twice changing nothing.
#include <optional>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/core/ids.h"
#include "common/rpc/errors.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/demo_data.h"
#include "tools/huinongctl/src/demo_plan.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class ClientTest : public ::testing::Test {
 protected:
  // Runs one command line (without "huinongctl") against the fake; returns
  // its status and leaves stdout in out_.
  absl::Status Run(std::vector<std::string> words) {
    std::vector<std::string> argv = {"huinongctl", "--gateway=" + suite_.address(), "--token=tok-123",
                                     "--timeout=5s"};
    argv.insert(argv.end(), words.begin(), words.end());
    auto inv = ParseInvocation(argv, suite_.Environment());
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    const absl::Status status = RunCommand(*inv);
    out_ = ::testing::internal::GetCapturedStdout();
    return status;
  }

  std::string CreateUnit(const std::string& name, const std::string& kind, const std::string& level,
                         const std::string& parent = "") {
    std::vector<std::string> words = {"--json", "unit", "create", "--name", name, "--kind", kind,
                                      "--level", level};
    if (!parent.empty()) words.push_back("--parent=" + parent);
    EXPECT_TRUE(Run(words).ok()) << out_;
    const auto units = suite_.org().Units();
    return units.back().name();
  }

  testing::FakeSuite suite_;
  std::string out_;
};

TEST_F(ClientTest, EveryCallCarriesTokenRequestIdAndDeadline) {
  const std::string county = CreateUnit("固安县金融扶贫服务中心", "centre", "county");
  ASSERT_TRUE(Run({"unit", "get", county}).ok());
  EXPECT_THAT(out_, HasSubstr("display_name  固安县金融扶贫服务中心\n"));
  const auto calls = suite_.org().Calls();
  ASSERT_EQ(calls.size(), 2u);
  for (const auto& call : calls) {
    EXPECT_EQ(call.metadata.find("authorization")->second, "Bearer tok-123") << call.method;
    ASSERT_EQ(call.metadata.count("x-request-id"), 1u);
    EXPECT_TRUE(IsUlid(call.metadata.find("x-request-id")->second));
    EXPECT_GT(call.deadline_in, absl::Seconds(3));
    // grpc-timeout travels rounded up to its unit, so allow a little over.
    EXPECT_LE(call.deadline_in, absl::Seconds(5) + absl::Milliseconds(100));
  }
  EXPECT_NE(calls[0].metadata.find("x-request-id")->second, calls[1].metadata.find("x-request-id")->second);
}

TEST_F(ClientTest, CreatePrintsARequestIdThatReplaysTheSameUnit) {
  ASSERT_TRUE(Run({"unit", "create", "--name", "宫村镇金融服务部", "--kind", "Department", "--level",
                   "township", "--function", "组织贷前调查与推荐", "--function", "开展贷后管理"})
                  .ok());
  EXPECT_THAT(out_, HasSubstr("created 宫村镇金融服务部  [TOWNSHIP department]  units/U001\n"));
  const size_t at = out_.find("request_id    ");
  ASSERT_NE(at, std::string::npos) << out_;
  const std::string request_id = out_.substr(at + 14, 26);
  EXPECT_TRUE(IsUlid(request_id)) << request_id;
  EXPECT_THAT(suite_.org().Units()[0].functions(), ElementsAre("组织贷前调查与推荐", "开展贷后管理"));
  // The retry a user would make with the printed id: same unit, nothing new.
  ASSERT_TRUE(Run({"unit", "create", "--name", "宫村镇金融服务部", "--kind", "department", "--level",
                   "township", "--request-id", request_id})
                  .ok());
  EXPECT_THAT(out_, HasSubstr("units/U001"));
  EXPECT_EQ(suite_.org().Units().size(), 1u);
}

TEST_F(ClientTest, ServerErrorKeepsDetailsAndNamesTheRequestId) {
  CreateUnit("固安县金融扶贫服务中心", "centre", "county");
  const absl::Status status =
      Run({"unit", "create", "--name", "固安县金融扶贫服务中心", "--kind", "centre", "--level", "county",
           "--request-id", "retry-me-1"});
  ASSERT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_FALSE(IsUsageError(status));
  EXPECT_EQ(rpc::ReasonOf(status), "DUPLICATE_NAME");
  EXPECT_THAT(FormatError(status), HasSubstr("--request-id=retry-me-1)\n  reason: DUPLICATE_NAME\n"));
}

TEST_F(ClientTest, ListAllFollowsPagesAndPagedListPrintsTheToken) {
  const std::string county = CreateUnit("county", "centre", "county");
  for (const char* town : {"t1", "t2", "t3", "t4"}) CreateUnit(town, "department", "township", county);
  ASSERT_TRUE(Run({"unit", "list", "--level", "township", "--all"}).ok());
  const std::vector<std::string> lines = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 5u) << out_;  // header + 4 townships across two pages
  EXPECT_THAT(out_, Not(HasSubstr("next page")));
  ASSERT_TRUE(Run({"unit", "list", "--parent", county, "--page-size", "2"}).ok());
  EXPECT_THAT(out_, HasSubstr("\nnext page: --page-token=2\n"));
  ASSERT_TRUE(Run({"unit", "list", "--parent", county, "--page-size", "2", "--page-token", "2"}).ok());
  EXPECT_THAT(out_, HasSubstr("t3")) ;
  EXPECT_THAT(out_, Not(HasSubstr("t1")));
}

TEST_F(ClientTest, TreeWithoutArgumentStartsAtEveryRoot) {
  const std::string county = CreateUnit("county", "centre", "county");
  const std::string town = CreateUnit("town", "department", "township", county);
  CreateUnit("village 1", "station", "village", town);
  CreateUnit("village 2", "station", "village", town);
  CreateUnit("standalone group", "group", "none");
  ASSERT_TRUE(Run({"unit", "tree"}).ok());
  EXPECT_EQ(out_,
            "county  [COUNTY centre]  units/U001\n"
            "└── town  [TOWNSHIP department]  units/U002\n"
            "    ├── village 1  [VILLAGE station]  units/U003\n"
            "    └── village 2  [VILLAGE station]  units/U004\n"
            "standalone group  [NONE group]  units/U005\n");
  ASSERT_TRUE(Run({"unit", "tree", town, "--depth", "0"}).ok());
  EXPECT_THAT(out_, HasSubstr("town  [TOWNSHIP department]  units/U002\n├── village 1"));
}

TEST_F(ClientTest, AncestorsShowTheChainDownToTheUnit) {
  const std::string county = CreateUnit("county", "centre", "county");
  const std::string town = CreateUnit("town", "department", "township", county);
  const std::string village = CreateUnit("village", "station", "village", town);
  ASSERT_TRUE(Run({"unit", "ancestors", village}).ok());
  EXPECT_EQ(out_,
            "county  [COUNTY centre]  units/U001\n"
            "└── town  [TOWNSHIP department]  units/U002\n"
            "    └── village  [VILLAGE station]  units/U003\n");
}

TEST_F(ClientTest, UpdateSendsOnlyTheGivenFieldsWithTheCurrentEtag) {
  const std::string county = CreateUnit("county", "centre", "county");
  ASSERT_TRUE(Run({"unit", "update", county, "--name", "固安县金融扶贫服务中心", "--status", "frozen"}).ok());
  const auto& req = suite_.org().last_update();
  EXPECT_THAT(req.update_mask().paths(), ElementsAre("display_name", "status"));
  EXPECT_EQ(req.unit().etag(), "1");
  EXPECT_TRUE(IsUlid(req.request_id()));
  EXPECT_THAT(out_, HasSubstr("updated 固安县金融扶贫服务中心  [COUNTY centre]  units/U001  (frozen)"));
  // A stale etag given explicitly is the server's ABORTED, not a usage error.
  const absl::Status stale = Run({"unit", "update", county, "--code", "131022", "--etag", "1"});
  EXPECT_EQ(stale.code(), absl::StatusCode::kAborted);
  EXPECT_TRUE(IsUsageError(Run({"unit", "update", county})));
}

TEST_F(ClientTest, MoveFetchesTheEtagWhenNotGiven) {
  const std::string county = CreateUnit("county", "centre", "county");
  const std::string a = CreateUnit("town a", "department", "township", county);
  const std::string b = CreateUnit("town b", "department", "township", county);
  const std::string village = CreateUnit("village", "station", "village", a);
  ASSERT_TRUE(Run({"unit", "move", village, "--to", b}).ok());
  EXPECT_THAT(out_, HasSubstr("parent      " + b + "\n"));
  EXPECT_EQ(suite_.org().Units()[3].parent(), b);
}

TEST_F(ClientTest, JsonOutputIsTheProto) {
  const std::string county = CreateUnit("county", "centre", "county");
  ASSERT_TRUE(Run({"--json", "unit", "get", county}).ok());
  // The fake stamps create_time like the server; everything else is fixed.
  const size_t at = out_.find(",\"create_time\":\"");
  ASSERT_NE(at, std::string::npos) << out_;
  out_.erase(at, out_.find("Z\"", at) + 2 - at);
  EXPECT_EQ(out_,
            "{\"name\":\"units/U001\",\"display_name\":\"county\",\"kind\":\"UNIT_KIND_CENTRE\","
            "\"level\":\"LEVEL_COUNTY\",\"status\":\"UNIT_STATUS_ACTIVE\",\"etag\":\"1\"}\n");
}

TEST_F(ClientTest, DemoLoadTwiceChangesNothing) {
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  const size_t total = DemoStructure().units.size();
  const std::string first = out_;
  EXPECT_THAT(first, HasSubstr("\nunits          " + std::to_string(total) + "\n"));
  EXPECT_THAT(first, HasSubstr(" total; root 固安县金融扶贫服务中心 (units/U001)"));
  EXPECT_THAT(first, HasSubstr("├── 宫村镇金融服务部  [TOWNSHIP department]"));
  EXPECT_THAT(first, HasSubstr("│   ├── 大韩寨村金融扶贫服务站  [VILLAGE station]"));
  EXPECT_EQ(suite_.org().Units().size(), total);

  ASSERT_TRUE(Run({"demo", "load"}).ok());
  EXPECT_EQ(suite_.org().Units().size(), total);
  EXPECT_THAT(out_, HasSubstr("demo data: 0 created, "));
  // The same tree and totals, line for line, apart from the created count and time.
  EXPECT_EQ(first.substr(0, first.find("demo data:")), out_.substr(0, out_.find("demo data:")));
}

TEST_F(ClientTest, DemoLoadAdoptsUnitsMadeByOthers) {
  // Someone created the county by hand (another request id): demo load uses it.
  const std::string county = CreateUnit("固安县金融扶贫服务中心", "centre", "county");
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  const size_t total = DemoStructure().units.size();
  EXPECT_THAT(out_, HasSubstr(" created, 1 already present, "));
  EXPECT_EQ(suite_.org().Units().size(), total);
  for (const v1::Unit& unit : suite_.org().Units()) {
    if (unit.level() == type::v1::LEVEL_TOWNSHIP) {
      EXPECT_EQ(unit.parent(), county);
    }
  }
}

TEST_F(ClientTest, HealthAsksEachBackendThroughTheGatewayHeader) {
  ASSERT_TRUE(Run({"health"}).ok()) << out_;
  EXPECT_EQ(out_,
            "BACKEND  SERVICE                                     STATUS\n"
            "org      huinong.org.v1.UnitService                  SERVING\n"
            "org      huinong.org.v1.PostService                  SERVING\n"
            "org      huinong.org.v1.StaffService                 SERVING\n"
            "org      huinong.org.v1.ChangeService                SERVING\n"
            "org      huinong.org.v1.StaffingService              SERVING\n"
            "org      huinong.org.v1.OrgQueryService              SERVING\n"
            "org      huinong.org.v1.CalendarService              SERVING\n"
            "tickets  huinong.tickets.v1.TicketService            SERVING\n"
            "tickets  huinong.tickets.v1.SlaPolicyService         SERVING\n"
            "tickets  huinong.tickets.v1.CallbackHandoverService  SERVING\n"
            "tickets  huinong.tickets.v1.CustomerService          SERVING\n"
            "loans    huinong.loans.v1.BorrowerService            SERVING\n"
            "loans    huinong.loans.v1.ProductService             SERVING\n"
            "loans    huinong.loans.v1.ApplicationService         SERVING\n"
            "loans    huinong.loans.v1.ServicingService           SERVING\n"
            "loans    huinong.loans.v1.SubsidyService             SERVING\n"
            "loans    huinong.loans.v1.RiskFundService            SERVING\n"
            "loans    huinong.loans.v1.TownshipBreakerService     SERVING\n"
            "loans    huinong.loans.v1.CloseOfBusinessService     SERVING\n"
            "audit    huinong.audit.v1.AuditService               SERVING\n");
  EXPECT_THAT(suite_.health().Seen(),
              ElementsAre(std::pair<std::string, std::string>("org", "huinong.org.v1.UnitService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.PostService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.StaffService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.ChangeService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.StaffingService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.OrgQueryService"),
                          std::pair<std::string, std::string>("org", "huinong.org.v1.CalendarService"),
                          std::pair<std::string, std::string>("tickets", "huinong.tickets.v1.TicketService"),
                          std::pair<std::string, std::string>("tickets", "huinong.tickets.v1.SlaPolicyService"),
                          std::pair<std::string, std::string>("tickets", "huinong.tickets.v1.CallbackHandoverService"),
                          std::pair<std::string, std::string>("tickets", "huinong.tickets.v1.CustomerService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.BorrowerService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.ProductService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.ApplicationService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.ServicingService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.SubsidyService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.RiskFundService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.TownshipBreakerService"),
                          std::pair<std::string, std::string>("loans", "huinong.loans.v1.CloseOfBusinessService"),
                          std::pair<std::string, std::string>("audit", "huinong.audit.v1.AuditService")));
}

TEST_F(ClientTest, HealthFailsWhileABackendIsDownAndWaitRecovers) {
  suite_.health().SetServing("loans", false);
  const absl::Status down = Run({"--json", "health"});
  EXPECT_EQ(down.code(), absl::StatusCode::kUnavailable);
  EXPECT_FALSE(IsUsageError(down));
  EXPECT_THAT(out_, HasSubstr("{\"backend\":\"loans\",\"service\":\"huinong.loans.v1.BorrowerService\","
                              "\"status\":\"NOT_SERVING\",\"serving\":false}"));

  std::thread revive([this] {
    absl::SleepFor(absl::Milliseconds(700));
    suite_.health().SetServing("loans", true);
  });
  const absl::Time start = absl::Now();
  const absl::Status waited = Run({"health", "--wait", "10s"});
  revive.join();
  EXPECT_TRUE(waited.ok()) << waited;
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));

  suite_.health().SetServing("audit", false);
  const absl::Time again = absl::Now();
  EXPECT_EQ(Run({"health", "--wait", "1s"}).code(), absl::StatusCode::kUnavailable);
  EXPECT_GE(absl::Now() - again, absl::Milliseconds(500));
}

TEST(ClientNoServer, UnreachableGatewayIsUnavailableNotAHang) {
  auto inv = ParseInvocation({"huinongctl", "--gateway=127.0.0.1:1", "--timeout=2s", "unit", "get", "units/X"},
                             [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(inv.ok());
  const absl::Time start = absl::Now();
  const absl::Status status = RunUnit(*inv);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << status;
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
}

}  // namespace
}  // namespace huinong::ctl
