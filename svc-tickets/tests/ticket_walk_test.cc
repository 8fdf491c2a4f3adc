// Issue 12's walk-through, in process against the real database: a
// complaint about a loan taken at a village station, transferred to the
// township, escalated by the scanner when its reply clock breaches,
// resolved, called back unsatisfied, reopened, resolved, called back
// satisfied twice (a fixed complaint's second callback, `000:865`) and
// closed — the first responder unchanged throughout. Plus the rules a user
// can break on the way: a complaint is never cancelled, a ticket never
// closes without its satisfied callbacks, bad input changes nothing, a
// retry returns the first answer, a station sees only its own tickets.
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "svc-tickets/src/store/ticket_store.h"
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


// The week's report (GetKpiReport) of the township, by hand: four requests
// taken on Monday 2026-12-07 in its villages —
//   T1 a complaint at v11, worked at the township and closed after two
//      satisfied callbacks;
//   T2 a consultation at v12 answered at first contact;
//   T3 a repair at v11 still registered;
//   T4 a consultation at v11 entered in error and cancelled.
TEST_F(TicketWalkTest, TheWeeksReportCountsEveryRequestOfTheTownshipsVillages) {
  v1::Ticket t1 = AssignAndStart(TakeToTownship(), "agent1");
  auto resolve = Named<v1::ResolveTicketRequest>(t1);
  resolve.set_resolution("贴息已发放");
  ASSERT_TRUE(tickets_->ResolveTicket(As("agent1").get(), resolve, &t1).ok());
  t1 = Callback(Callback(t1, v1::CALLBACK_OUTCOME_SATISFIED, 5).ticket(), v1::CALLBACK_OUTCOME_SATISFIED, 4).ticket();
  ASSERT_EQ(t1.state(), v1::TICKET_STATE_CLOSED);

  v1::CreateTicketRequest consult = LoanComplaint();
  consult.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  consult.mutable_ticket()->mutable_contact()->set_phone("13900139000");
  const v1::Ticket t2 = Create("agent12", consult);
  auto answer = Named<v1::AnswerAtFirstContactRequest>(t2);
  answer.set_answer("贴息按季度发放");
  v1::Ticket answered;
  ASSERT_TRUE(tickets_->AnswerAtFirstContact(As("agent12").get(), answer, &answered).ok());

  v1::CreateTicketRequest repair = LoanComplaint();
  repair.mutable_ticket()->set_type(v1::TICKET_TYPE_REPAIR);
  Create("agent11", repair);

  consult.set_request_id(NextRequestId());
  const v1::Ticket t4 = Create("agent11", consult);
  auto cancel = Named<v1::CancelTicketRequest>(t4);
  cancel.set_reason(v1::CANCEL_REASON_CREATED_IN_ERROR);
  cancel.set_note("重复登记");
  v1::Ticket cancelled;
  ASSERT_TRUE(tickets_->CancelTicket(As("lead1").get(), cancel, &cancelled).ok());

  auto customers = v1::CustomerService::NewStub(channel_);
  v1::GetKpiReportRequest req;
  req.set_unit("units/town1");
  req.mutable_period()->mutable_start()->set_year(2026);
  req.mutable_period()->mutable_start()->set_month(12);
  req.mutable_period()->mutable_start()->set_day(7);
  *req.mutable_period()->mutable_end() = req.period().start();
  req.mutable_period()->mutable_end()->set_day(13);
  req.set_by_child_unit(true);
  v1::KpiReport report;
  const grpc::Status s = customers->GetKpiReport(As("lead1").get(), req, &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const v1::KpiFigures& f = report.totals();
  EXPECT_EQ(f.received(), 4);
  EXPECT_EQ(f.first_contact_resolution().numerator(), 1);  // T2
  EXPECT_EQ(f.first_contact_resolution().rate_bp(), 2500);  // 1/4
  EXPECT_EQ(f.major_complaint_rate().numerator(), 0);
  EXPECT_EQ(f.callback_rate().numerator(), 1);  // T1 called back / T1 needing it
  EXPECT_EQ(f.callback_rate().denominator(), 1);
  EXPECT_EQ(f.satisfaction().numerator(), 2);  // two satisfied of two reached
  EXPECT_EQ(f.satisfaction().rate_bp(), 10000);
  EXPECT_EQ(f.reopen_rate().numerator(), 0);
  EXPECT_EQ(f.reopen_rate().denominator(), 2);  // T1 resolved, T2 answered
  EXPECT_EQ(f.cancelled(), 1);                  // T4: counted, never hidden
  EXPECT_EQ(f.backlog(), 1);                    // T3 at the week's end
  int64_t consultations = 0;
  for (const v1::TypeCount& c : f.by_type()) {
    if (c.type() == v1::TICKET_TYPE_CONSULTATION) consultations = c.count();
  }
  EXPECT_EQ(consultations, 2);
  // One slice per village with requests: v11 took three, v12 one.
  std::map<std::string, int64_t> by_unit;
  for (const v1::KpiSlice& slice : report.slices()) by_unit[slice.unit()] = slice.figures().received();
  EXPECT_EQ(by_unit["units/v11"], 3);
  EXPECT_EQ(by_unit["units/v12"], 1);
  // A village station cannot read the township's report.
  EXPECT_EQ(customers->GetKpiReport(As("agent11").get(), req, &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}


// From a review: who may assign whom and where, a service token is no
// scanner, a callback is not backdated, and a caller outside the scope
// learns nothing of a ticket.
TEST_F(TicketWalkTest, TheFrameRefusesWhatTheProtoForbids) {
  const v1::Ticket t = TakeToTownship();
  // An agent takes a ticket for themselves, never for someone else.
  auto assign = Named<v1::AssignTicketRequest>(t);
  assign.set_assignee("staff/lead1");
  v1::Ticket out;
  grpc::Status s = tickets_->AssignTicket(As("agent1").get(), assign, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  // Assigning moves no ticket to a unit outside the resolver unit's subtree.
  org_->AddUnit("town2", type::v1::LEVEL_TOWNSHIP, "county");
  org_->Grant("agent2", "tickets.agent", "town2");
  assign = Named<v1::AssignTicketRequest>(t);
  assign.set_assignee("staff/agent2");
  assign.set_resolver_unit("units/town2");
  s = tickets_->AssignTicket(As("lead1").get(), assign, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  // A service account's token is weighed like anyone's: a stale etag is ABORTED.
  auto escalate = Named<v1::EscalateTicketRequest>(t);
  escalate.set_etag("stale");
  escalate.set_reason("试图越过etag");
  escalate.set_customer_note("无");
  s = tickets_->EscalateTicket(callers_.As("svc-loans", {"service"}, "").get(), escalate, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();
  // A station outside the ticket's units is refused before the etag is read.
  s = tickets_->EscalateTicket(As("agent12").get(), escalate, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind IN (5, 8)"), 0);

  // A callback is never dated before the resolution.
  v1::Ticket started = AssignAndStart(t, "agent1");
  auto resolve = Named<v1::ResolveTicketRequest>(started);
  resolve.set_resolution("已处理");
  v1::Ticket resolved;
  ASSERT_TRUE(tickets_->ResolveTicket(As("agent1").get(), resolve, &resolved).ok());
  auto call = Named<v1::RecordCallbackRequest>(resolved);
  call.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_SATISFIED);
  call.mutable_callback()->set_satisfaction(5);
  *call.mutable_callback()->mutable_attempt_time() = In(-absl::Hours(1));
  v1::RecordCallbackResponse back;
  s = callbacks_->RecordCallback(As("caller1").get(), call, &back);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_NE(s.error_message().find("callback.attempt_time"), std::string::npos) << s.error_message();
}


// The scanner records a missed promise when it passes, and escalates once
// until a person acts: a later breach is marked, the level stays.
TEST_F(TicketWalkTest, TheScannerRecordsAMissedPromiseAndEscalatesOnceUntilSomeoneActs) {
  v1::Ticket t = AssignAndStart(TakeToTownship(), "agent1");
  clock_->Advance(absl::Hours(30));  // the promise (24 h) has passed; the reply clock (2 working days) not yet
  absl::StatusOr<ScanPass> pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  v1::GetTicketRequest get;
  get.set_name(t.name());
  v1::Ticket now;
  ASSERT_TRUE(tickets_->GetTicket(As("agent1").get(), get, &now).ok());
  ASSERT_EQ(now.promises_size(), 1);
  EXPECT_EQ(now.promises(0).state(), v1::PROMISE_STATE_BREACHED);
  EXPECT_EQ(now.etag(), t.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind = 14"), 1);

  clock_->Advance(absl::Hours(48));  // the reply clock breaches: one escalation
  pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_EQ(pass->escalated, 1);
  clock_->Advance(absl::Hours(24 * 7));  // resolution and complaint closure breach too: marked, not escalated
  pass = kit_->scanner->RunOnce();
  ASSERT_TRUE(pass.ok()) << pass.status();
  EXPECT_GE(pass->breached, 1);
  EXPECT_EQ(pass->escalated, 0);
  ASSERT_TRUE(tickets_->GetTicket(As("agent1").get(), get, &now).ok());
  EXPECT_EQ(now.escalation_level(), v1::ESCALATION_LEVEL_SHIFT_LEADER);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind = 14"), 1);  // recorded once
}


// The stores' SQL condition for an open ticket is IsOpen, state by state.
TEST(TicketStoreSql, TheOpenStateConditionIsIsOpen) {
  std::string closed;
  for (TicketState state : EveryTicketState()) {
    if (!IsOpen(state)) absl::StrAppend(&closed, closed.empty() ? "" : ", ", static_cast<int>(state));
  }
  EXPECT_EQ(std::string(store::kOpenStateSql), absl::StrCat("state NOT IN (", closed, ")"));
}

}  // namespace
}  // namespace huinong::tickets
