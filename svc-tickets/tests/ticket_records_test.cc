// TicketService's records, corrections and reply approvals, in process
// against the real database (the fixture's county, township and villages):
// an emergency's arrival on site and its manager told, each once, stopping
// their clocks; follow-ups restarting the follow-up-gap clock; promises
// renewed in time or, missed, with an apology; a major complaint answered
// only with the words a leader other than its author approved; intake
// corrections deriving the priority again, a complaint kept a complaint.
// Bad input names every field and writes nothing; a retry returns the first
// answer; each record is refused to those its rule leaves out.
#include <gtest/gtest.h>

#include "common/rpc/proto_time.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class TicketRecordsTest : public TicketsFixture {
 protected:
  // An emergency taken at village station v11 and opened as a case in the
  // township (a P1: someone on site, the manager told at once).
  v1::Ticket Emergency() {
    v1::CreateTicketRequest req = LoanComplaint();
    req.mutable_ticket()->set_type(v1::TICKET_TYPE_EMERGENCY);
    req.mutable_ticket()->set_summary("村道塌方，有人受伤");
    const v1::Ticket created = Create("agent11", req);
    EXPECT_EQ(created.priority(), v1::PRIORITY_P1);
    return OpenCase(created, "agent11", "units/town1");
  }

  v1::Ticket OpenCase(const v1::Ticket& t, const std::string& staff, const std::string& unit) {
    auto open = Named<v1::OpenCaseRequest>(t);
    *open.mutable_promised_time() = In(absl::Hours(24));
    open.set_resolver_unit(unit);
    v1::Ticket opened;
    const grpc::Status s = tickets_->OpenCase(As(staff).get(), open, &opened);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return opened;
  }

  // The ticket's clock of `kind` as ListTicketClocks shows it.
  v1::SlaClock ClockOf(const v1::Ticket& t, v1::SlaClockKind kind) {
    v1::ListTicketClocksRequest req;
    req.set_ticket(t.name());
    v1::ListTicketClocksResponse clocks;
    const grpc::Status s = sla_->ListTicketClocks(As("lead1").get(), req, &clocks);
    EXPECT_TRUE(s.ok()) << s.error_message();
    for (const v1::SlaClock& c : clocks.clocks()) {
      if (c.kind() == kind) return c;
    }
    ADD_FAILURE() << "no clock " << v1::SlaClockKind_Name(kind);
    return v1::SlaClock();
  }

  int64_t Entries(const v1::Ticket& t, v1::ActivityKind kind) {
    return Count("SELECT COUNT(*) FROM ticket_activities WHERE ticket_id = '" + t.name().substr(8) +
                 "' AND kind = " + std::to_string(kind));
  }
  int64_t AllEntries() { return Count("SELECT COUNT(*) FROM ticket_activities"); }
};

TEST_F(TicketRecordsTest, SomeoneOnSiteOfAnEmergencyOnceStopsTheOnSiteClock) {
  v1::Ticket complaint = Create("agent11", LoanComplaint());
  v1::Ticket out;
  grpc::Status s = tickets_->RecordOnSiteArrival(As("agent11").get(),
                                                 Named<v1::RecordOnSiteArrivalRequest>(complaint), &out);
  EXPECT_EQ(Reason(s), "NOT_EMERGENCY") << s.error_message();

  const v1::Ticket t = Emergency();
  clock_->Advance(absl::Minutes(40));
  auto bad = Named<v1::RecordOnSiteArrivalRequest>(t);
  bad.clear_etag();
  bad.set_staff("agent11");
  s = tickets_->RecordOnSiteArrival(As("agent11").get(), bad, &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"etag", "staff"})) << s.error_message();
  auto future = Named<v1::RecordOnSiteArrivalRequest>(t);
  *future.mutable_arrival_time() = In(absl::Minutes(5));
  s = tickets_->RecordOnSiteArrival(As("agent11").get(), future, &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"arrival_time"})) << s.error_message();
  // Neither a station elsewhere nor a manager goes on site for it.
  const int64_t before = AllEntries();
  for (const char* who : {"agent12", "head1"}) {
    s = tickets_->RecordOnSiteArrival(As(who).get(), Named<v1::RecordOnSiteArrivalRequest>(t), &out);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << who;
  }
  EXPECT_EQ(AllEntries(), before);

  // The agent of the station that took it (its intake unit) arrived 20
  // minutes ago, within the hour the seeds give.
  auto arrived = Named<v1::RecordOnSiteArrivalRequest>(t);
  *arrived.mutable_arrival_time() = In(-absl::Minutes(20));
  arrived.set_note("已到现场，设置警戒");
  s = tickets_->RecordOnSiteArrival(As("agent11").get(), arrived, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.state(), v1::TICKET_STATE_CASE_OPENED);
  const v1::SlaClock on_site = ClockOf(out, v1::SLA_CLOCK_KIND_ON_SITE);
  EXPECT_EQ(on_site.state(), v1::SLA_CLOCK_STATE_MET);
  EXPECT_EQ(rpc::FromTimestamp(on_site.stop_time()), rpc::FromTimestamp(arrived.arrival_time()));
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_ON_SITE), 1);

  // A retry returns the first answer; a second arrival is refused.
  v1::Ticket again;
  ASSERT_TRUE(tickets_->RecordOnSiteArrival(As("agent11").get(), arrived, &again).ok());
  EXPECT_EQ(again.etag(), out.etag());
  s = tickets_->RecordOnSiteArrival(As("lead1").get(), Named<v1::RecordOnSiteArrivalRequest>(out), &again);
  EXPECT_EQ(Reason(s), "ALREADY_ON_SITE") << s.error_message();
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_ON_SITE), 1);
}

TEST_F(TicketRecordsTest, TheManagerToldOfAnEmergencyHoldsTicketsManager) {
  v1::Ticket out;
  auto complaint = Named<v1::RecordManagerNotifiedRequest>(Create("agent11", LoanComplaint()));
  complaint.set_manager("staff/head1");
  complaint.set_channel(v1::TICKET_CHANNEL_PHONE);
  grpc::Status s = tickets_->RecordManagerNotified(As("agent11").get(), complaint, &out);
  EXPECT_EQ(Reason(s), "NOT_EMERGENCY") << s.error_message();

  const v1::Ticket t = Emergency();
  s = tickets_->RecordManagerNotified(As("agent11").get(), Named<v1::RecordManagerNotifiedRequest>(t), &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"manager", "channel"})) << s.error_message();
  auto told = Named<v1::RecordManagerNotifiedRequest>(t);
  told.set_manager("staff/agent1");
  told.set_channel(v1::TICKET_CHANNEL_PHONE);
  s = tickets_->RecordManagerNotified(As("agent11").get(), told, &out);
  EXPECT_EQ(Reason(s), "NOT_A_MANAGER") << s.error_message();
  told.set_request_id(NextRequestId());
  told.set_manager("staff/head1");
  s = tickets_->RecordManagerNotified(As("agent12").get(), told, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  EXPECT_EQ(Entries(t, v1::ACTIVITY_KIND_MANAGER_NOTIFIED), 0);

  // The first responder told the township's department head 10 minutes in.
  clock_->Advance(absl::Minutes(10));
  told.set_request_id(NextRequestId());
  s = tickets_->RecordManagerNotified(As("agent11").get(), told, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.manager_notification().manager(), "staff/head1");
  EXPECT_EQ(out.manager_notification().notified_by(), "staff/agent11");
  EXPECT_EQ(out.manager_notification().channel(), v1::TICKET_CHANNEL_PHONE);
  const v1::SlaClock clock = ClockOf(out, v1::SLA_CLOCK_KIND_MANAGER_NOTIFICATION);
  EXPECT_EQ(clock.state(), v1::SLA_CLOCK_STATE_MET);
  EXPECT_EQ(rpc::FromTimestamp(clock.stop_time()), clock_->Now());

  v1::Ticket again;
  ASSERT_TRUE(tickets_->RecordManagerNotified(As("agent11").get(), told, &again).ok());
  EXPECT_EQ(again.etag(), out.etag());
  auto twice = Named<v1::RecordManagerNotifiedRequest>(out);
  twice.set_manager("staff/head1");
  twice.set_channel(v1::TICKET_CHANNEL_VISIT);
  s = tickets_->RecordManagerNotified(As("lead1").get(), twice, &again);
  EXPECT_EQ(Reason(s), "ALREADY_NOTIFIED") << s.error_message();
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_MANAGER_NOTIFIED), 1);
}

TEST_F(TicketRecordsTest, AFollowUpStartsTheFollowUpGapAgain) {
  const v1::Ticket t = AssignAndStart(OpenCase(Create("agent11", LoanComplaint()), "agent11", "units/town1"),
                                      "agent1");
  // Opened Monday 09:00: 2 working days, due at the end of Wednesday.
  const absl::Time due = rpc::FromTimestamp(ClockOf(t, v1::SLA_CLOCK_KIND_FOLLOW_UP_GAP).due_time());
  v1::Ticket out;
  grpc::Status s = tickets_->RecordFollowUp(As("agent1").get(), Named<v1::RecordFollowUpRequest>(t), &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"note", "channel"})) << s.error_message();
  auto follow = Named<v1::RecordFollowUpRequest>(t);
  follow.set_note("贴息正在核对，周四前答复");
  follow.set_channel(v1::TICKET_CHANNEL_PHONE);
  // The shift leader is neither its assignee nor accountable for it.
  s = tickets_->RecordFollowUp(As("lead1").get(), follow, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();

  // Tuesday 09:00, the assignee calls the customer: due at the end of Thursday.
  clock_->Advance(absl::Hours(24));
  s = tickets_->RecordFollowUp(As("agent1").get(), follow, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.state(), v1::TICKET_STATE_IN_PROGRESS);
  const v1::SlaClock gap = ClockOf(out, v1::SLA_CLOCK_KIND_FOLLOW_UP_GAP);
  EXPECT_EQ(rpc::FromTimestamp(gap.start_time()), clock_->Now());
  EXPECT_EQ(rpc::FromTimestamp(gap.due_time()) - due, absl::Hours(24));
  // The accountable first responder may too.
  auto again = Named<v1::RecordFollowUpRequest>(out);
  again.set_note("已到账");
  again.set_channel(v1::TICKET_CHANNEL_SMS);
  ASSERT_TRUE(tickets_->RecordFollowUp(As("agent11").get(), again, &out).ok());
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_FOLLOW_UP), 2);

  // An answered ticket takes no follow-up.
  v1::CreateTicketRequest question = LoanComplaint();
  question.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  auto answer = Named<v1::AnswerAtFirstContactRequest>(Create("agent11", question));
  answer.set_answer("贴息每季度末发放");
  v1::Ticket answered;
  ASSERT_TRUE(tickets_->AnswerAtFirstContact(As("agent11").get(), answer, &answered).ok());
  auto late = Named<v1::RecordFollowUpRequest>(answered);
  late.set_note("再次说明");
  late.set_channel(v1::TICKET_CHANNEL_PHONE);
  const int64_t before = AllEntries();
  s = tickets_->RecordFollowUp(As("agent11").get(), late, &out);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION") << s.error_message();
  EXPECT_EQ(AllEntries(), before);
}

TEST_F(TicketRecordsTest, APromiseIsRenewedInTimeOrAfterAnApology) {
  // Opened at v11 Monday 09:00 with a promise for Tuesday 09:00; the reply
  // target is 2 working days: no later than the end of Wednesday (+63 h).
  const v1::Ticket t = OpenCase(Create("agent11", LoanComplaint()), "agent11", "");
  v1::Ticket out;
  auto renew = Named<v1::RenewPromiseRequest>(t);
  renew.set_progress_note("需与县里核对");
  *renew.mutable_promised_time() = In(absl::Hours(63) + absl::Minutes(1));
  grpc::Status s = tickets_->RenewPromise(As("agent11").get(), renew, &out);
  EXPECT_EQ(Reason(s), "PROMISE_TOO_LATE") << s.error_message();
  *renew.mutable_promised_time() = In(-absl::Hours(1));
  renew.set_request_id(NextRequestId());
  s = tickets_->RenewPromise(As("agent11").get(), renew, &out);
  EXPECT_EQ(Reason(s), "PROMISE_IN_PAST") << s.error_message();
  s = tickets_->RenewPromise(As("agent11").get(), Named<v1::RenewPromiseRequest>(t), &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"promised_time", "progress_note"})) << s.error_message();
  *renew.mutable_promised_time() = In(absl::Hours(63));
  renew.set_request_id(NextRequestId());
  s = tickets_->RenewPromise(As("agent12").get(), renew, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();

  s = tickets_->RenewPromise(As("agent11").get(), renew, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(out.promises_size(), 2);
  EXPECT_EQ(out.promises(0).state(), v1::PROMISE_STATE_RENEGOTIATED);
  EXPECT_EQ(out.promises(1).state(), v1::PROMISE_STATE_OPEN);
  EXPECT_EQ(out.promises(1).progress_note(), "需与县里核对");
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_PROMISE_RENEWED), 1);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_PROMISE_BREACHED), 0);

  // Thursday 01:00: the second promise was missed.
  clock_->Advance(absl::Hours(64));
  auto late = Named<v1::RenewPromiseRequest>(out);
  late.set_progress_note("县里已批复，正在拨付");
  *late.mutable_promised_time() = In(absl::Hours(24));
  s = tickets_->RenewPromise(As("agent11").get(), late, &out);
  EXPECT_EQ(Reason(s), "APOLOGY_REQUIRED") << s.error_message();
  late.set_request_id(NextRequestId());
  late.set_apologised(true);
  s = tickets_->RenewPromise(As("agent11").get(), late, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(out.promises_size(), 3);
  EXPECT_EQ(out.promises(1).state(), v1::PROMISE_STATE_BREACHED);
  EXPECT_EQ(rpc::FromTimestamp(out.promises(1).breach_time()), rpc::FromTimestamp(renew.promised_time()));
  EXPECT_EQ(out.promises(2).state(), v1::PROMISE_STATE_OPEN);
  EXPECT_TRUE(out.promises(2).apologised());
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_PROMISE_BREACHED), 1);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_PROMISE_RENEWED), 2);
}

TEST_F(TicketRecordsTest, AMajorComplaintIsAnsweredOnlyWithTheWordsAnotherLeaderApproved) {
  org_->Grant("lead1", "tickets.approve", "town1");
  org_->Grant("head1", "tickets.approve", "town1");
  v1::CreateTicketRequest major = LoanComplaint();
  major.mutable_ticket()->set_severity(v1::SEVERITY_MAJOR);
  const v1::Ticket created = Create("agent1", major);
  EXPECT_EQ(created.priority(), v1::PRIORITY_P2);
  EXPECT_TRUE(created.approval_required());
  v1::Ticket t = AssignAndStart(OpenCase(created, "agent1", ""), "head1");
  ASSERT_EQ(t.assignee(), "staff/head1");

  const std::string words = "贴息已核实，将于本周五前补发到账";
  auto resolve = Named<v1::ResolveTicketRequest>(t);
  resolve.set_resolution(words);
  v1::Ticket out;
  grpc::Status s = tickets_->ResolveTicket(As("head1").get(), resolve, &out);
  EXPECT_EQ(Reason(s), "APPROVAL_REQUIRED") << s.error_message();

  auto submit = Named<v1::SubmitReplyForApprovalRequest>(t);
  submit.set_proposed_reply("已在处理");
  ASSERT_TRUE(tickets_->SubmitReplyForApproval(As("head1").get(), submit, &out).ok());
  EXPECT_EQ(out.state(), v1::TICKET_STATE_PENDING_APPROVAL);
  s = tickets_->RejectReply(As("lead1").get(), Named<v1::RejectReplyRequest>(out), &t);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"comment"})) << s.error_message();
  auto reject = Named<v1::RejectReplyRequest>(out);
  reject.set_comment("要写明到账时间");
  ASSERT_TRUE(tickets_->RejectReply(As("lead1").get(), reject, &t).ok());
  EXPECT_EQ(t.state(), v1::TICKET_STATE_IN_PROGRESS);
  EXPECT_FALSE(t.reply_approval().approved());
  EXPECT_EQ(t.reply_approval().decided_by(), "staff/lead1");

  submit = Named<v1::SubmitReplyForApprovalRequest>(t);
  submit.set_proposed_reply(words);
  ASSERT_TRUE(tickets_->SubmitReplyForApproval(As("head1").get(), submit, &out).ok());
  // Not by its author, nor by someone who does not approve replies.
  s = tickets_->ApproveReply(As("head1").get(), Named<v1::ApproveReplyRequest>(out), &t);
  EXPECT_EQ(Reason(s), "SELF_APPROVAL") << s.error_message();
  s = tickets_->ApproveReply(As("agent1").get(), Named<v1::ApproveReplyRequest>(out), &t);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING") << s.error_message();
  ASSERT_TRUE(tickets_->ApproveReply(As("lead1").get(), Named<v1::ApproveReplyRequest>(out), &t).ok());
  EXPECT_EQ(t.state(), v1::TICKET_STATE_IN_PROGRESS);
  EXPECT_TRUE(t.reply_approval().approved());
  EXPECT_EQ(t.reply_approval().requested_by(), "staff/head1");

  resolve = Named<v1::ResolveTicketRequest>(t);
  resolve.set_resolution("已处理");
  s = tickets_->ResolveTicket(As("head1").get(), resolve, &out);
  EXPECT_EQ(Reason(s), "APPROVAL_REQUIRED") << s.error_message();
  resolve.set_request_id(NextRequestId());
  resolve.set_resolution(words);
  s = tickets_->ResolveTicket(As("head1").get(), resolve, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.state(), v1::TICKET_STATE_RESOLVED);
  EXPECT_EQ(out.resolution(), words);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_APPROVAL_REQUESTED), 2);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_REPLY_REJECTED), 1);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_REPLY_APPROVED), 1);

  // Called back unsatisfied, the case is reopened: the approval given for
  // the last round does not answer the new one.
  auto call = Named<v1::RecordCallbackRequest>(out);
  call.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_UNSATISFIED);
  call.mutable_callback()->set_satisfaction(1);
  call.mutable_callback()->set_opinion("还没到账");
  *call.mutable_promised_time() = In(absl::Hours(20));
  v1::RecordCallbackResponse back;
  s = callbacks_->RecordCallback(As("caller1").get(), call, &back);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(back.ticket().state(), v1::TICKET_STATE_REOPENED);
  EXPECT_FALSE(back.ticket().has_reply_approval());
  t = AssignAndStart(back.ticket(), "head1");
  resolve = Named<v1::ResolveTicketRequest>(t);
  resolve.set_resolution(words);
  s = tickets_->ResolveTicket(As("head1").get(), resolve, &out);
  EXPECT_EQ(Reason(s), "APPROVAL_REQUIRED") << s.error_message();
}

TEST_F(TicketRecordsTest, ACorrectionDerivesThePriorityAgainAndKeepsAComplaint) {
  const v1::Ticket t = Create("agent11", LoanComplaint());
  auto update = [&](const v1::Ticket& of) {
    v1::UpdateTicketRequest r;
    r.set_request_id(NextRequestId());
    r.mutable_ticket()->set_name(of.name());
    r.mutable_ticket()->set_etag(of.etag());
    return r;
  };
  v1::Ticket out;
  v1::UpdateTicketRequest bad = update(t);
  bad.mutable_ticket()->clear_etag();
  bad.mutable_ticket()->set_severity(v1::SEVERITY_MAJOR);
  for (const char* path : {"severity", "summary", "channel"}) bad.mutable_update_mask()->add_paths(path);
  const int64_t before = AllEntries();
  grpc::Status s = tickets_->UpdateTicket(As("agent11").get(), bad, &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"ticket.etag", "update_mask", "ticket.summary", "reason"}))
      << s.error_message();
  v1::UpdateTicketRequest withdraw = update(t);
  withdraw.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  withdraw.mutable_update_mask()->add_paths("type");
  withdraw.set_reason("客户说只是咨询");
  s = tickets_->UpdateTicket(As("agent11").get(), withdraw, &out);
  EXPECT_EQ(Reason(s), "COMPLAINT_TYPE_KEPT") << s.error_message();
  EXPECT_EQ(Fields(s), (std::set<std::string>{"ticket.type"}));
  v1::UpdateTicketRequest major = update(t);
  major.mutable_ticket()->set_severity(v1::SEVERITY_MAJOR);
  major.mutable_ticket()->set_summary("贴息三个月未到账，客户要求赔偿");
  major.mutable_update_mask()->add_paths("severity");
  major.mutable_update_mask()->add_paths("summary");
  major.set_reason("涉及多户，影响大");
  s = tickets_->UpdateTicket(As("agent12").get(), major, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  EXPECT_EQ(AllEntries(), before);

  // The accountable first responder: a major complaint is a P2 whose reply
  // a leader approves; a grievance is still a complaint.
  s = tickets_->UpdateTicket(As("agent11").get(), major, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.priority(), v1::PRIORITY_P2);
  EXPECT_TRUE(out.approval_required());
  EXPECT_EQ(out.callbacks_required(), 2);
  EXPECT_EQ(out.summary(), "贴息三个月未到账，客户要求赔偿");
  EXPECT_EQ(out.channel(), v1::TICKET_CHANNEL_VISIT);
  EXPECT_EQ(Entries(out, v1::ACTIVITY_KIND_UPDATED), 1);
  v1::Ticket again;
  ASSERT_TRUE(tickets_->UpdateTicket(As("agent11").get(), major, &again).ok());
  EXPECT_EQ(again.etag(), out.etag());
  // Two hours after intake it turns out to be sudden: a P1, whose hour on
  // site, counted from intake, has passed.
  clock_->Advance(absl::Hours(2));
  v1::UpdateTicketRequest sudden = update(out);
  sudden.mutable_ticket()->set_type(v1::TICKET_TYPE_GRIEVANCE);
  sudden.mutable_ticket()->set_severity(v1::SEVERITY_SUDDEN);
  sudden.mutable_update_mask()->add_paths("type");
  sudden.mutable_update_mask()->add_paths("severity");
  sudden.set_reason("客户情绪激动，聚集在网点");
  ASSERT_TRUE(tickets_->UpdateTicket(As("agent11").get(), sudden, &out).ok());
  EXPECT_EQ(out.priority(), v1::PRIORITY_P1);
  EXPECT_EQ(ClockOf(out, v1::SLA_CLOCK_KIND_ON_SITE).state(), v1::SLA_CLOCK_STATE_BREACHED);
  EXPECT_EQ(ClockOf(out, v1::SLA_CLOCK_KIND_MANAGER_NOTIFICATION).kind(), v1::SLA_CLOCK_KIND_MANAGER_NOTIFICATION);

  // A consultation that turns out to be a repair: a P3 with a callback.
  v1::CreateTicketRequest question = LoanComplaint();
  question.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  const v1::Ticket asked = Create("agent11", question);
  EXPECT_EQ(asked.callbacks_required(), 0);
  v1::UpdateTicketRequest repair = update(asked);
  repair.mutable_ticket()->set_type(v1::TICKET_TYPE_REPAIR);
  repair.mutable_update_mask()->add_paths("type");
  repair.set_reason("自助终端故障");
  ASSERT_TRUE(tickets_->UpdateTicket(As("agent11").get(), repair, &out).ok());
  EXPECT_EQ(out.priority(), v1::PRIORITY_P3);
  EXPECT_GE(out.callbacks_required(), 1);

  // An answered ticket is not corrected.
  question.set_request_id(NextRequestId());
  auto answer = Named<v1::AnswerAtFirstContactRequest>(Create("agent11", question));
  answer.set_answer("贴息每季度末发放");
  v1::Ticket answered;
  ASSERT_TRUE(tickets_->AnswerAtFirstContact(As("agent11").get(), answer, &answered).ok());
  v1::UpdateTicketRequest late = update(answered);
  late.mutable_ticket()->set_location("城关镇");
  late.mutable_update_mask()->add_paths("location");
  s = tickets_->UpdateTicket(As("agent11").get(), late, &out);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION") << s.error_message();
}

}  // namespace
}  // namespace huinong::tickets
