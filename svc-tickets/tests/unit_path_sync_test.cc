// The unit-path sync (jobs/unit_path_sync.h) in process against the real
// database: a village moved to another township in svc-org takes its
// tickets, customers and SLA policies along — after one pass — without a
// ticket's etag changing; a second pass finds nothing stale; with svc-org
// unreachable the paths are kept.
#include <gtest/gtest.h>

#include "svc-tickets/src/jobs/unit_path_sync.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class UnitPathSyncTest : public TicketsFixture {
 protected:
  int Listed(const std::string& staff) {
    v1::ListTicketsRequest list;
    v1::ListTicketsResponse page;
    const grpc::Status s = tickets_->ListTickets(As(staff).get(), list, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return page.tickets_size();
  }

  PathSyncPass Pass() {
    const absl::StatusOr<PathSyncPass> pass = kit_->path_sync->RunOnce();
    EXPECT_TRUE(pass.ok()) << pass.status();
    return pass.value_or(PathSyncPass{});
  }
};

TEST_F(UnitPathSyncTest, AVillageMovedToAnotherTownshipTakesItsTicketsCustomersAndPoliciesAlong) {
  const v1::Ticket t = Create("agent11", LoanComplaint());
  v1::CreateCustomerRequest home;
  home.set_request_id(NextRequestId());
  home.mutable_customer()->set_display_name("赵大山");
  home.mutable_customer()->set_phone("13900001111");
  home.mutable_customer()->set_unit("units/v11");
  v1::Customer placed;
  const grpc::Status made = customers_->CreateCustomer(As("agent11").get(), home, &placed);
  ASSERT_TRUE(made.ok()) << made.error_message();
  v1::CreateSlaPolicyRequest policy;
  policy.set_request_id(NextRequestId());
  policy.mutable_policy()->set_display_name("村站办结时限");
  policy.mutable_policy()->set_unit("units/v11");
  policy.mutable_policy()->mutable_resolution()->set_working_days(5);
  v1::SlaPolicy kept;
  const grpc::Status set = sla_->CreateSlaPolicy(As("lead1").get(), policy, &kept);
  ASSERT_TRUE(set.ok()) << set.error_message();
  EXPECT_EQ(Listed("lead1"), 1);
  EXPECT_EQ(Listed("lead2"), 0);
  EXPECT_EQ(Pass().rewritten, 0);

  // svc-org moves 大韩寨村 (v11) from town1 to town2.
  org_->AddUnit("v11", type::v1::LEVEL_VILLAGE, "town2");
  const PathSyncPass pass = Pass();
  EXPECT_EQ(pass.rewritten, 1);
  EXPECT_EQ(pass.rows, 4);  // the ticket's intake and resolver paths, the customer's, the policy's
  EXPECT_EQ(pass.unresolved, 0);
  EXPECT_EQ(Listed("lead1"), 0);
  EXPECT_EQ(Listed("lead2"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers WHERE unit_path = 'county/town2/v11/'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policies WHERE unit_path = 'county/town2/v11/'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets WHERE intake_path LIKE 'county/town1/%'"), 0);

  // The etag the station holds is still good.
  v1::Ticket opened;
  auto open = Named<v1::OpenCaseRequest>(t);
  *open.mutable_promised_time() = In(absl::Hours(24));
  const grpc::Status s = tickets_->OpenCase(As("agent11").get(), open, &opened);
  EXPECT_TRUE(s.ok()) << s.error_message();

  // Nothing stale is left; with svc-org unreachable every path is kept.
  EXPECT_EQ(Pass().rewritten, 0);
  org_->SetUnreachable(true);
  const PathSyncPass blind = Pass();
  EXPECT_EQ(blind.rewritten, 0);
  EXPECT_EQ(blind.unresolved, blind.paths);
  org_->SetUnreachable(false);
  EXPECT_EQ(Listed("lead2"), 1);
}

}  // namespace
}  // namespace huinong::tickets
