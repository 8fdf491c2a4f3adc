// The ticket commands against canned svc-tickets answers: `tickets create|
// get|list|activities|update` and one command per transition. For each, what
// goes on the wire (the contact as typed — the server masks it —, county
// times as instants, the ticket's name, the etag read just before unless
// --etag is given, the request id), what the user sees (the server's masked
// contact), bad input refused before anything is sent, naming the flag, and
// the server's refusal shown with its reason.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/time/civil_time.h"
#include "common/rpc/status_details.h"
#include "huinong/tickets/v1/ticket_service.pb.h"
#include "tools/huinongctl/tests/command_test.h"
#include "tools/huinongctl/tests/fake_tickets.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::tickets::v1;

class TicketsCommandsTest : public CommandTest {};

// A county (UTC+8) wall time as seconds since the epoch.
int64_t CountySeconds(int year, int month, int day, int hour, int minute) {
  return absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilMinute(year, month, day, hour, minute), absl::FixedTimeZone(8 * 3600)));
}

TEST_F(TicketsCommandsTest, ATicketTakenWithAContactSendsItAsTypedAndShowsWhatTheServerMasked) {
  suite_.canned().Answer<v1::CreateTicketRequest>(LoanComplaint());
  ASSERT_TRUE(Run({"tickets", "create", "--type", "complaint", "--channel", "phone", "--summary", "贷款放款延迟",
                   "--description", "合同签了十天还没放款", "--location", "柳泉镇东村", "--occurred", "2026-12-02 16:00",
                   "--contact-name", "张秀英", "--contact-phone", "13812345678", "--contact-id-card",
                   "131022197204180243", "--contact-tier", "priority", "--related", "loans:loans/L1",
                   "--request-id", "tk-1"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::CreateTicketRequest>();
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->request_id(), "tk-1");
  const v1::Ticket& t = sent->ticket();
  EXPECT_EQ(t.type(), v1::TICKET_TYPE_COMPLAINT);
  EXPECT_EQ(t.channel(), v1::TICKET_CHANNEL_PHONE);
  EXPECT_EQ(t.severity(), v1::SEVERITY_UNSPECIFIED);  // the server's SIMPLE
  EXPECT_EQ(t.summary(), "贷款放款延迟");
  EXPECT_EQ(t.description(), "合同签了十天还没放款");
  EXPECT_EQ(t.location(), "柳泉镇东村");
  EXPECT_EQ(t.occurred_time().seconds(), CountySeconds(2026, 12, 2, 16, 0));
  EXPECT_EQ(t.customer(), "");
  EXPECT_EQ(t.contact().display_name(), "张秀英");
  EXPECT_EQ(t.contact().phone(), "13812345678");
  EXPECT_EQ(t.contact().id_card_number(), "131022197204180243");
  EXPECT_EQ(t.contact().tier(), v1::CUSTOMER_TIER_PRIORITY);
  EXPECT_EQ(t.related().service(), "loans");
  EXPECT_EQ(t.related().name(), "loans/L1");
  EXPECT_THAT(out_, StartsWith("registered tickets/T1\n"));
  EXPECT_EQ(Row("contact"), "张秀英  138****5678  id 1310**********0243");  // as the server returned it
  EXPECT_EQ(Row("type"), "complaint (simple), priority p3");
  EXPECT_EQ(Row("request_id"), "tk-1");

  // A customer of the archive instead, as a follow-up; a fresh request id all the same.
  ASSERT_TRUE(Run({"tickets", "create", "--type", "consultation", "--channel", "callback", "--summary", "追加贷款",
                   "--customer", "C1", "--follow-up-of", "T1", "--severity", "major"}).ok()) << out_;
  const auto second = suite_.canned().Last<v1::CreateTicketRequest>();
  EXPECT_EQ(second->ticket().customer(), "customers/C1");
  EXPECT_FALSE(second->ticket().has_contact());
  EXPECT_EQ(second->ticket().follow_up_of(), "tickets/T1");
  EXPECT_EQ(second->ticket().severity(), v1::SEVERITY_MAJOR);
  EXPECT_FALSE(second->ticket().has_related());        // not given: not sent
  EXPECT_FALSE(second->ticket().has_occurred_time());
  EXPECT_FALSE(second->request_id().empty());
  EXPECT_NE(second->request_id(), "tk-1");
}

TEST_F(TicketsCommandsTest, ATicketsBadIntakeIsRefusedBeforeItIsSent) {
  const std::vector<std::string> contact = {"--contact-name", "张秀英", "--contact-phone", "13812345678"};
  auto create = [&](std::vector<std::string> flags) {
    std::vector<std::string> words = {"tickets", "create"};
    words.insert(words.end(), flags.begin(), flags.end());
    return words;
  };
  ExpectRefusedUnsent(create({"--channel", "phone", "--summary", "s", "--customer", "C1"}), "--type");
  ExpectRefusedUnsent(create({"--type", "complain", "--channel", "phone", "--summary", "s", "--customer", "C1"}),
                      "--type");
  ExpectRefusedUnsent(create({"--type", "complaint", "--channel", "fax", "--summary", "s", "--customer", "C1"}),
                      "--channel");
  ExpectRefusedUnsent(create({"--type", "complaint", "--channel", "phone", "--customer", "C1"}), "--summary");
  ExpectRefusedUnsent(create({"--type", "complaint", "--channel", "phone", "--summary", "s"}), "--customer");
  ExpectRefusedUnsent(create({"--type", "complaint", "--channel", "phone", "--summary", "s", "--customer", "C1",
                              "--contact-name", "张秀英"}),
                      "--customer");
  ExpectRefusedUnsent(create({"--type", "complaint", "--channel", "phone", "--summary", "s", "--contact-name", "张秀英"}),
                      "--contact-phone");
  std::vector<std::string> flags = {"--type", "complaint", "--channel", "phone", "--summary", "s"};
  flags.insert(flags.end(), contact.begin(), contact.end());
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> all = flags;
    all.insert(all.end(), more.begin(), more.end());
    return create(all);
  };
  ExpectRefusedUnsent(with({"--related", "loans/L1"}), "--related");
  ExpectRefusedUnsent(with({"--occurred", "yesterday"}), "--occurred");
  ExpectRefusedUnsent(with({"--severity", "huge"}), "--severity");
  ExpectRefusedUnsent(with({"--contact-tier", "gold"}), "--contact-tier");
  ExpectRefusedUnsent(with({"--priority", "p1"}), "--priority");  // derived, never set
}

TEST_F(TicketsCommandsTest, ATransitionSendsTheNameTheEtagItReadAndTheRequestId) {
  v1::Ticket transferred = LoanComplaint();
  transferred.set_state(v1::TICKET_STATE_CASE_OPENED);
  transferred.set_resolver_unit("units/T");
  transferred.set_etag("4");
  suite_.canned().Answer<v1::GetTicketRequest>(LoanComplaint());
  suite_.canned().Answer<v1::TransferTicketRequest>(transferred);

  ASSERT_TRUE(Run({"tickets", "transfer", "T1", "--to-unit", "units/T", "--to-assignee", "S7", "--reason",
                   "需乡镇金融服务部核实放款进度", "--customer-note", "已转乡镇，两日内答复", "--request-id", "tr-1"}).ok())
      << out_;
  EXPECT_THAT(suite_.canned().Calls(), ElementsAre("TicketService/GetTicket", "TicketService/TransferTicket"));
  EXPECT_EQ(suite_.canned().Last<v1::GetTicketRequest>()->name(), "tickets/T1");
  const auto sent = suite_.canned().Last<v1::TransferTicketRequest>();
  EXPECT_EQ(sent->name(), "tickets/T1");
  EXPECT_EQ(sent->etag(), "3");  // read just before
  EXPECT_EQ(sent->request_id(), "tr-1");
  EXPECT_EQ(sent->to_unit(), "units/T");
  EXPECT_EQ(sent->to_assignee(), "staff/S7");
  EXPECT_EQ(sent->reason(), "需乡镇金融服务部核实放款进度");
  EXPECT_EQ(sent->customer_note(), "已转乡镇，两日内答复");
  EXPECT_THAT(out_, StartsWith("transferred tickets/T1\n"));
  EXPECT_EQ(Row("state"), "case-opened");
  EXPECT_EQ(Row("resolver"), "units/T");
  EXPECT_EQ(Row("first responder"), "staff/A1");
  EXPECT_EQ(Row("request_id"), "tr-1");

  // With --etag nothing is read first.
  ASSERT_TRUE(Run({"tickets", "transfer", "tickets/T1", "--to-unit", "T", "--reason", "r", "--customer-note", "n",
                   "--etag", "9"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Calls().size(), 3u);
  EXPECT_EQ(suite_.canned().Last<v1::TransferTicketRequest>()->etag(), "9");
  EXPECT_FALSE(suite_.canned().Last<v1::TransferTicketRequest>()->request_id().empty());
}

struct TransitionCase {
  std::vector<std::string> words;
  std::string method;
};

// Every transition command reaches its own method, with the ticket's name,
// the etag and the request id.
TEST_F(TicketsCommandsTest, EveryTransitionCallsItsMethod) {
  v1::Ticket answer = LoanComplaint();
  suite_.canned().Answer<v1::AnswerAtFirstContactRequest>(answer);
  suite_.canned().Answer<v1::OpenCaseRequest>(answer);
  suite_.canned().Answer<v1::AssignTicketRequest>(answer);
  suite_.canned().Answer<v1::StartWorkRequest>(answer);
  suite_.canned().Answer<v1::TransferTicketRequest>(answer);
  suite_.canned().Answer<v1::EscalateTicketRequest>(answer);
  suite_.canned().Answer<v1::RecordOnSiteArrivalRequest>(answer);
  suite_.canned().Answer<v1::RecordManagerNotifiedRequest>(answer);
  suite_.canned().Answer<v1::RecordFollowUpRequest>(answer);
  suite_.canned().Answer<v1::WaitForCustomerRequest>(answer);
  suite_.canned().Answer<v1::ResumeTicketRequest>(answer);
  suite_.canned().Answer<v1::RenewPromiseRequest>(answer);
  suite_.canned().Answer<v1::SubmitReplyForApprovalRequest>(answer);
  suite_.canned().Answer<v1::ApproveReplyRequest>(answer);
  suite_.canned().Answer<v1::RejectReplyRequest>(answer);
  suite_.canned().Answer<v1::ResolveTicketRequest>(answer);
  suite_.canned().Answer<v1::ReopenTicketRequest>(answer);
  suite_.canned().Answer<v1::CancelTicketRequest>(answer);
  const std::vector<TransitionCase> cases = {
      {{"answer", "--answer", "贷款将于本周五放款"}, "AnswerAtFirstContact"},
      {{"open-case", "--promise", "+48h", "--resolver-unit", "V1"}, "OpenCase"},
      {{"assign", "--assignee", "staff/A2"}, "AssignTicket"},
      {{"start"}, "StartWork"},
      {{"transfer", "--to-unit", "T", "--reason", "r", "--customer-note", "n"}, "TransferTicket"},
      {{"escalate", "--reason", "r", "--customer-note", "n"}, "EscalateTicket"},
      {{"on-site", "--staff", "A2"}, "RecordOnSiteArrival"},
      {{"notify-manager", "--manager", "M1", "--channel", "phone"}, "RecordManagerNotified"},
      {{"follow-up", "--note", "进度已告知", "--channel", "phone"}, "RecordFollowUp"},
      {{"wait", "--reason", "等待客户补交材料"}, "WaitForCustomer"},
      {{"resume"}, "ResumeTicket"},
      {{"renew-promise", "--promise", "2026-12-08 17:00", "--progress", "p", "--apologised"}, "RenewPromise"},
      {{"submit-reply", "--reply", "答复稿"}, "SubmitReplyForApproval"},
      {{"approve-reply"}, "ApproveReply"},
      {{"reject-reply", "--comment", "措辞需修改"}, "RejectReply"},
      {{"resolve", "--resolution", "已放款"}, "ResolveTicket"},
      {{"reopen", "--reason", "客户不满意", "--promise", "+24h"}, "ReopenTicket"},
      {{"cancel", "--reason", "created-in-error", "--note", "录入错误"}, "CancelTicket"},
  };
  for (const TransitionCase& c : cases) {
    std::vector<std::string> words = {"tickets", c.words[0], "T1", "--etag", "3", "--request-id", "rq-" + c.words[0]};
    words.insert(words.end(), c.words.begin() + 1, c.words.end());
    SCOPED_TRACE(absl::StrJoin(words, " "));
    ASSERT_TRUE(Run(words).ok()) << out_;
    EXPECT_EQ(suite_.canned().Calls().back(), "TicketService/" + c.method);
    EXPECT_THAT(out_, HasSubstr(" tickets/T1\n"));
    EXPECT_EQ(Row("request_id"), "rq-" + c.words[0]);
  }
  EXPECT_EQ(suite_.canned().Calls().size(), cases.size());  // no etag read: --etag was given
  EXPECT_EQ(suite_.canned().Last<v1::CancelTicketRequest>()->name(), "tickets/T1");
  EXPECT_EQ(suite_.canned().Last<v1::CancelTicketRequest>()->etag(), "3");
  EXPECT_EQ(suite_.canned().Last<v1::CancelTicketRequest>()->request_id(), "rq-cancel");
  EXPECT_EQ(suite_.canned().Last<v1::CancelTicketRequest>()->reason(), v1::CANCEL_REASON_CREATED_IN_ERROR);
  EXPECT_EQ(suite_.canned().Last<v1::OpenCaseRequest>()->resolver_unit(), "units/V1");
  EXPECT_EQ(suite_.canned().Last<v1::EscalateTicketRequest>()->to_level(), v1::ESCALATION_LEVEL_UNSPECIFIED);  // the next
  EXPECT_EQ(suite_.canned().Last<v1::RecordOnSiteArrivalRequest>()->staff(), "staff/A2");
  EXPECT_FALSE(suite_.canned().Last<v1::RecordOnSiteArrivalRequest>()->has_arrival_time());  // the server's now
  EXPECT_EQ(suite_.canned().Last<v1::RecordManagerNotifiedRequest>()->manager(), "staff/M1");
  EXPECT_EQ(suite_.canned().Last<v1::RecordFollowUpRequest>()->channel(), v1::TICKET_CHANNEL_PHONE);
  const auto renewed = suite_.canned().Last<v1::RenewPromiseRequest>();
  EXPECT_EQ(renewed->promised_time().seconds(), CountySeconds(2026, 12, 8, 17, 0));
  EXPECT_TRUE(renewed->apologised());
  EXPECT_EQ(suite_.canned().Last<v1::SubmitReplyForApprovalRequest>()->proposed_reply(), "答复稿");
  EXPECT_EQ(suite_.canned().Last<v1::ResolveTicketRequest>()->resolution(), "已放款");
}

TEST_F(TicketsCommandsTest, APromiseIsACountyTime) {
  suite_.canned().Answer<v1::OpenCaseRequest>(LoanComplaint());
  ASSERT_TRUE(Run({"tickets", "open-case", "T1", "--promise", "2026-12-05 17:00", "--etag", "3"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::OpenCaseRequest>()->promised_time().seconds(), CountySeconds(2026, 12, 5, 17, 0));
  ASSERT_TRUE(Run({"tickets", "open-case", "T1", "--promise", "2026-12-05T09:00:00Z", "--etag", "3"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::OpenCaseRequest>()->promised_time().seconds(), CountySeconds(2026, 12, 5, 17, 0));
}

TEST_F(TicketsCommandsTest, ATransitionsBadFlagsAreRefusedBeforeAnythingIsSent) {
  ExpectRefusedUnsent({"tickets", "open-case", "T1"}, "--promise");
  ExpectRefusedUnsent({"tickets", "open-case", "T1", "--promise", "friday"}, "--promise");
  ExpectRefusedUnsent({"tickets", "open-case", "--promise", "+48h"}, "ticket");
  ExpectRefusedUnsent({"tickets", "answer", "T1"}, "--answer");
  ExpectRefusedUnsent({"tickets", "assign", "T1"}, "--assignee");
  ExpectRefusedUnsent({"tickets", "transfer", "T1", "--to-unit", "T", "--reason", "r"}, "--customer-note");
  ExpectRefusedUnsent({"tickets", "escalate", "T1", "--to-level", "director", "--reason", "r", "--customer-note", "n"},
                      "--to-level");
  ExpectRefusedUnsent({"tickets", "notify-manager", "T1", "--manager", "M1"}, "--channel");
  ExpectRefusedUnsent({"tickets", "on-site", "T1", "--at", "now"}, "--at");
  ExpectRefusedUnsent({"tickets", "renew-promise", "T1", "--promise", "+24h"}, "--progress");
  ExpectRefusedUnsent({"tickets", "renew-promise", "T1", "--promise", "+24h", "--progress", "p", "--apologised=maybe"},
                      "apologised");
  ExpectRefusedUnsent({"tickets", "cancel", "T1", "--reason", "duplicate", "--note", "n"}, "--duplicate-of");
  ExpectRefusedUnsent({"tickets", "cancel", "T1", "--reason", "other-department", "--note", "n"}, "--reason");
  ExpectRefusedUnsent({"tickets", "cancel", "T1", "--reason", "customer-withdrew", "--duplicate-of", "T0", "--note", "n"},
                      "--duplicate-of");
  ExpectRefusedUnsent({"tickets", "resolve", "T1", "--resolution", "done", "--promise", "+1h"}, "--promise");
  ExpectRefusedUnsent({"tickets", "resolve", "T1", "T2", "--resolution", "done"}, "T2");
  ExpectRefusedUnsent({"tickets", "close", "T1"}, "tickets close");
  EXPECT_TRUE(suite_.canned().Calls().empty());
}

TEST_F(TicketsCommandsTest, TheServersRefusalIsShownWithItsReasonAndTheRequestIdToRetryWith) {
  suite_.canned().Refuse<v1::CancelTicketRequest>(
      rpc::FailedPrecondition("COMPLAINT_NOT_CANCELLABLE", "a complaint is never cancelled: resolve it"));
  const std::string text =
      ExpectServerRefusal({"tickets", "cancel", "T1", "--reason", "customer-withdrew", "--note", "客户撤回", "--etag",
                           "3", "--request-id", "cx-1"},
                          absl::StatusCode::kFailedPrecondition, "COMPLAINT_NOT_CANCELLABLE");
  EXPECT_THAT(text, HasSubstr("a complaint is never cancelled"));
  EXPECT_THAT(text, HasSubstr("retry with --request-id=cx-1"));
  EXPECT_EQ(out_, "");

  suite_.canned().Refuse<v1::ResolveTicketRequest>(rpc::Aborted("STALE_ETAG", "the ticket changed since etag 3"));
  ExpectServerRefusal({"tickets", "resolve", "T1", "--resolution", "已放款", "--etag", "3"}, absl::StatusCode::kAborted,
                      "STALE_ETAG");
}

TEST_F(TicketsCommandsTest, AListSendsItsFiltersAndShowsATable) {
  v1::ListTicketsResponse page;
  *page.add_tickets() = LoanComplaint();
  page.set_next_page_token("p2");
  suite_.canned().Answer<v1::ListTicketsRequest>(page);
  ASSERT_TRUE(Run({"tickets", "list", "--state", "in-progress", "--open", "--priority", "p2", "--type", "complaint",
                   "--channel", "visit", "--intake-unit", "V1", "--subtree", "--assignee", "A2", "--customer", "C1",
                   "--related", "loans:loans/L1", "--sla-state", "breached", "--created-from", "2026-12-01 00:00",
                   "--page-size", "20"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListTicketsRequest>();
  EXPECT_EQ(sent->state(), v1::TICKET_STATE_IN_PROGRESS);
  EXPECT_TRUE(sent->open_only());
  EXPECT_EQ(sent->priority(), v1::PRIORITY_P2);
  EXPECT_EQ(sent->type(), v1::TICKET_TYPE_COMPLAINT);
  EXPECT_EQ(sent->channel(), v1::TICKET_CHANNEL_VISIT);
  EXPECT_EQ(sent->intake_unit(), "units/V1");
  EXPECT_TRUE(sent->include_subtree());
  EXPECT_EQ(sent->assignee(), "staff/A2");
  EXPECT_EQ(sent->customer(), "customers/C1");
  EXPECT_EQ(sent->related().name(), "loans/L1");
  EXPECT_EQ(sent->sla_state(), v1::SLA_CLOCK_STATE_BREACHED);
  EXPECT_EQ(sent->create_time_from().seconds(), CountySeconds(2026, 12, 1, 0, 0));
  EXPECT_FALSE(sent->has_create_time_to());
  EXPECT_EQ(sent->page_size(), 20);
  EXPECT_THAT(out_, StartsWith("NAME        REFERENCE   TYPE       PRIORITY  STATE       "));
  EXPECT_THAT(out_, HasSubstr("tickets/T1  T26-000123  complaint  p3        registered"));
  EXPECT_THAT(out_, HasSubstr("next page: --page-token=p2\n"));
  ExpectRefusedUnsent({"tickets", "list", "--sla-state", "late"}, "--sla-state");
}

TEST_F(TicketsCommandsTest, ATicketAndItsTimeline) {
  suite_.canned().Answer<v1::GetTicketRequest>(LoanComplaint());
  ASSERT_TRUE(Run({"tickets", "get", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetTicketRequest>()->name(), "tickets/T1");
  EXPECT_EQ(Row("ticket"), "T26-000123  tickets/T1");
  EXPECT_EQ(Row("related"), "loans:loans/L1");
  EXPECT_EQ(Row("etag"), "3");

  ASSERT_TRUE(Run({"--json", "tickets", "get", "T1"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("\"reference_number\":\"T26-000123\""));

  v1::ListTicketActivitiesResponse timeline;
  v1::TicketActivity& a = *timeline.add_activities();
  a.set_kind(v1::ACTIVITY_KIND_TRANSFERRED);
  a.mutable_actor()->set_subject("staff/A1");
  a.set_from_state(v1::TICKET_STATE_CASE_OPENED);
  a.set_to_state(v1::TICKET_STATE_CASE_OPENED);
  a.set_source("units/V1");
  a.set_target("units/T");
  a.set_customer_informed(true);
  a.set_note("需乡镇核实");
  suite_.canned().Answer<v1::ListTicketActivitiesRequest>(timeline);
  ASSERT_TRUE(Run({"tickets", "activities", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListTicketActivitiesRequest>()->ticket(), "tickets/T1");
  EXPECT_THAT(out_, HasSubstr("transferred  staff/A1  case-opened → case-opened  units/V1 → units/T  yes   需乡镇核实"));
}

TEST_F(TicketsCommandsTest, AnUpdateSendsOnlyWhatIsGivenAndAReasonForANewPriority) {
  suite_.canned().Answer<v1::GetTicketRequest>(LoanComplaint());
  suite_.canned().Answer<v1::UpdateTicketRequest>(LoanComplaint());
  ASSERT_TRUE(Run({"tickets", "update", "T1", "--severity", "major", "--location", "柳泉镇", "--reason",
                   "客户称已影响春耕"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::UpdateTicketRequest>();
  EXPECT_THAT(sent->update_mask().paths(), ElementsAre("severity", "location"));
  EXPECT_EQ(sent->ticket().severity(), v1::SEVERITY_MAJOR);
  EXPECT_EQ(sent->ticket().etag(), "3");
  EXPECT_EQ(sent->reason(), "客户称已影响春耕");
  ExpectRefusedUnsent({"tickets", "update", "T1", "--type", "grievance"}, "--reason");
  ExpectRefusedUnsent({"tickets", "update", "T1"}, "nothing to change");
}

}  // namespace
}  // namespace huinong::ctl::testing
