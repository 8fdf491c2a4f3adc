// SlaPolicyService's configured policies, in process against the real
// database (tickets_fixture.h: Monday 2026-12-07 09:00 in Shanghai, working
// hours 08:30–12:00 and 13:30–17:30): create, update as revisions, the
// earlier revisions kept and listed; every bad field named and nothing
// written; overlaps refused; who may change a policy; and issue 12's
// policy change recomputing an open clock — the open ticket's resolution
// due time moves and its clock records revision 2, a closed ticket's clocks
// stay, and the scanner marks by the new due time.
#include <gtest/gtest.h>

#include "common/rpc/proto_time.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class SlaPoliciesApiTest : public TicketsFixture {
 protected:
  // Resolution within 5 working days for every request in town1's subtree,
  // no escalation on breach, no other clock kept.
  static v1::SlaPolicy TownshipPolicy() {
    v1::SlaPolicy p;
    p.set_display_name("乡镇办结时限");
    p.set_unit("units/town1");
    p.mutable_resolution()->set_working_days(5);
    p.set_escalate_on_breach(false);
    return p;
  }

  grpc::Status CreatePolicy(const std::string& staff, const v1::SlaPolicy& p, v1::SlaPolicy* out) {
    v1::CreateSlaPolicyRequest req;
    req.set_request_id(NextRequestId());
    *req.mutable_policy() = p;
    return sla_->CreateSlaPolicy(As(staff).get(), req, out);
  }

  v1::SlaPolicy MustCreate(const std::string& staff, const v1::SlaPolicy& p) {
    v1::SlaPolicy out;
    const grpc::Status s = CreatePolicy(staff, p, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  // The policy's resolution set to `hours` working hours.
  grpc::Status ShortenResolution(const std::string& staff, const v1::SlaPolicy& p, int hours, v1::SlaPolicy* out) {
    v1::UpdateSlaPolicyRequest req;
    req.set_request_id(NextRequestId());
    req.mutable_policy()->set_name(p.name());
    req.mutable_policy()->set_etag(p.etag());
    req.mutable_policy()->mutable_resolution()->mutable_duration()->set_seconds(hours * 3600);
    req.mutable_update_mask()->add_paths("resolution");
    return sla_->UpdateSlaPolicy(As(staff).get(), req, out);
  }

  std::vector<v1::SlaClock> Clocks(const v1::Ticket& t) {
    v1::ListTicketClocksRequest req;
    req.set_ticket(t.name());
    v1::ListTicketClocksResponse resp;
    const grpc::Status s = sla_->ListTicketClocks(As("lead1").get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {resp.clocks().begin(), resp.clocks().end()};
  }

  int Recomputations(const v1::Ticket& t) {
    v1::ListTicketActivitiesRequest req;
    req.set_ticket(t.name());
    v1::ListTicketActivitiesResponse resp;
    EXPECT_TRUE(tickets_->ListTicketActivities(As("lead1").get(), req, &resp).ok());
    int n = 0;
    for (const v1::TicketActivity& a : resp.activities()) n += a.kind() == v1::ACTIVITY_KIND_CLOCKS_RECOMPUTED;
    return n;
  }

  v1::Ticket Get(const v1::Ticket& t) {
    v1::GetTicketRequest req;
    req.set_name(t.name());
    v1::Ticket out;
    EXPECT_TRUE(tickets_->GetTicket(As("lead1").get(), req, &out).ok());
    return out;
  }

  // A consultation answered at first contact at v11: closed (ANSWERED).
  v1::Ticket AnsweredConsultation() {
    v1::CreateTicketRequest create = LoanComplaint();
    create.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
    const v1::Ticket t = Create("agent11", create);
    v1::AnswerAtFirstContactRequest answer;
    answer.set_request_id(NextRequestId());
    answer.set_name(t.name());
    answer.set_etag(t.etag());
    answer.set_answer("贴息每季度末发放");
    v1::Ticket out;
    const grpc::Status s = tickets_->AnswerAtFirstContact(As("agent11").get(), answer, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(out.state(), v1::TICKET_STATE_ANSWERED);
    return out;
  }
};

absl::Time Shanghai(int y, int mo, int d, int h, int mi) {
  return absl::FromCivil(absl::CivilMinute(y, mo, d, h, mi), absl::FixedTimeZone(8 * 3600));
}

const v1::SlaClock* Resolution(const std::vector<v1::SlaClock>& clocks) {
  for (const v1::SlaClock& c : clocks) {
    if (c.kind() == v1::SLA_CLOCK_KIND_RESOLUTION) return &c;
  }
  return nullptr;
}

TEST_F(SlaPoliciesApiTest, APolicyChangeRecomputesAnOpenClockAndLeavesAClosedTicketsClocks) {
  const v1::SlaPolicy policy = MustCreate("lead1", TownshipPolicy());
  const v1::Ticket open = Create("agent11", LoanComplaint());
  const v1::Ticket closed = AnsweredConsultation();
  EXPECT_EQ(open.sla_policy(), policy.name());
  EXPECT_EQ(closed.sla_policy(), policy.name());

  // Revision 1: due at 24:00 of the 5th working day after Monday 7th.
  const std::vector<v1::SlaClock> before = Clocks(open);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_NE(Resolution(before), nullptr);
  EXPECT_EQ(rpc::FromTimestamp(Resolution(before)->due_time()), Shanghai(2026, 12, 15, 0, 0));
  EXPECT_EQ(Resolution(before)->policy_revision(), 1);
  const std::vector<v1::SlaClock> closed_before = Clocks(closed);
  ASSERT_NE(Resolution(closed_before), nullptr);
  EXPECT_EQ(Resolution(closed_before)->state(), v1::SLA_CLOCK_STATE_MET);

  clock_->Advance(absl::Minutes(10));
  v1::SlaPolicy updated;
  const grpc::Status s = ShortenResolution("lead1", policy, 2, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.revision(), 2);

  // Revision 2: 2 working hours from 09:00 — 11:00 the same morning.
  const std::vector<v1::SlaClock> after = Clocks(open);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(rpc::FromTimestamp(Resolution(after)->due_time()), Shanghai(2026, 12, 7, 11, 0));
  EXPECT_EQ(rpc::FromTimestamp(Resolution(after)->at_risk_time()), Shanghai(2026, 12, 7, 10, 36));
  EXPECT_EQ(Resolution(after)->policy_revision(), 2);
  EXPECT_EQ(Resolution(after)->policy(), policy.name());
  EXPECT_EQ(Recomputations(open), 1);
  EXPECT_EQ(Get(open).etag(), open.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets WHERE body_json LIKE '%\"sla_policy_revision\":2%'"), 1);

  // The closed ticket: the same clocks, revision 1, no timeline entry.
  const std::vector<v1::SlaClock> closed_after = Clocks(closed);
  ASSERT_EQ(closed_after.size(), closed_before.size());
  for (size_t i = 0; i < closed_after.size(); ++i) {
    EXPECT_EQ(closed_after[i].SerializeAsString(), closed_before[i].SerializeAsString()) << i;
    EXPECT_EQ(closed_after[i].policy_revision(), 1);
  }
  EXPECT_EQ(Recomputations(closed), 0);
  EXPECT_EQ(Get(closed).etag(), closed.etag());

  // The scanner marks by the new due time: at risk at 10:36, breached at
  // 11:00 — days before revision 1 would have.
  clock_->Set(Shanghai(2026, 12, 7, 10, 35));
  absl::StatusOr<ScanPass> pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_EQ(pass->at_risk, 0);
  clock_->Set(Shanghai(2026, 12, 7, 10, 40));
  pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_EQ(pass->at_risk, 1);
  EXPECT_EQ(pass->breached, 0);
  clock_->Set(Shanghai(2026, 12, 7, 11, 1));
  pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_EQ(pass->breached, 1);
  EXPECT_EQ(pass->escalated, 0);  // the policy says no escalation
  const std::vector<v1::SlaClock> marked = Clocks(open);
  EXPECT_EQ(Resolution(marked)->state(), v1::SLA_CLOCK_STATE_BREACHED);
  EXPECT_EQ(rpc::FromTimestamp(Resolution(marked)->breach_mark_time()), Shanghai(2026, 12, 7, 11, 1));
  EXPECT_EQ(Get(open).etag(), open.etag());
}

TEST_F(SlaPoliciesApiTest, AStoppedClockOfAnOpenTicketKeepsItsResult) {
  v1::SlaPolicy p = TownshipPolicy();
  p.mutable_first_response()->mutable_duration()->set_seconds(3600);
  const v1::SlaPolicy policy = MustCreate("lead1", p);
  const v1::Ticket t = Create("agent11", LoanComplaint());
  // The case opened at 09:50: first response met (due 10:00).
  clock_->Advance(absl::Minutes(50));
  v1::OpenCaseRequest open;
  open.set_request_id(NextRequestId());
  open.set_name(t.name());
  open.set_etag(t.etag());
  *open.mutable_promised_time() = In(absl::Hours(24));
  v1::Ticket opened;
  ASSERT_TRUE(tickets_->OpenCase(As("agent11").get(), open, &opened).ok());

  // First response cut to 30 minutes: 09:50 would miss it, but the clock
  // stopped under revision 1 stays MET; the running resolution moves.
  v1::UpdateSlaPolicyRequest update;
  update.set_request_id(NextRequestId());
  update.mutable_policy()->set_name(policy.name());
  update.mutable_policy()->set_etag(policy.etag());
  update.mutable_policy()->mutable_first_response()->mutable_duration()->set_seconds(1800);
  update.mutable_policy()->mutable_resolution()->mutable_duration()->set_seconds(4 * 3600);
  update.mutable_update_mask()->add_paths("first_response");
  update.mutable_update_mask()->add_paths("resolution");
  v1::SlaPolicy updated;
  ASSERT_TRUE(sla_->UpdateSlaPolicy(As("lead1").get(), update, &updated).ok());
  const std::vector<v1::SlaClock> clocks = Clocks(t);
  ASSERT_EQ(clocks.size(), 2u);
  EXPECT_EQ(clocks[0].kind(), v1::SLA_CLOCK_KIND_FIRST_RESPONSE);
  EXPECT_EQ(clocks[0].state(), v1::SLA_CLOCK_STATE_MET);
  EXPECT_EQ(rpc::FromTimestamp(clocks[0].due_time()), Shanghai(2026, 12, 7, 10, 0));
  EXPECT_EQ(clocks[0].policy_revision(), 1);
  // 4 working hours from 09:00: 3 before the 12:00 break, 1 after 13:30.
  EXPECT_EQ(clocks[1].kind(), v1::SLA_CLOCK_KIND_RESOLUTION);
  EXPECT_EQ(rpc::FromTimestamp(clocks[1].due_time()), Shanghai(2026, 12, 7, 14, 30));
  EXPECT_EQ(clocks[1].policy_revision(), 2);
}

TEST_F(SlaPoliciesApiTest, ANewPolicyTakesOverTheOpenTicketsItMatches) {
  const v1::Ticket seeded = Create("agent11", LoanComplaint());
  EXPECT_EQ(seeded.sla_policy(), "");
  // Under the seeds a P3 complaint keeps several clocks; the policy keeps
  // resolution only.
  EXPECT_GT(Clocks(seeded).size(), 1u);
  const v1::SlaPolicy policy = MustCreate("lead1", TownshipPolicy());
  const v1::Ticket taken = Get(seeded);
  EXPECT_EQ(taken.sla_policy(), policy.name());
  EXPECT_EQ(taken.etag(), seeded.etag());
  const std::vector<v1::SlaClock> clocks = Clocks(seeded);
  ASSERT_EQ(clocks.size(), 1u);
  EXPECT_EQ(clocks[0].policy_revision(), 1);
  EXPECT_EQ(Recomputations(seeded), 1);
}

TEST_F(SlaPoliciesApiTest, UpdatesAreRevisionsAndEveryRevisionIsKept) {
  const v1::SlaPolicy created = MustCreate("lead1", TownshipPolicy());
  EXPECT_EQ(created.revision(), 1);
  EXPECT_EQ(created.unit(), "units/town1");
  EXPECT_EQ(created.resolution().working_days(), 5);
  EXPECT_EQ(rpc::FromTimestamp(created.create_time()), clock_->Now());

  v1::SlaPolicy updated;
  ASSERT_TRUE(ShortenResolution("lead1", created, 2, &updated).ok());
  EXPECT_EQ(updated.revision(), 2);
  EXPECT_EQ(updated.resolution().duration().seconds(), 7200);
  EXPECT_EQ(updated.display_name(), created.display_name());  // not in the mask
  v1::SlaPolicy stale;
  const grpc::Status s = ShortenResolution("lead1", created, 3, &stale);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();

  v1::GetSlaPolicyRequest get;
  get.set_name(created.name());
  v1::SlaPolicy got;
  ASSERT_TRUE(sla_->GetSlaPolicy(As("agent11").get(), get, &got).ok());
  EXPECT_EQ(got.revision(), 2);
  get.set_revision(1);
  ASSERT_TRUE(sla_->GetSlaPolicy(As("agent11").get(), get, &got).ok());
  EXPECT_EQ(got.resolution().working_days(), 5);
  get.set_revision(3);
  EXPECT_EQ(sla_->GetSlaPolicy(As("agent11").get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::ListSlaPolicyRevisionsRequest revisions;
  revisions.set_name(created.name());
  revisions.set_page_size(1);
  v1::ListSlaPolicyRevisionsResponse page;
  ASSERT_TRUE(sla_->ListSlaPolicyRevisions(As("lead1").get(), revisions, &page).ok());
  ASSERT_EQ(page.revisions_size(), 1);
  EXPECT_EQ(page.revisions(0).revision(), 1);
  revisions.set_page_token(page.next_page_token());
  ASSERT_TRUE(sla_->ListSlaPolicyRevisions(As("lead1").get(), revisions, &page).ok());
  ASSERT_EQ(page.revisions_size(), 1);
  EXPECT_EQ(page.revisions(0).revision(), 2);
  EXPECT_EQ(page.next_page_token(), "");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policy_revisions"), 2);

  // A retried create returns the first policy and writes nothing more.
  v1::CreateSlaPolicyRequest once;
  once.set_request_id("policy-once");
  *once.mutable_policy() = TownshipPolicy();
  once.mutable_policy()->add_types(v1::TICKET_TYPE_REPAIR);
  v1::SlaPolicy first, again;
  ASSERT_TRUE(sla_->CreateSlaPolicy(As("lead1").get(), once, &first).ok());
  ASSERT_TRUE(sla_->CreateSlaPolicy(As("lead1").get(), once, &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policies"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policy_revisions"), 3);

  // Listed at the latest revision: from the county with its subtree, not
  // at the county alone; a village sees the policy above it.
  v1::ListSlaPoliciesRequest list;
  list.set_unit("units/county");
  v1::ListSlaPoliciesResponse listed;
  ASSERT_TRUE(sla_->ListSlaPolicies(As("countylead").get(), list, &listed).ok());
  EXPECT_EQ(listed.policies_size(), 0);
  list.set_include_subtree(true);
  ASSERT_TRUE(sla_->ListSlaPolicies(As("agent11").get(), list, &listed).ok());
  ASSERT_EQ(listed.policies_size(), 2);
  EXPECT_EQ(listed.policies(created.name() < first.name() ? 0 : 1).revision(), 2);
}

TEST_F(SlaPoliciesApiTest, BadFieldsAreAllNamedAndNothingIsWritten) {
  v1::SlaPolicy p;
  p.set_unit("town1");
  p.add_types(v1::TICKET_TYPE_UNSPECIFIED);
  p.add_priorities(v1::PRIORITY_P2);
  p.add_priorities(v1::PRIORITY_P2);
  p.set_calendar(static_cast<v1::ClockCalendar>(9));
  p.mutable_reply()->mutable_duration()->set_seconds(-60);
  p.mutable_resolution()->set_working_days(61);
  p.set_at_risk_bp(10000);
  p.set_callbacks_required(3);
  p.set_max_callback_attempts(11);
  v1::SlaPolicy out;
  const grpc::Status s = CreatePolicy("lead1", p, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"policy.unit", "policy.display_name", "policy.types[0]", "policy.priorities[1]",
                            "policy.calendar", "policy.reply.duration", "policy.resolution.working_days",
                            "policy.at_risk_bp", "policy.callbacks_required", "policy.max_callback_attempts"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << " in " << s.error_message();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policies"), 0);

  // An update names the bad masked fields and the mask's unknown paths; a
  // bad field outside the mask is no concern of it.
  const v1::SlaPolicy created = MustCreate("lead1", TownshipPolicy());
  v1::UpdateSlaPolicyRequest update;
  update.set_request_id(NextRequestId());
  update.mutable_policy()->set_name(created.name());
  update.mutable_policy()->set_etag(created.etag());
  update.mutable_policy()->set_at_risk_bp(-1);
  update.mutable_policy()->set_callbacks_required(7);
  update.mutable_update_mask()->add_paths("at_risk_bp");
  update.mutable_update_mask()->add_paths("unit");
  const grpc::Status u = sla_->UpdateSlaPolicy(As("lead1").get(), update, &out);
  ASSERT_EQ(u.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(u.error_message().find("policy.at_risk_bp"), std::string::npos) << u.error_message();
  EXPECT_NE(u.error_message().find("update_mask"), std::string::npos) << u.error_message();
  EXPECT_EQ(u.error_message().find("callbacks_required"), std::string::npos) << u.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policy_revisions"), 1);

  // Same unit, types and priorities as an existing policy: an overlap.
  EXPECT_EQ(CreatePolicy("lead1", TownshipPolicy(), &out).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  v1::SlaPolicy complaints = TownshipPolicy();
  complaints.add_types(v1::TICKET_TYPE_COMPLAINT);
  EXPECT_TRUE(CreatePolicy("lead1", complaints, &out).ok());
  EXPECT_EQ(CreatePolicy("lead1", complaints, &out).error_code(), grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(SlaPoliciesApiTest, OnlyASupervisorOfThePolicysUnitChangesIt) {
  v1::SlaPolicy out;
  EXPECT_EQ(CreatePolicy("agent1", TownshipPolicy(), &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::SlaPolicy county = TownshipPolicy();
  county.set_unit("units/county");
  EXPECT_EQ(CreatePolicy("lead1", county, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policies"), 0);
  v1::SlaPolicy missing = TownshipPolicy();
  missing.set_unit("units/nowhere");
  EXPECT_EQ(CreatePolicy("countylead", missing, &out).error_code(), grpc::StatusCode::NOT_FOUND);

  // A supervisor above the unit may; one below it or an agent may not.
  const v1::SlaPolicy town = MustCreate("countylead", TownshipPolicy());
  const v1::SlaPolicy at_county = MustCreate("countylead", county);
  v1::SlaPolicy updated;
  EXPECT_EQ(ShortenResolution("lead1", at_county, 2, &updated).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ShortenResolution("agent1", town, 2, &updated).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sla_policy_revisions"), 2);
  ASSERT_TRUE(ShortenResolution("lead1", town, 2, &updated).ok());
  EXPECT_EQ(updated.revision(), 2);

  // A village's policy is out of sight of its sibling village.
  v1::SlaPolicy village = TownshipPolicy();
  village.set_unit("units/v11");
  const v1::SlaPolicy at_v11 = MustCreate("lead1", village);
  v1::GetSlaPolicyRequest get;
  get.set_name(at_v11.name());
  EXPECT_EQ(sla_->GetSlaPolicy(As("agent12").get(), get, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(sla_->GetSlaPolicy(As("agent11").get(), get, &out).ok());
}

}  // namespace
}  // namespace huinong::tickets
