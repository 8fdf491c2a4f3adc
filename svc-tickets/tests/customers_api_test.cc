// CustomerService's archive methods in process against the real database:
// personal data whole for the home unit's tickets.agent and masked for
// everyone else, in lists and in audit events; one record per person (an
// ID number, or a name at a phone: a household shares a phone), naming the
// fields; a retry creates once; bad input names every field and
// writes nothing; etags; scope — a station sees its own customers and those
// with a ticket there, the county the customers intake created without a
// home unit. Besides the fixture's people: countyagent, tickets.agent of
// the county.
#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

constexpr char kPhone[] = "13912345678";
constexpr char kIdCard[] = "11010519491231002X";

class CustomersTest : public TicketsFixture {
 protected:
  void SetUp() override {
    TicketsFixture::SetUp();
    org_->Grant("countyagent", "tickets.agent", "county");
  }

  std::unique_ptr<grpc::ClientContext> AsCountyAgent() {
    return callers_.As("staff/countyagent", {}, "units/county");
  }

  v1::CreateCustomerRequest Villager() {
    v1::CreateCustomerRequest req;
    req.set_request_id(NextRequestId());
    v1::Customer* c = req.mutable_customer();
    c->set_display_name("李桂兰");
    c->set_phone(kPhone);
    c->set_id_card_number(kIdCard);
    c->set_address("东风村三组12号");
    c->set_unit("units/v11");
    c->set_tier(v1::CUSTOMER_TIER_PRIORITY);
    c->mutable_preferences()->set_preferred_time("weekday evenings");
    c->mutable_preferences()->set_language("zh-CN");
    return req;
  }

  v1::Customer Get(const std::string& name, std::unique_ptr<grpc::ClientContext> as, grpc::Status* status = nullptr) {
    v1::GetCustomerRequest req;
    req.set_name(name);
    v1::Customer out;
    const grpc::Status s = customers_->GetCustomer(as.get(), req, &out);
    if (status != nullptr) *status = s;
    else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }
};

TEST_F(CustomersTest, PersonalDataIsWholeOnlyForTheHomeUnitsAgent) {
  v1::Customer created;
  const grpc::Status s = customers_->CreateCustomer(As("agent11").get(), Villager(), &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(created.phone(), kPhone);
  EXPECT_EQ(created.tier(), v1::CUSTOMER_TIER_PRIORITY);
  EXPECT_EQ(created.preferences().preferred_channel(), v1::TICKET_CHANNEL_PHONE);  // unset means PHONE
  EXPECT_EQ(created.preferences().preferred_time(), "weekday evenings");
  EXPECT_EQ(created.ticket_count(), 0);
  EXPECT_EQ(created.etag(), "1");

  // The station's and the township's agents hold tickets.agent for v11.
  for (const char* agent : {"agent11", "agent1"}) {
    const v1::Customer whole = Get(created.name(), As(agent));
    EXPECT_EQ(whole.phone(), kPhone) << agent;
    EXPECT_EQ(whole.id_card_number(), kIdCard) << agent;
    EXPECT_EQ(whole.address(), "东风村三组12号") << agent;
  }
  // The township's manager and the county's supervisor read it masked.
  for (const char* other : {"head1", "countylead"}) {
    const v1::Customer masked = Get(created.name(), As(other));
    EXPECT_EQ(masked.phone(), "139****5678") << other;
    EXPECT_EQ(masked.id_card_number(), "110***********002X") << other;
    EXPECT_EQ(masked.address(), "东*******") << other;
    EXPECT_EQ(masked.display_name(), "李桂兰") << other;
  }
  // A list never shows it whole, nor does the audit trail.
  v1::ListCustomersRequest list;
  list.set_phone(kPhone);
  v1::ListCustomersResponse page;
  ASSERT_TRUE(customers_->ListCustomers(As("agent11").get(), list, &page).ok());
  ASSERT_EQ(page.customers_size(), 1);
  EXPECT_EQ(page.customers(0).phone(), "139****5678");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%customers/%'"), 1);
  EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%") + kPhone + "%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%1231002X%'"), 0);
}

TEST_F(CustomersTest, AdminsAndAuditorsReadMaskedAndAreRefusedChangesWithoutAskingSvcOrgAboutThem) {
  // Their tokens name no staff member (svc-org would answer NOT_FOUND).
  const v1::Ticket t = Create("agent11", LoanComplaint());
  v1::Customer placed;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), Villager(), &placed).ok());
  for (const auto& [subject, role] : {std::pair<std::string, std::string>{"admin", "admin"}, {"audit-office", "auditor"}}) {
    v1::GetTicketRequest get;
    get.set_name(t.name());
    v1::Ticket seen;
    const grpc::Status s = tickets_->GetTicket(callers_.As(subject, {role}).get(), get, &seen);
    ASSERT_TRUE(s.ok()) << role << ": " << s.error_message();
    EXPECT_EQ(seen.contact().phone(), "138****8000") << role;
    grpc::Status c;
    const v1::Customer customer = Get(placed.name(), callers_.As(subject, {role}), &c);
    ASSERT_TRUE(c.ok()) << role << ": " << c.error_message();
    EXPECT_EQ(customer.phone(), "139****5678") << role;
    EXPECT_EQ(customer.id_card_number().find("19491231"), std::string::npos) << role;

    // A change they hold no capability for is refused, not failed on svc-org's NOT_FOUND.
    v1::Ticket none;
    grpc::Status w = tickets_->CreateTicket(callers_.As(subject, {role}, "units/v11").get(), LoanComplaint(), &none);
    EXPECT_EQ(w.error_code(), grpc::StatusCode::PERMISSION_DENIED) << role << ": " << w.error_message();
    EXPECT_EQ(Reason(w), "CAPABILITY_MISSING") << role;
    auto open = Named<v1::OpenCaseRequest>(t);
    *open.mutable_promised_time() = In(absl::Hours(24));
    w = tickets_->OpenCase(callers_.As(subject, {role}, "units/v11").get(), open, &none);
    EXPECT_EQ(w.error_code(), grpc::StatusCode::PERMISSION_DENIED) << role << ": " << w.error_message();
  }
}

TEST_F(CustomersTest, TheSamePersonAtAPhoneOrAnIdNumberTakenIsAlreadyExistsNamingTheFields) {
  v1::Customer first;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), Villager(), &first).ok());
  v1::CreateCustomerRequest same_person = Villager();
  same_person.mutable_customer()->clear_id_card_number();
  v1::Customer out;
  grpc::Status s = customers_->CreateCustomer(As("agent11").get(), same_person, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(rpc::ReasonOf(rpc::FromGrpcStatus(s)), "CUSTOMER_EXISTS");
  EXPECT_NE(s.error_message().find("customer.phone, customer.display_name"), std::string::npos) << s.error_message();
  EXPECT_NE(s.error_message().find(first.name()), std::string::npos) << s.error_message();
  EXPECT_EQ(s.error_message().find("customer.id_card_number"), std::string::npos) << s.error_message();

  v1::CreateCustomerRequest same_id = Villager();
  same_id.mutable_customer()->set_phone("13700001111");
  s = customers_->CreateCustomer(As("agent11").get(), same_id, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(s.error_message().find("customer.id_card_number"), std::string::npos) << s.error_message();
  EXPECT_EQ(s.error_message().find("customer.phone"), std::string::npos) << s.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 1);

  // A household shares its phone: another member at the same number is a
  // customer of their own.
  v1::CreateCustomerRequest spouse = Villager();
  spouse.mutable_customer()->set_display_name("王建国");
  spouse.mutable_customer()->clear_id_card_number();
  v1::Customer second;
  s = customers_->CreateCustomer(As("agent11").get(), spouse, &second);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_NE(second.name(), first.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 2);

  // Renaming that member to the first one's name at the same phone is
  // refused the same way.
  v1::UpdateCustomerRequest update;
  update.set_request_id(NextRequestId());
  *update.mutable_customer() = second;
  update.mutable_customer()->set_display_name("李桂兰");
  update.mutable_update_mask()->add_paths("display_name");
  s = customers_->UpdateCustomer(As("agent11").get(), update, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(s.error_message().find(first.name()), std::string::npos) << s.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers WHERE display_name = '李桂兰'"), 1);
}

TEST_F(CustomersTest, IntakeMatchesAPersonNotAPhone) {
  // 王秀英 is archived by her first request (LoanComplaint's contact).
  const v1::Ticket first = Create("agent11", LoanComplaint());
  // Her husband calls from the same household phone: a new record.
  v1::CreateTicketRequest husband = LoanComplaint();
  husband.mutable_ticket()->mutable_contact()->set_display_name("张满仓");
  const v1::Ticket second = Create("agent11", husband);
  EXPECT_NE(second.customer(), first.customer());
  // She calls again: her own record.
  const v1::Ticket again = Create("agent11", LoanComplaint());
  EXPECT_EQ(again.customer(), first.customer());
  // He calls once more, now giving an ID number no record holds: still his
  // record, the one of his name at that phone, which has no ID number yet.
  v1::CreateTicketRequest with_id = husband;
  with_id.set_request_id(NextRequestId());
  with_id.mutable_ticket()->mutable_contact()->set_id_card_number(kIdCard);
  EXPECT_EQ(Create("agent11", with_id).customer(), second.customer());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 2);

  // The holder of an ID number is matched by it, from any phone.
  v1::Customer villager;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), Villager(), &villager).ok());
  v1::CreateTicketRequest by_id = LoanComplaint();
  by_id.mutable_ticket()->mutable_contact()->set_display_name("李桂兰");
  by_id.mutable_ticket()->mutable_contact()->set_phone("13600000000");
  by_id.mutable_ticket()->mutable_contact()->set_id_card_number(kIdCard);
  EXPECT_EQ(Create("agent11", by_id).customer(), villager.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 3);
}

TEST_F(CustomersTest, ARetryWithTheSameRequestIdCreatesOnce) {
  const v1::CreateCustomerRequest req = Villager();
  v1::Customer first, again;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), req, &first).ok());
  const grpc::Status s = customers_->CreateCustomer(As("agent11").get(), req, &again);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%customers/%'"), 1);
}

TEST_F(CustomersTest, BadFieldsAreAllNamedAndNothingIsWritten) {
  v1::CreateCustomerRequest req;
  req.set_request_id(NextRequestId());
  v1::Customer* c = req.mutable_customer();
  c->set_phone("12ab");
  c->set_id_card_number("1101051949");
  c->set_unit("villages/v11");
  c->set_tier(static_cast<v1::CustomerTier>(9));
  c->mutable_preferences()->set_preferred_channel(static_cast<v1::TicketChannel>(99));
  c->set_borrower("loans/1");
  c->set_note(std::string(2001, 'x'));
  v1::Customer out;
  const grpc::Status s = customers_->CreateCustomer(As("agent11").get(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::set<std::string> named;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) named.insert(f.field);
  for (const char* field : {"customer.display_name", "customer.phone", "customer.id_card_number", "customer.unit",
                            "customer.tier", "customer.preferences.preferred_channel", "customer.borrower",
                            "customer.note"}) {
    EXPECT_TRUE(named.contains(field)) << field << " in " << s.error_message();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 0);

  // An update names only the bad fields its mask touches, and a path it
  // may not change.
  v1::Customer created;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), Villager(), &created).ok());
  v1::UpdateCustomerRequest update;
  update.set_request_id(NextRequestId());
  *update.mutable_customer() = created;
  update.mutable_customer()->set_phone("x");
  update.mutable_customer()->set_display_name("");
  update.mutable_update_mask()->add_paths("phone");
  update.mutable_update_mask()->add_paths("ticket_count");
  const grpc::Status u = customers_->UpdateCustomer(As("agent11").get(), update, &out);
  ASSERT_EQ(u.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  named.clear();
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(u))) named.insert(f.field);
  EXPECT_TRUE(named.contains("customer.phone")) << u.error_message();
  EXPECT_TRUE(named.contains("update_mask")) << u.error_message();
  EXPECT_FALSE(named.contains("customer.display_name")) << u.error_message();
  EXPECT_EQ(Get(created.name(), As("agent11")).etag(), "1");
}

TEST_F(CustomersTest, AnUpdateNeedsTheCurrentEtagAndTheAgentOfBothUnits) {
  v1::Customer created;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent11").get(), Villager(), &created).ok());
  v1::UpdateCustomerRequest update;
  update.set_request_id(NextRequestId());
  *update.mutable_customer() = created;
  update.mutable_customer()->mutable_preferences()->set_do_not_call(true);
  update.mutable_customer()->mutable_preferences()->clear_preferred_time();
  update.mutable_customer()->set_unit("units/v12");
  update.mutable_update_mask()->add_paths("preferences");
  update.mutable_update_mask()->add_paths("unit");
  v1::Customer out;
  // agent11 holds tickets.agent for v11 but not for v12.
  grpc::Status s = customers_->UpdateCustomer(As("agent11").get(), update, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  update.set_request_id(NextRequestId());
  s = customers_->UpdateCustomer(As("agent1").get(), update, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.unit(), "units/v12");
  EXPECT_TRUE(out.preferences().do_not_call());
  EXPECT_EQ(out.preferences().preferred_time(), "");  // the whole of preferences is replaced
  EXPECT_EQ(out.preferences().language(), "zh-CN");
  EXPECT_EQ(out.etag(), "2");
  // The old etag is stale.
  update.set_request_id(NextRequestId());
  s = customers_->UpdateCustomer(As("agent1").get(), update, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();
  // Moved to v12: the v11 station no longer sees it; v12's agent sees it whole.
  Get(created.name(), As("agent11"), &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Get(created.name(), As("agent12")).phone(), kPhone);
}

TEST_F(CustomersTest, ScopeFollowsTheHomeUnitAndTheCustomersTickets) {
  // Intake archives the contact without a home unit: the county's.
  const v1::Ticket t = Create("agent11", LoanComplaint());
  v1::CreateCustomerRequest at_v12 = Villager();
  at_v12.mutable_customer()->set_unit("units/v12");
  v1::Customer placed;
  ASSERT_TRUE(customers_->CreateCustomer(As("agent12").get(), at_v12, &placed).ok());

  // The station that took the ticket sees its customer, masked (the record
  // is the county's); the other station does not see it at all.
  const v1::Customer seen = Get(t.customer(), As("agent11"));
  EXPECT_EQ(seen.phone(), "138****8000");
  EXPECT_EQ(seen.unit(), "");
  EXPECT_EQ(seen.ticket_count(), 1);
  EXPECT_EQ(seen.open_ticket_count(), 1);
  EXPECT_EQ(seen.last_contact_time().seconds(), t.create_time().seconds());
  grpc::Status s;
  Get(t.customer(), As("agent12"), &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // The county's agent reads it whole.
  EXPECT_EQ(Get(t.customer(), AsCountyAgent()).phone(), "13800138000");

  v1::ListCustomersRequest list;
  v1::ListCustomersResponse page;
  ASSERT_TRUE(customers_->ListCustomers(As("agent11").get(), list, &page).ok());
  ASSERT_EQ(page.customers_size(), 1);
  EXPECT_EQ(page.customers(0).name(), t.customer());
  ASSERT_TRUE(customers_->ListCustomers(As("agent12").get(), list, &page).ok());
  ASSERT_EQ(page.customers_size(), 1);
  EXPECT_EQ(page.customers(0).name(), placed.name());
  ASSERT_TRUE(customers_->ListCustomers(As("agent1").get(), list, &page).ok());
  EXPECT_EQ(page.customers_size(), 2);
  list.set_unit("units/town1");
  list.set_include_subtree(true);
  ASSERT_TRUE(customers_->ListCustomers(AsCountyAgent().get(), list, &page).ok());
  ASSERT_EQ(page.customers_size(), 1);
  EXPECT_EQ(page.customers(0).name(), placed.name());
  list.Clear();
  list.set_display_name_prefix("王");
  ASSERT_TRUE(customers_->ListCustomers(AsCountyAgent().get(), list, &page).ok());
  ASSERT_EQ(page.customers_size(), 1);
  EXPECT_EQ(page.customers(0).name(), t.customer());
}

}  // namespace
}  // namespace huinong::tickets
