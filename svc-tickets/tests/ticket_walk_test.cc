// Issue 12's walk-through, in process against the real database: a
// complaint about a loan taken at a village station, transferred to the
// township, escalated by the scanner when its reply clock breaches,
// resolved, called back unsatisfied, reopened, resolved, called back
// satisfied twice (a fixed complaint's second callback, `000:865`) and
// closed — the first responder unchanged throughout. Plus the rules a user
// can break on the way: a complaint is never cancelled, a ticket never
// closes without its satisfied callbacks, bad input changes nothing, a
// retry returns the first answer, a station sees only its own tickets.
#include <thread>

#include <gtest/gtest.h>

#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class TicketWalkTest : public TicketsFixture {
 protected:
  v1::Ticket TakeToTownship() {
    const v1::Ticket created = Create("agent11", LoanComplaint());
    auto open = Named<v1::OpenCaseRequest>(created);
    *open.mutable_promised_time() = In(absl::Hours(24));
    v1::Ticket opened;
    EXPECT_TRUE(tickets_->OpenCase(As("agent11").get(), open, &opened).ok());
    auto transfer = Named<v1::TransferTicketRequest>(opened);
    transfer.set_to_unit("units/town1");
    transfer.set_reason("贴息由乡镇部门办理");
    transfer.set_customer_note("已转乡镇部门，两个工作日内答复");
    v1::Ticket moved;
    const grpc::Status s = tickets_->TransferTicket(As("agent11").get(), transfer, &moved);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return moved;
  }

  v1::RecordCallbackResponse Callback(const v1::Ticket& t, v1::CallbackOutcome outcome, int satisfaction,
                                      grpc::Status* status = nullptr) {
    auto req = Named<v1::RecordCallbackRequest>(t);
    req.mutable_callback()->set_outcome(outcome);
    req.mutable_callback()->set_satisfaction(satisfaction);
    if (outcome == v1::CALLBACK_OUTCOME_UNSATISFIED) {
      req.mutable_callback()->set_opinion("钱还是没到");
      *req.mutable_promised_time() = In(absl::Hours(20));
    }
    v1::RecordCallbackResponse out;
    const grpc::Status s = callbacks_->RecordCallback(As("caller1").get(), req, &out);
    if (status != nullptr) *status = s;
    else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }
};

TEST_F(TicketWalkTest, ComplaintAboutALoanFromTheVillageToClosedWithTheFirstResponderKept) {
  v1::Ticket t = TakeToTownship();
  EXPECT_EQ(t.state(), v1::TICKET_STATE_CASE_OPENED);
  EXPECT_EQ(t.priority(), v1::PRIORITY_P3);
  EXPECT_EQ(t.resolver_unit(), "units/town1");
  EXPECT_EQ(t.intake_unit(), "units/v11");
  EXPECT_EQ(t.callbacks_required(), 2);
  t = AssignAndStart(t, "agent1");
  ASSERT_EQ(t.state(), v1::TICKET_STATE_IN_PROGRESS);

  // Three working days later the reply clock (2 working days) has breached:
  // the scanner escalates once to the township's shift leader.
  clock_->Advance(absl::Hours(72));
  absl::StatusOr<ScanPass> pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_TRUE(pass->leased);
  EXPECT_EQ(pass->escalated, 1);
  EXPECT_GE(pass->breached, 1);
  pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_EQ(pass->escalated, 0);
  EXPECT_EQ(pass->breached, 0);

  v1::GetTicketRequest get;
  get.set_name(t.name());
  v1::Ticket escalated;
  ASSERT_TRUE(tickets_->GetTicket(As("agent1").get(), get, &escalated).ok());
  EXPECT_EQ(escalated.state(), v1::TICKET_STATE_ESCALATED);
  EXPECT_EQ(escalated.assignee(), "staff/lead1");
  EXPECT_EQ(escalated.escalation_level(), v1::ESCALATION_LEVEL_SHIFT_LEADER);
  // The scanner changes no etag: the person's next step still goes through.
  EXPECT_EQ(escalated.etag(), t.etag());

  auto resolve = Named<v1::ResolveTicketRequest>(escalated);
  resolve.set_resolution("贴息已于本周发放，已告知客户");
  v1::Ticket resolved;
  grpc::Status s = tickets_->ResolveTicket(As("lead1").get(), resolve, &resolved);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resolved.state(), v1::TICKET_STATE_RESOLVED);
  EXPECT_EQ(resolved.promises(0).state(), v1::PROMISE_STATE_BREACHED);

  // The callback group calls: unsatisfied reopens with a new promise.
  v1::RecordCallbackResponse back = Callback(resolved, v1::CALLBACK_OUTCOME_UNSATISFIED, 2);
  EXPECT_EQ(back.ticket().state(), v1::TICKET_STATE_REOPENED);
  EXPECT_EQ(back.ticket().reopen_count(), 1);
  EXPECT_EQ(back.ticket().promises_size(), 2);

  t = AssignAndStart(back.ticket(), "agent1");
  resolve = Named<v1::ResolveTicketRequest>(t);
  resolve.set_resolution("补发贴息已到账");
  s = tickets_->ResolveTicket(As("agent1").get(), resolve, &resolved);
  ASSERT_TRUE(s.ok()) << s.error_message();

  back = Callback(resolved, v1::CALLBACK_OUTCOME_SATISFIED, 4);
  EXPECT_EQ(back.ticket().state(), v1::TICKET_STATE_CALLBACK_PENDING);
  back = Callback(back.ticket(), v1::CALLBACK_OUTCOME_SATISFIED, 5);
  EXPECT_EQ(back.ticket().state(), v1::TICKET_STATE_CLOSED);
  EXPECT_EQ(back.ticket().close_reason(), v1::CLOSE_REASON_CUSTOMER_SATISFIED);
  EXPECT_EQ(back.ticket().first_responder(), "staff/agent11");
  EXPECT_EQ(back.ticket().accountable(), "staff/agent11");

  // The timeline holds every step, the scanner's among them.
  v1::ListTicketActivitiesRequest list;
  list.set_ticket(t.name());
  list.set_page_size(100);
  v1::ListTicketActivitiesResponse timeline;
  ASSERT_TRUE(tickets_->ListTicketActivities(As("agent11").get(), list, &timeline).ok());
  int breaches = 0, escalations = 0, transfers = 0;
  for (const v1::TicketActivity& a : timeline.activities()) {
    breaches += a.kind() == v1::ACTIVITY_KIND_SLA_BREACHED;
    escalations += a.kind() == v1::ACTIVITY_KIND_ESCALATED;
    transfers += a.kind() == v1::ACTIVITY_KIND_TRANSFERRED;
  }
  EXPECT_GE(breaches, 1);
  EXPECT_EQ(escalations, 1);
  EXPECT_EQ(transfers, 1);
  EXPECT_GT(Count("SELECT COUNT(*) FROM outbox"), 10);
}

TEST_F(TicketWalkTest, AComplaintIsNeverCancelled) {
  const v1::Ticket t = Create("agent11", LoanComplaint());
  auto cancel = Named<v1::CancelTicketRequest>(t);
  cancel.set_reason(v1::CANCEL_REASON_CREATED_IN_ERROR);
  cancel.set_note("登记错了");
  v1::Ticket out;
  const grpc::Status s = tickets_->CancelTicket(As("lead1").get(), cancel, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets WHERE state = 13"), 0);
}

TEST_F(TicketWalkTest, NoCloseWithoutTheSatisfiedCallbacks) {
  v1::Ticket t = AssignAndStart(TakeToTownship(), "agent1");
  auto resolve = Named<v1::ResolveTicketRequest>(t);
  resolve.set_resolution("已处理");
  v1::Ticket resolved;
  ASSERT_TRUE(tickets_->ResolveTicket(As("agent1").get(), resolve, &resolved).ok());
  auto close = Named<v1::CloseUnreachableRequest>(resolved);
  close.set_reason("联系不上");
  v1::Ticket out;
  grpc::Status s = callbacks_->CloseUnreachable(As("lead1").get(), close, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  // The resolver may not call back when the unit has a callback group.
  auto self = Named<v1::RecordCallbackRequest>(resolved);
  self.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_SATISFIED);
  self.mutable_callback()->set_satisfaction(5);
  v1::RecordCallbackResponse r;
  s = callbacks_->RecordCallback(As("agent1").get(), self, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  // One satisfied callback of the two a complaint needs leaves it pending.
  EXPECT_EQ(Callback(resolved, v1::CALLBACK_OUTCOME_SATISFIED, 5).ticket().state(),
            v1::TICKET_STATE_CALLBACK_PENDING);
}

TEST_F(TicketWalkTest, BadIntakeNamesEveryFieldAndWritesNothing) {
  v1::CreateTicketRequest req;
  req.set_request_id(NextRequestId());
  req.mutable_ticket()->mutable_contact()->set_phone("12ab");
  v1::Ticket out;
  const grpc::Status s = tickets_->CreateTicket(As("agent11").get(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"ticket.type", "ticket.channel", "ticket.summary", "ticket.contact.display_name",
                            "ticket.contact.phone"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << " in " << s.error_message();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 0);
}

TEST_F(TicketWalkTest, ARetryReturnsTheFirstTicketAndTheArchiveMatchesByPhone) {
  const v1::CreateTicketRequest req = LoanComplaint();
  const v1::Ticket first = Create("agent11", req);
  const v1::Ticket again = Create("agent11", req);
  EXPECT_EQ(first.name(), again.name());
  v1::CreateTicketRequest other = LoanComplaint();
  other.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  const v1::Ticket second = Create("agent11", other);
  EXPECT_NE(second.name(), first.name());
  EXPECT_EQ(second.customer(), first.customer());
  EXPECT_EQ(second.priority(), v1::PRIORITY_P4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tickets"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 1);
  // The first responder's own record shows the phone; the audit never does.
  EXPECT_EQ(first.contact().phone(), "13800138000");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%13800138000%'"), 0);
}

TEST_F(TicketWalkTest, AStationSeesItsOwnTicketsAndTheTownshipItsVillages) {
  const v1::Ticket t = Create("agent11", LoanComplaint());
  v1::GetTicketRequest get;
  get.set_name(t.name());
  v1::Ticket out;
  EXPECT_EQ(tickets_->GetTicket(As("agent12").get(), get, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(tickets_->GetTicket(As("agent1").get(), get, &out).ok());
  v1::ListTicketsRequest list;
  v1::ListTicketsResponse page;
  ASSERT_TRUE(tickets_->ListTickets(As("agent12").get(), list, &page).ok());
  EXPECT_EQ(page.tickets_size(), 0);
  ASSERT_TRUE(tickets_->ListTickets(As("lead1").get(), list, &page).ok());
  EXPECT_EQ(page.tickets_size(), 1);
}

TEST_F(TicketWalkTest, TwoScannersEscalateABreachedTicketOnce) {
  const v1::Ticket t = AssignAndStart(TakeToTownship(), "agent1");
  clock_->Advance(absl::Hours(72));
  SlaScanner other(*pool_, clock_, org_, kit_->record, ClockMarkAuditRecorder(), nullptr,
                   ScannerSettings{200, absl::Seconds(30), "replica-b"});
  absl::StatusOr<ScanPass> a, b;
  std::thread ta([&] { a = kit_->scanner->RunOnce(); });
  std::thread tb([&] { b = other.RunOnce(); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(a->escalated + b->escalated, 1);
  // Even with the lease lapsed, a second pass of the other replica finds
  // the marks and does nothing.
  clock_->Advance(absl::Minutes(1));
  absl::StatusOr<ScanPass> again = other.RunOnce();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->escalated, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind = 8"), 1);
  (void)t;
}

}  // namespace
}  // namespace huinong::tickets
