// How the audit trail reads: resource names to event resource types (what
// `audit history` searches by), the history block, the search table, and the
// verdict lines of `audit verify`; plus the exit codes those verdicts map to.
#include "absl/strings/str_cat.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/rpc/proto_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/audit_format.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::audit::v1;

TEST(ResourceTypeOf, MapsTheApiCollections) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"units/01HXA", "unit"},
      {"posts/01HXA", "post"},
      {"staff/01HXA", "staff"},
      {"assignments/1", "assignment"},
      {"applications/1", "application"},
      {"loans/1", "loan"},
      {"tickets/1", "ticket"},
      {"customers/1", "customer"},
      {"borrowers/1", "borrower"},
      {"subsidyClaims/1", "subsidy_claim"},
      {"changeRequests/1", "change_request"},
  };
  for (const auto& [name, type] : cases) {
    auto got = ResourceTypeOf(name);
    ASSERT_TRUE(got.ok()) << name;
    EXPECT_EQ(*got, type) << name;
  }
}

TEST(ResourceTypeOf, OtherCollectionsAreMadeSingularSnakeCase) {
  EXPECT_EQ(*ResourceTypeOf("products/1"), "product");
  EXPECT_EQ(*ResourceTypeOf("returnVisits/1"), "return_visit");
  EXPECT_EQ(*ResourceTypeOf("countyPolicies/7"), "county_policy");
  // A nested name is typed by its last collection.
  EXPECT_EQ(*ResourceTypeOf("loans/01HX/repayments/7"), "repayment");
  EXPECT_EQ(*ResourceTypeOf("tickets/01HX/activities/3"), "activity");
}

TEST(ResourceTypeOf, RejectsWhatIsNotAResourceName) {
  for (const char* bad : {"", "units", "01HXA", "units/", "/01HXA", "loans/1/repayments", "units//x"}) {
    EXPECT_EQ(ResourceTypeOf(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

v1::Event CreatedUnit() {
  v1::Event e;
  e.set_sequence(42);
  e.set_event_id("01HXEVT");
  *e.mutable_time() = rpc::ToTimestamp(absl::FromCivil(absl::CivilSecond(2024, 5, 1, 8, 30, 0), absl::UTCTimeZone()) +
                                       absl::Microseconds(123456));
  e.set_service("svc-org");
  e.mutable_actor()->set_subject("staff/01HXADMIN");
  e.mutable_actor()->set_unit("units/01HXCOUNTY");
  e.mutable_actor()->add_roles("admin");
  e.mutable_actor()->add_roles("org.admin");
  e.set_action("org.CreateUnit");
  e.set_resource_type("unit");
  e.set_resource_id("units/01HXTOWN");
  e.set_request_id("01HXREQ");
  e.set_after_json("{\"display_name\":\"宫村镇金融服务部\"}");
  return e;
}

TEST(EventBlock, ShowsWhoDidWhatWhenAndTheFieldsBeforeAndAfter) {
  EXPECT_EQ(EventBlock(CreatedUnit()),
            "sequence       42\n"
            "time           2024-05-01T08:30:00.123456Z\n"
            "service        svc-org\n"
            "action         org.CreateUnit\n"
            "actor          staff/01HXADMIN @ units/01HXCOUNTY (admin, org.admin)\n"
            "request id     01HXREQ\n"
            "event id       01HXEVT\n"
            "resource unit  (none)\n"
            "before:\n"
            "  (none)\n"
            "after:\n"
            "  {\"display_name\":\"宫村镇金融服务部\"}\n");
}

TEST(EventBlock, BackgroundJobHasNoRequestIdAndAServiceActor) {
  v1::Event e = CreatedUnit();
  e.clear_request_id();
  e.mutable_actor()->Clear();
  e.mutable_actor()->set_subject("svc-tickets");
  e.set_before_json("{\"sla_state\":\"ON_TIME\"}");
  const std::string block = EventBlock(e);
  EXPECT_THAT(block, ::testing::HasSubstr("actor          svc-tickets\n"));
  EXPECT_THAT(block, ::testing::HasSubstr("request id     (none: background job)\n"));
  EXPECT_THAT(block, ::testing::HasSubstr("before:\n  {\"sla_state\":\"ON_TIME\"}\n"));
}

TEST(EventTable, OneRowPerEvent) {
  v1::Event second = CreatedUnit();
  second.set_sequence(43);
  second.set_action("org.UpdateUnit");
  EXPECT_EQ(EventTable({CreatedUnit(), second}).Render(),
            "SEQ  TIME                 SERVICE  ACTION          ACTOR            RESOURCE\n"
            "42   2024-05-01 08:30:00  svc-org  org.CreateUnit  staff/01HXADMIN  units/01HXTOWN\n"
            "43   2024-05-01 08:30:00  svc-org  org.UpdateUnit  staff/01HXADMIN  units/01HXTOWN\n");
}

TEST(ChainVerdict, IntactAndBroken) {
  ChainReport report;
  report.start_sequence = 1;
  report.end_sequence = 250000;
  report.checked_count = 250000;
  report.checkpoints_checked = 25;
  report.end_hash = std::string(31, '\0') + "\xff";
  EXPECT_EQ(ChainVerdict(report),
            "chain intact: 250000 events checked (sequences 1–250000), 25 checkpoints, head " +
                std::string(62, '0') + "ff");
  report.ok = false;
  report.first_bad_sequence = 1207;
  report.problem = v1::CHAIN_PROBLEM_PREV_HASH_MISMATCH;
  EXPECT_EQ(ChainVerdict(report),
            "chain BROKEN at sequence 1207: prev_hash mismatch (the event does not link to the event before it)");
  const v1::VerifyChainResponse proto = ChainReportProto(report);
  EXPECT_FALSE(proto.ok());
  EXPECT_EQ(proto.first_bad_sequence(), 1207);
  EXPECT_EQ(proto.checked_count(), 250000);
}

TEST(ChainVerdict, EmptyChain) {
  EXPECT_EQ(ChainVerdict(ChainReport{}), "chain intact: 0 events checked (no events), 0 checkpoints, head (none)");
}

TEST(ExitCode, BrokenIsThreeUsageTwoFailureOne) {
  EXPECT_EQ(ExitCode(absl::OkStatus()), 0);
  EXPECT_EQ(ExitCode(absl::UnavailableError("down")), 1);
  EXPECT_EQ(ExitCode(absl::InvalidArgumentError("from the server")), 1);
  EXPECT_EQ(ExitCode(UsageError("--start is after --end")), 2);
  EXPECT_EQ(ExitCode(CheckFailed("chain BROKEN at sequence 3: ...")), 3);
  EXPECT_FALSE(IsUsageError(CheckFailed("x")));
}

TEST(AuditMapping, ProtoAndDomainRoundTripKeepsTheHash) {
  audit::Event e = audit::DomainEvent(CreatedUnit());
  e.prev_hash = audit::ZeroHash();
  e.hash = audit::ChainHash(e.prev_hash, e);
  const audit::Event back = audit::DomainEvent(audit::ProtoEvent(e));
  EXPECT_EQ(audit::CanonicalBytes(back), audit::CanonicalBytes(e));
  EXPECT_EQ(back.actor_roles, (std::vector<std::string>{"admin", "org.admin"}));
  EXPECT_EQ(audit::ChainHash(back.prev_hash, back), e.hash);
  EXPECT_EQ(audit::ProtoProblem(audit::ChainProblem::kBadSignature), v1::CHAIN_PROBLEM_BAD_SIGNATURE);
}

}  // namespace
}  // namespace huinong::ctl
