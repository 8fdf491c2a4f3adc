// The tickets commands around the ticket, against canned svc-tickets answers:
// callbacks (`tickets callback record|close-unreachable|list`), shift
// handovers (`tickets handover create|get|list|acknowledge`), SLA policies and
// clocks (`tickets policy …`, `tickets clocks`), the customer archive
// (`tickets customer …`) and the KPI report (`tickets report`). What goes on
// the wire, what the user sees, and bad input refused before anything is sent.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/status_details.h"
#include "huinong/tickets/v1/callback_handover_service.pb.h"
#include "huinong/tickets/v1/customer_service.pb.h"
#include "huinong/tickets/v1/sla_policy_service.pb.h"
#include "huinong/tickets/v1/ticket_service.pb.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/tests/command_test.h"
#include "tools/huinongctl/tests/fake_tickets.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::tickets::v1;

class TicketsDeskCommandsTest : public CommandTest {};

v1::RecordCallbackResponse SatisfiedOnce() {
  v1::RecordCallbackResponse response;
  v1::Ticket& t = *response.mutable_ticket() = LoanComplaint();
  t.set_state(v1::TICKET_STATE_CALLBACK_PENDING);
  t.set_callbacks_required(2);
  t.set_satisfied_callbacks(1);
  t.set_etag("8");
  v1::CallbackAttempt& c = *response.mutable_callback();
  c.set_name("tickets/T1/callbacks/1");
  c.set_caller("staff/CB1");
  c.set_outcome(v1::CALLBACK_OUTCOME_SATISFIED);
  c.set_satisfaction(4);
  c.set_opinion("放款已到账");
  c.set_satisfied_ordinal(1);
  return response;
}

TEST_F(TicketsDeskCommandsTest, ACallbackSendsItsSatisfactionAndTheTicketsEtag) {
  v1::Ticket resolved = LoanComplaint();
  resolved.set_state(v1::TICKET_STATE_RESOLVED);
  resolved.set_etag("7");
  suite_.canned().Answer<v1::GetTicketRequest>(resolved);
  suite_.canned().Answer<v1::RecordCallbackRequest>(SatisfiedOnce());
  ASSERT_TRUE(Run({"tickets", "callback", "record", "T1", "--outcome", "satisfied", "--satisfaction", "4", "--opinion",
                   "放款已到账", "--at", "2026-12-04 10:30", "--request-id", "cb-1"}).ok()) << out_;
  EXPECT_THAT(suite_.canned().Calls(), ElementsAre("TicketService/GetTicket", "CallbackHandoverService/RecordCallback"));
  const auto sent = suite_.canned().Last<v1::RecordCallbackRequest>();
  EXPECT_EQ(sent->name(), "tickets/T1");
  EXPECT_EQ(sent->etag(), "7");
  EXPECT_EQ(sent->request_id(), "cb-1");
  EXPECT_EQ(sent->callback().outcome(), v1::CALLBACK_OUTCOME_SATISFIED);
  EXPECT_EQ(sent->callback().satisfaction(), 4);
  EXPECT_EQ(sent->callback().opinion(), "放款已到账");
  EXPECT_EQ(rpc::FromTimestamp(sent->callback().attempt_time()),
            absl::FromCivil(absl::CivilMinute(2026, 12, 4, 2, 30), absl::UTCTimeZone()));
  EXPECT_FALSE(sent->has_promised_time());
  EXPECT_THAT(out_, StartsWith("recorded a callback on tickets/T1\n"));
  EXPECT_EQ(Row("satisfaction"), "4/5");
  EXPECT_EQ(Row("satisfied"), "#1 since the resolution");
  EXPECT_EQ(Row("state"), "callback-pending");
  EXPECT_EQ(Row("callbacks"), "1 of 2 satisfied callbacks in");  // a complaint's second callback is due
  EXPECT_EQ(Row("request_id"), "cb-1");
}

TEST_F(TicketsDeskCommandsTest, AnUnsatisfiedCallbackCarriesTheOpinionAndTheReopenedCasesPromise) {
  suite_.canned().Answer<v1::RecordCallbackRequest>(SatisfiedOnce());
  ASSERT_TRUE(Run({"tickets", "callback", "record", "T1", "--outcome", "unsatisfied", "--satisfaction", "2",
                   "--opinion", "利息算错了", "--promise", "2026-12-07 17:00", "--etag", "7"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::RecordCallbackRequest>();
  EXPECT_EQ(sent->callback().outcome(), v1::CALLBACK_OUTCOME_UNSATISFIED);
  EXPECT_EQ(sent->callback().satisfaction(), 2);
  EXPECT_EQ(rpc::FromTimestamp(sent->promised_time()),
            absl::FromCivil(absl::CivilMinute(2026, 12, 7, 9, 0), absl::UTCTimeZone()));
  EXPECT_FALSE(sent->callback().has_attempt_time());  // the server's now

  ASSERT_TRUE(Run({"tickets", "callback", "record", "T1", "--outcome", "unreachable", "--etag", "7"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::RecordCallbackRequest>()->callback().satisfaction(), 0);
}

TEST_F(TicketsDeskCommandsTest, ACallbacksBadFlagsAreRefusedBeforeItIsSent) {
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--satisfaction", "4"}, "--outcome");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "happy", "--satisfaction", "4"}, "--outcome");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "satisfied"}, "--satisfaction");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "satisfied", "--satisfaction", "6"},
                      "--satisfaction");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "satisfied", "--satisfaction", "0"},
                      "--satisfaction");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "satisfied", "--satisfaction", "five"},
                      "satisfaction");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "unreachable", "--satisfaction", "3"},
                      "--satisfaction");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "unsatisfied", "--satisfaction", "1",
                       "--promise", "+24h"},
                      "--opinion");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "unsatisfied", "--satisfaction", "1",
                       "--opinion", "o"},
                      "--promise");
  ExpectRefusedUnsent({"tickets", "callback", "record", "T1", "--outcome", "satisfied", "--satisfaction", "5",
                       "--promise", "+24h"},
                      "--promise");
  ExpectRefusedUnsent({"tickets", "callback", "close-unreachable", "T1"}, "--reason");
  ExpectRefusedUnsent({"tickets", "callback"}, "which tickets callback command?");
}

TEST_F(TicketsDeskCommandsTest, CallbacksListedAndAnUnreachableCustomerClosed) {
  v1::ListCallbacksResponse list;
  *list.add_callbacks() = SatisfiedOnce().callback();
  suite_.canned().Answer<v1::ListCallbacksRequest>(list);
  ASSERT_TRUE(Run({"tickets", "callback", "list", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListCallbacksRequest>()->ticket(), "tickets/T1");
  EXPECT_THAT(out_, HasSubstr("tickets/T1/callbacks/1"));
  EXPECT_THAT(out_, HasSubstr("satisfied  4/5"));

  v1::Ticket closed = LoanComplaint();
  closed.set_state(v1::TICKET_STATE_CLOSED);
  closed.set_close_reason(v1::CLOSE_REASON_UNREACHABLE);
  suite_.canned().Answer<v1::CloseUnreachableRequest>(closed);
  ASSERT_TRUE(Run({"tickets", "callback", "close-unreachable", "T1", "--reason", "三次未接通", "--etag", "8"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::CloseUnreachableRequest>()->reason(), "三次未接通");
  EXPECT_EQ(suite_.canned().Last<v1::CloseUnreachableRequest>()->etag(), "8");
  EXPECT_THAT(Row("closed"), StartsWith("unreachable"));
}

TEST_F(TicketsDeskCommandsTest, AHandoverIsCreatedWithItsPeopleAndItemsThenAcknowledged) {
  suite_.canned().Answer<v1::CreateHandoverRequest>(NightShiftHandover());
  ASSERT_TRUE(Run({"tickets", "handover", "create", "--unit", "V1", "--kind", "shift", "--shift-label",
                   "night shift 2026-12-03", "--outgoing", "A1", "--incoming", "staff/A2", "--incoming", "A3", "--item",
                   "T1:staff/A2:客户下午回电", "--item", "T2:等待资料", "--notes", "打印机缺纸", "--request-id", "ho-1"})
                  .ok()) << out_;
  const auto sent = suite_.canned().Last<v1::CreateHandoverRequest>();
  EXPECT_EQ(sent->request_id(), "ho-1");
  const v1::Handover& h = sent->handover();
  EXPECT_EQ(h.unit(), "units/V1");
  EXPECT_EQ(h.kind(), v1::HANDOVER_KIND_SHIFT);
  EXPECT_THAT(h.outgoing_staff(), ElementsAre("staff/A1"));
  EXPECT_THAT(h.incoming_staff(), ElementsAre("staff/A2", "staff/A3"));
  ASSERT_EQ(h.items_size(), 2);
  EXPECT_EQ(h.items(0).ticket(), "tickets/T1");
  EXPECT_EQ(h.items(0).to_staff(), "staff/A2");
  EXPECT_EQ(h.items(0).note(), "客户下午回电");
  EXPECT_EQ(h.items(1).ticket(), "tickets/T2");
  EXPECT_EQ(h.items(1).note(), "等待资料");
  EXPECT_EQ(h.notes(), "打印机缺纸");
  EXPECT_THAT(out_, StartsWith("created handovers/H1\n"));
  EXPECT_EQ(Row("state"), "pending");
  EXPECT_EQ(Row("created"), "by staff/A1, 2026-12-03 17:30");
  EXPECT_THAT(out_, HasSubstr("items (1):\n"));
  EXPECT_THAT(out_, HasSubstr("tickets/T1  in-progress  p3        2026-12-05 09:15"));

  v1::Handover acknowledged = NightShiftHandover();
  acknowledged.set_state(v1::HANDOVER_STATE_ACKNOWLEDGED);
  acknowledged.set_acknowledged_by("staff/A2");
  suite_.canned().Answer<v1::GetHandoverRequest>(NightShiftHandover());
  suite_.canned().Answer<v1::AcknowledgeHandoverRequest>(acknowledged);
  ASSERT_TRUE(Run({"tickets", "handover", "acknowledge", "H1", "--note", "已接班", "--request-id", "ack-1"}).ok()) << out_;
  EXPECT_THAT(suite_.canned().Calls(),
              ElementsAre("CallbackHandoverService/CreateHandover", "CallbackHandoverService/GetHandover",
                          "CallbackHandoverService/AcknowledgeHandover"));
  const auto ack = suite_.canned().Last<v1::AcknowledgeHandoverRequest>();
  EXPECT_EQ(ack->name(), "handovers/H1");
  EXPECT_EQ(ack->etag(), "1");  // read just before
  EXPECT_EQ(ack->note(), "已接班");
  EXPECT_EQ(ack->request_id(), "ack-1");
  EXPECT_EQ(Row("state"), "acknowledged");
  EXPECT_EQ(Row("acknowledged"), "by staff/A2");
}

TEST_F(TicketsDeskCommandsTest, HandoversListedAndTheirBadFlagsRefused) {
  v1::ListHandoversResponse list;
  *list.add_handovers() = NightShiftHandover();
  suite_.canned().Answer<v1::ListHandoversRequest>(list);
  ASSERT_TRUE(Run({"tickets", "handover", "list", "--unit", "V1", "--state", "pending", "--staff", "A2"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListHandoversRequest>();
  EXPECT_EQ(sent->unit(), "units/V1");
  EXPECT_EQ(sent->state(), v1::HANDOVER_STATE_PENDING);
  EXPECT_EQ(sent->staff(), "staff/A2");
  EXPECT_THAT(out_, HasSubstr("handovers/H1  units/V1  shift  pending  staff/A1  staff/A2  1"));

  ExpectRefusedUnsent({"tickets", "handover", "create", "--unit", "V1", "--kind", "shift", "--incoming", "A2"},
                      "--outgoing");
  ExpectRefusedUnsent({"tickets", "handover", "create", "--unit", "V1", "--kind", "shift", "--outgoing", "A1"},
                      "--incoming");
  ExpectRefusedUnsent({"tickets", "handover", "create", "--unit", "V1", "--kind", "holiday", "--outgoing", "A1",
                       "--incoming", "A2"},
                      "--kind");
  ExpectRefusedUnsent({"tickets", "handover", "create", "--unit", "V1", "--kind", "leave", "--outgoing", "A1",
                       "--incoming", "A2", "--item", ":note"},
                      "--item");
  ExpectRefusedUnsent({"tickets", "handover", "acknowledge"}, "handover");
}

TEST_F(TicketsDeskCommandsTest, APolicyIsCreatedWithItsTargetsAndUpdatedByMask) {
  suite_.canned().Answer<v1::CreateSlaPolicyRequest>(ComplaintPolicy());
  ASSERT_TRUE(Run({"tickets", "policy", "create", "--name", "投诉处理时限", "--unit", "C", "--types",
                   "complaint,grievance", "--reply", "48h", "--complaint-closure", "3wd", "--callback", "3wd",
                   "--follow-up-gap", "48h", "--first-response", "0s", "--callbacks-required", "2",
                   "--escalate-on-breach"}).ok()) << out_;
  const v1::SlaPolicy p = suite_.canned().Last<v1::CreateSlaPolicyRequest>()->policy();
  EXPECT_EQ(p.display_name(), "投诉处理时限");
  EXPECT_EQ(p.unit(), "units/C");
  EXPECT_THAT(p.types(), ElementsAre(v1::TICKET_TYPE_COMPLAINT, v1::TICKET_TYPE_GRIEVANCE));
  EXPECT_EQ(p.reply().duration().seconds(), 48 * 3600);
  EXPECT_EQ(p.complaint_closure().working_days(), 3);
  EXPECT_TRUE(p.has_first_response());
  EXPECT_EQ(p.first_response().duration().seconds(), 0);
  EXPECT_FALSE(p.has_resolution());  // not kept
  EXPECT_EQ(p.callbacks_required(), 2);
  EXPECT_TRUE(p.escalate_on_breach());
  EXPECT_THAT(out_, StartsWith("created slaPolicies/P1\n"));
  EXPECT_EQ(Row("reply"), "48h");
  EXPECT_EQ(Row("complaint closure"), "3 working days");
  EXPECT_EQ(Row("types"), "complaint, grievance");

  suite_.canned().Answer<v1::GetSlaPolicyRequest>(ComplaintPolicy());
  suite_.canned().Answer<v1::UpdateSlaPolicyRequest>(ComplaintPolicy());
  ASSERT_TRUE(Run({"tickets", "policy", "update", "P1", "--reply", "24h", "--callback", "none",
                   "--escalate-on-breach=false"}).ok()) << out_;
  const auto update = suite_.canned().Last<v1::UpdateSlaPolicyRequest>();
  EXPECT_THAT(update->update_mask().paths(), ElementsAre("reply", "callback", "escalate_on_breach"));
  EXPECT_EQ(update->policy().name(), "slaPolicies/P1");
  EXPECT_EQ(update->policy().etag(), "2");  // read just before
  EXPECT_EQ(update->policy().reply().duration().seconds(), 24 * 3600);
  EXPECT_FALSE(update->policy().has_callback());
  EXPECT_FALSE(update->policy().escalate_on_breach());

  ExpectRefusedUnsent({"tickets", "policy", "create", "--name", "n", "--unit", "C", "--reply", "2 days"}, "--reply");
  ExpectRefusedUnsent({"tickets", "policy", "create", "--name", "n", "--unit", "C", "--types", "complaint,rumour"},
                      "--types");
  ExpectRefusedUnsent({"tickets", "policy", "create", "--name", "n", "--unit", "C", "--callbacks-required", "3"},
                      "--callbacks-required");
  ExpectRefusedUnsent({"tickets", "policy", "create", "--unit", "C"}, "--name");
  ExpectRefusedUnsent({"tickets", "policy", "update", "P1"}, "nothing to change");
  ExpectRefusedUnsent({"tickets", "policy", "update", "P1", "--unit", "V1"}, "--unit");  // immutable
}

TEST_F(TicketsDeskCommandsTest, APolicyAtARevisionAndItsRevisions) {
  suite_.canned().Answer<v1::GetSlaPolicyRequest>(ComplaintPolicy());
  ASSERT_TRUE(Run({"tickets", "policy", "get", "P1", "--revision", "1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetSlaPolicyRequest>()->name(), "slaPolicies/P1");
  EXPECT_EQ(suite_.canned().Last<v1::GetSlaPolicyRequest>()->revision(), 1);
  EXPECT_EQ(Row("policy"), "投诉处理时限  slaPolicies/P1  revision 2");
  EXPECT_EQ(Row("callback"), "3 working days");
  ASSERT_TRUE(Run({"tickets", "policy", "get", "P1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetSlaPolicyRequest>()->revision(), 0);  // the latest

  v1::ListSlaPolicyRevisionsResponse revisions;
  *revisions.add_revisions() = ComplaintPolicy();
  suite_.canned().Answer<v1::ListSlaPolicyRevisionsRequest>(revisions);
  ASSERT_TRUE(Run({"tickets", "policy", "revisions", "P1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListSlaPolicyRevisionsRequest>()->name(), "slaPolicies/P1");
  EXPECT_THAT(out_, HasSubstr("slaPolicies/P1  投诉处理时限  units/C  complaint, grievance  all         2"));
  ExpectRefusedUnsent({"tickets", "policy", "get", "P1", "--revision", "0"}, "--revision");
}

TEST_F(TicketsDeskCommandsTest, ATicketsClocksWithThePolicyRevisionEachUsed) {
  v1::ListTicketClocksResponse clocks;
  v1::SlaClock& c = *clocks.add_clocks();
  c.set_kind(v1::SLA_CLOCK_KIND_COMPLAINT_CLOSURE);
  c.set_state(v1::SLA_CLOCK_STATE_AT_RISK);
  *c.mutable_start_time() = LoanComplaint().create_time();
  c.mutable_paused()->set_seconds(2 * 3600 + 15 * 60);
  c.set_policy("slaPolicies/P1");
  c.set_policy_revision(2);
  suite_.canned().Answer<v1::ListTicketClocksRequest>(clocks);
  ASSERT_TRUE(Run({"tickets", "clocks", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListTicketClocksRequest>()->ticket(), "tickets/T1");
  EXPECT_THAT(out_, HasSubstr("complaint-closure  at-risk  2026-12-03 09:15"));
  EXPECT_THAT(out_, HasSubstr("2h15m   slaPolicies/P1 r2\n"));
}

TEST_F(TicketsDeskCommandsTest, ACustomerAsTheServerShowsItAndAnUpdateKeepsThePreferencesNotGiven) {
  suite_.canned().Answer<v1::GetCustomerRequest>(ZhangXiuying());
  ASSERT_TRUE(Run({"tickets", "customer", "get", "C1"}).ok()) << out_;
  EXPECT_EQ(Row("phone"), "138****5678");
  EXPECT_EQ(Row("id card"), "1310**********0243");
  EXPECT_EQ(Row("tier"), "priority");
  EXPECT_EQ(Row("tickets"), "3 (1 open)");

  suite_.canned().Answer<v1::UpdateCustomerRequest>(ZhangXiuying());
  ASSERT_TRUE(Run({"tickets", "customer", "update", "C1", "--do-not-call", "--address", "东村3组"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::UpdateCustomerRequest>();
  EXPECT_THAT(sent->update_mask().paths(), ElementsAre("address", "preferences"));
  EXPECT_EQ(sent->customer().etag(), "5");
  EXPECT_EQ(sent->customer().address(), "东村3组");
  EXPECT_TRUE(sent->customer().preferences().do_not_call());
  EXPECT_EQ(sent->customer().preferences().preferred_time(), "weekday evenings");  // kept

  suite_.canned().Answer<v1::CreateCustomerRequest>(ZhangXiuying());
  ASSERT_TRUE(Run({"tickets", "customer", "create", "--name", "张秀英", "--phone", "13812345678", "--unit", "V1",
                   "--tier", "priority", "--borrower", "B1"}).ok()) << out_;
  const v1::Customer made = suite_.canned().Last<v1::CreateCustomerRequest>()->customer();
  EXPECT_EQ(made.phone(), "13812345678");
  EXPECT_EQ(made.borrower(), "borrowers/B1");
  EXPECT_FALSE(made.has_preferences());

  v1::ListCustomersResponse list;
  *list.add_customers() = ZhangXiuying();
  suite_.canned().Answer<v1::ListCustomersRequest>(list);
  ASSERT_TRUE(Run({"tickets", "customer", "list", "--phone", "13812345678"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListCustomersRequest>()->phone(), "13812345678");
  EXPECT_THAT(out_, HasSubstr("customers/C1  张秀英        138****5678"));

  ExpectRefusedUnsent({"tickets", "customer", "create", "--name", "张秀英"}, "--phone");
  ExpectRefusedUnsent({"tickets", "customer", "update", "C1", "--tier", "gold"}, "--tier");
}

TEST_F(TicketsDeskCommandsTest, AWeeksReportAsksForItsMondayToSundayAndPrintsEveryRate) {
  suite_.canned().Answer<v1::GetKpiReportRequest>(TownshipWeek());
  ASSERT_TRUE(Run({"tickets", "report", "--week", "2026-W49", "--unit", "T", "--by-child-unit"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::GetKpiReportRequest>();
  EXPECT_EQ(sent->unit(), "units/T");
  EXPECT_EQ(DateText(sent->period().start()), "2026-11-30");
  EXPECT_EQ(DateText(sent->period().end()), "2026-12-06");
  EXPECT_TRUE(sent->by_child_unit());
  EXPECT_EQ(sent->split(), v1::KPI_SPLIT_UNSPECIFIED);
  EXPECT_THAT(out_, HasSubstr("resolution on time (timely handling)"));
  EXPECT_THAT(out_, HasSubstr("6/7 = 85.71%"));
  EXPECT_THAT(out_, HasSubstr("1/12 = 8.33%"));

  ASSERT_TRUE(Run({"tickets", "report", "--month", "2026-12", "--unit", "T", "--split", "week"}).ok()) << out_;
  EXPECT_EQ(DateText(suite_.canned().Last<v1::GetKpiReportRequest>()->period().end()), "2026-12-31");
  EXPECT_EQ(suite_.canned().Last<v1::GetKpiReportRequest>()->split(), v1::KPI_SPLIT_WEEK);
  ASSERT_TRUE(Run({"tickets", "report", "--from", "2026-12-01", "--to", "2026-12-03", "--unit", "T"}).ok()) << out_;
  EXPECT_EQ(DateText(suite_.canned().Last<v1::GetKpiReportRequest>()->period().start()), "2026-12-01");

  ExpectRefusedUnsent({"tickets", "report", "--week", "2026-W49"}, "--unit");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T"}, "--week");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T", "--week", "2026-W49", "--month", "2026-12"}, "--week");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T", "--week", "2026-49"}, "--week");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T", "--month", "2026-13"}, "--month");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T", "--from", "2026-12-01"}, "--to");
  ExpectRefusedUnsent({"tickets", "report", "--unit", "T", "--week", "2026-W49", "--split", "day"}, "--split");
}

}  // namespace
}  // namespace huinong::ctl::testing
