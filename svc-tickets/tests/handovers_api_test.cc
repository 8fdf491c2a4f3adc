// CallbackHandoverService's handovers in process against the real
// database: a shift handover lists the outgoing person's open tickets and
// changes none of them until the incoming person acknowledges it; then the
// assignee moves and each ticket's etag changes. A leave handover also
// moves the accountable person, never the first responder. A person has one
// pending handover per unit; bad input names every field and writes
// nothing; a retry creates once; scope. Besides the fixture's people:
// agent11b, tickets.agent of v11 (agent11's colleague).
#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class HandoversTest : public TicketsFixture {
 protected:
  void SetUp() override {
    TicketsFixture::SetUp();
    org_->Grant("agent11b", "tickets.agent", "v11");
  }

  std::unique_ptr<grpc::ClientContext> AsColleague() { return callers_.As("staff/agent11b", {}, "units/v11"); }

  v1::CreateHandoverRequest FromAgent11(v1::HandoverKind kind) {
    v1::CreateHandoverRequest req;
    req.set_request_id(NextRequestId());
    v1::Handover* h = req.mutable_handover();
    h->set_unit("units/v11");
    h->set_kind(kind);
    h->set_shift_label("白班 2026-12-07");
    h->add_outgoing_staff("staff/agent11");
    h->add_incoming_staff("staff/agent11b");
    h->set_notes("柜台钥匙已交接");
    return req;
  }

  v1::Handover CreateHandover(const v1::CreateHandoverRequest& req) {
    v1::Handover out;
    const grpc::Status s = callbacks_->CreateHandover(As("agent11").get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  grpc::Status Acknowledge(const v1::Handover& h, std::unique_ptr<grpc::ClientContext> as, v1::Handover* out) {
    v1::AcknowledgeHandoverRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(h.name());
    req.set_etag(h.etag());
    req.set_note("收到");
    return callbacks_->AcknowledgeHandover(as.get(), req, out);
  }

  v1::Ticket Get(const v1::Ticket& t) {
    v1::GetTicketRequest req;
    req.set_name(t.name());
    v1::Ticket out;
    EXPECT_TRUE(tickets_->GetTicket(As("lead1").get(), req, &out).ok());
    return out;
  }
};

TEST_F(HandoversTest, AShiftHandoverChangesNothingUntilAcknowledgedThenTheAssigneeMoves) {
  const v1::Ticket first = Create("agent11", LoanComplaint());
  v1::CreateTicketRequest other_req = LoanComplaint();
  other_req.mutable_ticket()->set_summary("补贴申请进度咨询");
  other_req.mutable_ticket()->set_type(v1::TICKET_TYPE_CONSULTATION);
  const v1::Ticket second = Create("agent11", other_req);
  const v1::Ticket elsewhere = Create("agent12", LoanComplaint());

  v1::CreateHandoverRequest req = FromAgent11(v1::HANDOVER_KIND_SHIFT);
  v1::HandoverItem* asked = req.mutable_handover()->add_items();
  asked->set_ticket(first.name());
  asked->set_note("客户下午会再来电");
  const v1::Handover h = CreateHandover(req);
  EXPECT_EQ(h.state(), v1::HANDOVER_STATE_PENDING);
  EXPECT_EQ(h.created_by(), "staff/agent11");
  ASSERT_EQ(h.items_size(), 2);  // agent11's two open tickets, not agent12's
  for (const v1::HandoverItem& item : h.items()) {
    EXPECT_NE(item.ticket(), elsewhere.name());
    EXPECT_EQ(item.state(), v1::TICKET_STATE_REGISTERED);
    EXPECT_TRUE(item.has_next_due_time()) << item.ticket();  // the first-response clock runs
    if (item.ticket() == first.name()) {
      EXPECT_EQ(item.note(), "客户下午会再来电");
      EXPECT_EQ(item.summary(), first.summary());
      EXPECT_EQ(item.priority(), v1::PRIORITY_P3);
    }
  }
  // A retry returns the same record; a second pending handover is refused.
  v1::Handover again;
  ASSERT_TRUE(callbacks_->CreateHandover(As("agent11").get(), req, &again).ok());
  EXPECT_EQ(again.name(), h.name());
  req.set_request_id(NextRequestId());
  grpc::Status s = callbacks_->CreateHandover(As("agent11").get(), req, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(rpc::ReasonOf(rpc::FromGrpcStatus(s)), "HANDOVER_PENDING");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers"), 1);

  // Unacknowledged, no ticket has changed.
  EXPECT_EQ(Get(first).etag(), first.etag());
  EXPECT_EQ(Get(first).assignee(), "staff/agent11");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind = 26"), 0);

  // Only an incoming person acknowledges, at the current etag.
  v1::Handover done;
  s = Acknowledge(h, As("agent11"), &done);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(rpc::ReasonOf(rpc::FromGrpcStatus(s)), "NOT_INCOMING_STAFF");
  v1::Handover stale = h;
  stale.set_etag("7");
  EXPECT_EQ(Acknowledge(stale, AsColleague(), &done).error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Get(first).etag(), first.etag());

  s = Acknowledge(h, AsColleague(), &done);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(done.state(), v1::HANDOVER_STATE_ACKNOWLEDGED);
  EXPECT_EQ(done.acknowledged_by(), "staff/agent11b");
  EXPECT_EQ(done.acknowledgement_note(), "收到");
  for (const v1::Ticket& t : {first, second}) {
    const v1::Ticket now = Get(t);
    EXPECT_EQ(now.assignee(), "staff/agent11b");
    EXPECT_EQ(now.accountable(), "staff/agent11");  // a shift handover moves the work only
    EXPECT_EQ(now.first_responder(), "staff/agent11");
    EXPECT_NE(now.etag(), t.etag());
    EXPECT_EQ(now.state(), t.state());
  }
  EXPECT_EQ(Get(elsewhere).etag(), elsewhere.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_activities WHERE kind = 26 AND target = 'staff/agent11b'"), 2);
  // Acknowledged once; agent11 may now hand over again.
  EXPECT_EQ(Acknowledge(done, AsColleague(), &again).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::CreateHandoverRequest next = FromAgent11(v1::HANDOVER_KIND_SHIFT);
  EXPECT_TRUE(callbacks_->CreateHandover(As("agent11").get(), next, &again).ok());
  // agent11 works neither ticket now but still answers for both.
  EXPECT_EQ(again.items_size(), 2);
}

TEST_F(HandoversTest, ALeaveHandoverMovesAccountabilityButNeverTheFirstResponder) {
  const v1::Ticket t = Create("agent11", LoanComplaint());
  ASSERT_EQ(t.first_responder(), "staff/agent11");
  ASSERT_EQ(t.accountable(), "staff/agent11");
  const v1::Handover h = CreateHandover(FromAgent11(v1::HANDOVER_KIND_LEAVE));
  ASSERT_EQ(h.items_size(), 1);
  EXPECT_EQ(Get(t).accountable(), "staff/agent11");
  v1::Handover done;
  const grpc::Status s = Acknowledge(h, AsColleague(), &done);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const v1::Ticket now = Get(t);
  EXPECT_EQ(now.accountable(), "staff/agent11b");
  EXPECT_EQ(now.assignee(), "staff/agent11b");
  EXPECT_EQ(now.first_responder(), "staff/agent11");
  EXPECT_NE(now.etag(), t.etag());
  // The colleague now answers for it, and may act on it.
  v1::ListTicketsRequest list;
  list.set_accountable("staff/agent11b");
  v1::ListTicketsResponse page;
  ASSERT_TRUE(tickets_->ListTickets(As("agent11").get(), list, &page).ok());
  EXPECT_EQ(page.tickets_size(), 1);
}

TEST_F(HandoversTest, BadFieldsAreAllNamedAndNothingIsWritten) {
  v1::CreateHandoverRequest req;
  req.set_request_id(NextRequestId());
  v1::Handover* h = req.mutable_handover();
  h->set_kind(v1::HANDOVER_KIND_LEAVE);
  h->add_outgoing_staff("staff/agent11");
  h->add_outgoing_staff("staff/agent12");
  h->add_incoming_staff("staff/agent11");
  h->set_shift_label(std::string(101, 'x'));
  v1::HandoverItem* item = h->add_items();
  item->set_ticket("loans/1");
  item->set_to_staff("staff/head1");
  v1::Handover out;
  const grpc::Status s = callbacks_->CreateHandover(As("agent11").get(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::set<std::string> named;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) named.insert(f.field);
  for (const char* field : {"handover.unit", "handover.shift_label", "handover.outgoing_staff",
                            "handover.incoming_staff", "handover.items[0].ticket", "handover.items[0].to_staff"}) {
    EXPECT_TRUE(named.contains(field)) << field << " in " << s.error_message();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handover_people"), 0);

  // Someone who works elsewhere cannot take the shift over.
  v1::CreateHandoverRequest to_v12 = FromAgent11(v1::HANDOVER_KIND_SHIFT);
  to_v12.mutable_handover()->set_incoming_staff(0, "staff/agent12");
  const grpc::Status n = callbacks_->CreateHandover(As("agent11").get(), to_v12, &out);
  EXPECT_EQ(n.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(rpc::ReasonOf(rpc::FromGrpcStatus(n)), "NOT_IN_UNIT");
  // Nor does a bystander hand over somebody else's shift.
  const grpc::Status p = callbacks_->CreateHandover(As("agent12").get(), FromAgent11(v1::HANDOVER_KIND_SHIFT), &out);
  EXPECT_EQ(p.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers"), 0);
}

TEST_F(HandoversTest, TheUnitAndThePeopleSeeAHandover) {
  Create("agent11", LoanComplaint());
  const v1::Handover h = CreateHandover(FromAgent11(v1::HANDOVER_KIND_SHIFT));
  v1::GetHandoverRequest get;
  get.set_name(h.name());
  v1::Handover out;
  EXPECT_TRUE(callbacks_->GetHandover(As("agent11").get(), get, &out).ok());
  EXPECT_TRUE(callbacks_->GetHandover(AsColleague().get(), get, &out).ok());
  EXPECT_TRUE(callbacks_->GetHandover(As("lead1").get(), get, &out).ok());  // the township's supervisor
  EXPECT_EQ(out.items_size(), 1);
  EXPECT_EQ(callbacks_->GetHandover(As("agent12").get(), get, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::ListHandoversRequest list;
  v1::ListHandoversResponse page;
  ASSERT_TRUE(callbacks_->ListHandovers(As("agent12").get(), list, &page).ok());
  EXPECT_EQ(page.handovers_size(), 0);
  ASSERT_TRUE(callbacks_->ListHandovers(As("agent1").get(), list, &page).ok());
  EXPECT_EQ(page.handovers_size(), 1);
  list.set_staff("staff/agent11b");
  list.set_state(v1::HANDOVER_STATE_PENDING);
  ASSERT_TRUE(callbacks_->ListHandovers(As("lead1").get(), list, &page).ok());
  ASSERT_EQ(page.handovers_size(), 1);
  EXPECT_EQ(page.handovers(0).name(), h.name());
  list.set_state(v1::HANDOVER_STATE_ACKNOWLEDGED);
  ASSERT_TRUE(callbacks_->ListHandovers(As("lead1").get(), list, &page).ok());
  EXPECT_EQ(page.handovers_size(), 0);
}

}  // namespace
}  // namespace huinong::tickets
