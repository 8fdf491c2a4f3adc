// BorrowerService end to end in process (tests/loans_fixture.h): real
// database, real tokens, svc-org answered from the fixture's county. Each
// borrower type at the level it belongs to; identity numbers checked
// (GB 11643) and unique; every bad field named at once; retries and stale
// etags; who sees which borrowers and who sees their personal data in
// clear (responses and the audit events in the outbox); dated poor-household
// registration read as of a day; the blacklist with four eyes; svc-org down.
#include <set>
#include <string>
#include <vector>

#include <cppconn/connection.h>
#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/src/store/township_store.h"
#include "svc-loans/tests/loans_fixture.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {
namespace {

// Valid GB 11643 numbers (region 131022, 固安县) and GB 32100 credit codes.
constexpr char kIdCard1970[] = "131022197005151239";  // born 1970-05-15
constexpr char kIdCard1980[] = "131022198001014565";  // born 1980-01-01
constexpr char kIdCard1965[] = "131022196507207891";  // born 1965-07-20
constexpr char kIdCard1990[] = "131022199003030125";  // born 1990-03-03
constexpr char kCoopCode[] = "93131022MA0A1B2C3X";
constexpr char kCoopCode2[] = "93131022MA0A1B2C41";
constexpr char kLeadingCode[] = "91131022MA0LEAD017";
constexpr char kShareCode[] = "93131022MA0GUFEN1U";
constexpr char kPhone[] = "13812345678";
constexpr char kAccount[] = "6222021234567890123";

absl::Status AsStatus(const grpc::Status& s) { return rpc::FromGrpcStatus(s); }
std::string ReasonOf(const grpc::Status& s) { return rpc::ReasonOf(AsStatus(s)); }
std::set<std::string> FieldsOf(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(AsStatus(s))) out.insert(fv.field);
  return out;
}

type::v1::Date Day(int y, int m, int d) { return rpc::ToDate(absl::CivilDay(y, m, d)); }

v1::Borrower Person(v1::BorrowerType type, const std::string& name, const std::string& unit,
                    const std::string& id_card, absl::CivilDay birth) {
  v1::Borrower b;
  b.set_type(type);
  b.set_display_name(name);
  b.set_unit("units/" + unit);
  b.mutable_person()->set_id_card_number(id_card);
  *b.mutable_person()->mutable_birth_date() = rpc::ToDate(birth);
  b.mutable_person()->set_phone(kPhone);
  b.mutable_person()->set_household_size(4);
  b.mutable_credit()->set_good_credit(true);
  *b.mutable_credit()->mutable_checked_date() = Day(2026, 11, 2);
  b.mutable_settlement_account()->set_bank("nxs");
  b.mutable_settlement_account()->set_account_number(kAccount);
  b.mutable_settlement_account()->set_holder_name(name);
  return b;
}

v1::Borrower Organisation(v1::BorrowerType type, const std::string& name, const std::string& unit,
                          const std::string& code) {
  v1::Borrower b;
  b.set_type(type);
  b.set_display_name(name);
  b.set_unit("units/" + unit);
  v1::OrganisationProfile* o = b.mutable_organisation();
  o->set_credit_code(code);
  o->set_legal_representative("李四");
  o->set_registered(true);
  o->set_licensed(true);
  o->set_tax_paying(true);
  o->set_sound_accounting(true);
  o->set_shareholder_households(100);
  o->set_poor_households_driven(30);
  return b;
}

v1::PovertyStatusChange Registered(type::v1::Date day, const std::string& number) {
  v1::PovertyStatusChange c;
  c.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_REGISTERED);
  *c.mutable_effective_date() = day;
  c.set_registration_number(number);
  return c;
}

v1::PovertyStatusChange Lifted(type::v1::Date day) {
  v1::PovertyStatusChange c;
  c.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_LIFTED);
  *c.mutable_effective_date() = day;
  return c;
}

v1::CheckEligibilityRequest Ask(const v1::Borrower& b, int64_t fen, int term_months, v1::Purpose purpose) {
  v1::CheckEligibilityRequest req;
  req.set_borrower(b.name());
  req.set_product(std::string("products/") + kPovertySmallLoanId);
  req.mutable_amount()->set_fen(fen);
  req.set_term_months(term_months);
  req.set_purpose(purpose);
  return req;
}

class BorrowersApi : public LoansFixture {
 protected:
  grpc::Status Create(const std::string& as, const v1::Borrower& b, v1::Borrower* out,
                      const std::string& request_id = "") {
    v1::CreateBorrowerRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    *req.mutable_borrower() = b;
    return borrowers_->CreateBorrower(As(as).get(), req, out);
  }

  v1::Borrower MustCreate(const std::string& as, const v1::Borrower& b) {
    v1::Borrower out;
    const grpc::Status s = Create(as, b, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  // Born on the day the identity number encodes (digits 7-14).
  v1::Borrower Household(const std::string& name = "张三", const std::string& unit = "v11",
                         const std::string& id_card = kIdCard1970) {
    const absl::CivilDay birth(std::stoi(id_card.substr(6, 4)), std::stoi(id_card.substr(10, 2)),
                               std::stoi(id_card.substr(12, 2)));
    return Person(v1::BORROWER_TYPE_HOUSEHOLD, name, unit, id_card, birth);
  }

  std::set<std::string> Rules(const std::string& as, const v1::CheckEligibilityRequest& req,
                              v1::EligibilityResult* out) {
    const grpc::Status s = borrowers_->CheckEligibility(As(as).get(), req, out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::set<std::string> rules;
    for (const auto& f : out->findings()) rules.insert(f.rule());
    return rules;
  }

  grpc::Status Get(std::unique_ptr<grpc::ClientContext> ctx, const std::string& name, v1::Borrower* out,
                   const type::v1::Date* as_of = nullptr) {
    v1::GetBorrowerRequest req;
    req.set_name(name);
    if (as_of != nullptr) *req.mutable_as_of() = *as_of;
    return borrowers_->GetBorrower(ctx.get(), req, out);
  }

  std::set<std::string> Listed(std::unique_ptr<grpc::ClientContext> ctx, v1::ListBorrowersRequest req = {}) {
    v1::ListBorrowersResponse resp;
    const grpc::Status s = borrowers_->ListBorrowers(ctx.get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::set<std::string> names;
    for (const auto& b : resp.borrowers()) names.insert(b.name());
    return names;
  }

  grpc::Status Change(const std::string& as, const v1::Borrower& b, const v1::PovertyStatusChange& change,
                      v1::Borrower* out) {
    v1::RecordPovertyStatusChangeRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(b.name());
    req.set_etag(b.etag());
    *req.mutable_change() = change;
    return borrowers_->RecordPovertyStatusChange(As(as).get(), req, out);
  }

  grpc::Status Blacklist(const std::string& as, const v1::Borrower& b, v1::BlacklistEntry* out) {
    v1::AddToBlacklistRequest req;
    req.set_request_id(NextRequestId());
    req.mutable_entry()->set_borrower(b.name());
    req.mutable_entry()->set_category(v1::BLACKLIST_CATEGORY_MALICIOUS_EVASION);
    req.mutable_entry()->set_reason("逾期三年拒不还款，转移资产");
    req.mutable_entry()->add_evidence()->set_uri("docs/recovery-2026-07.pdf");
    return borrowers_->AddToBlacklist(As(as).get(), req, out);
  }

  grpc::Status Unlist(const std::string& as, const v1::BlacklistEntry& e, v1::BlacklistEntry* out) {
    v1::RemoveFromBlacklistRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(e.name());
    req.set_etag(e.etag());
    req.set_reason("已全额还款");
    return borrowers_->RemoveFromBlacklist(As(as).get(), req, out);
  }
};

TEST_F(BorrowersApi, EachTypeIsCreatedAtItsLevel) {
  const v1::Borrower household = MustCreate("clerk11", Household());
  EXPECT_EQ(household.type(), v1::BORROWER_TYPE_HOUSEHOLD);
  EXPECT_EQ(household.unit(), "units/v11");
  EXPECT_EQ(household.person().id_card_number(), kIdCard1970);  // the clerk holds loans.intake: in clear
  EXPECT_EQ(household.etag(), "1");
  EXPECT_FALSE(household.person().registered_poor());
  EXPECT_EQ(household.settlement_account().account_number(), kAccount);

  const v1::Borrower farm = MustCreate(
      "clerk11", Person(v1::BORROWER_TYPE_FAMILY_FARM, "王家庭农场", "v11", kIdCard1965, absl::CivilDay(1965, 7, 20)));
  EXPECT_TRUE(farm.has_person());
  const v1::Borrower coop =
      MustCreate("clerk11", Organisation(v1::BORROWER_TYPE_COOPERATIVE, "东红寺种植合作社", "v11", kCoopCode));
  EXPECT_EQ(coop.organisation().credit_code(), kCoopCode);
  EXPECT_EQ(coop.organisation().poor_households_driven(), 30);
  const v1::Borrower share =
      MustCreate("clerk11", Organisation(v1::BORROWER_TYPE_SHARE_COOPERATIVE, "股份合作社", "v11", kShareCode));
  EXPECT_EQ(share.type(), v1::BORROWER_TYPE_SHARE_COOPERATIVE);
  // A leading enterprise belongs to its township department.
  const v1::Borrower leading =
      MustCreate("clerk1", Organisation(v1::BORROWER_TYPE_LEADING_ENTERPRISE, "龙头企业", "town1", kLeadingCode));
  EXPECT_EQ(leading.unit(), "units/town1");
}

TEST_F(BorrowersApi, AUnitOfTheWrongLevelIsRefused) {
  v1::Borrower out;
  // A household at a township department.
  grpc::Status s = Create("clerk1", Household("张三", "town1"), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(s), "WRONG_UNIT_LEVEL");
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"borrower.unit"});
  // A leading enterprise at a village station.
  s = Create("clerk11", Organisation(v1::BORROWER_TYPE_LEADING_ENTERPRISE, "龙头企业", "v11", kLeadingCode), &out);
  EXPECT_EQ(ReasonOf(s), "WRONG_UNIT_LEVEL");
  // An unknown unit.
  s = Create("clerk11", Household("张三", "nowhere"), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(BorrowersApi, AnIdCardFailingItsCheckDigitIsNamed) {
  v1::Borrower out;
  const grpc::Status s = Create("clerk11", Household("张三", "v11", "131022197005151238"), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"borrower.person.id_card_number"});
}

TEST_F(BorrowersApi, EveryBadFieldIsNamedAtOnceAndNothingIsCreated) {
  v1::Borrower b = Household("", "v11", "131022197005151238");
  b.mutable_person()->clear_birth_date();
  b.mutable_person()->set_phone("12ab");
  b.mutable_credit()->clear_checked_date();
  b.mutable_settlement_account()->set_account_number("62-22");
  v1::CreateBorrowerRequest req;
  *req.mutable_borrower() = b;  // and no request_id
  v1::Borrower out;
  const grpc::Status s = borrowers_->CreateBorrower(As("clerk11").get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"request_id", "borrower.display_name",
                                                "borrower.person.id_card_number", "borrower.person.birth_date",
                                                "borrower.person.phone", "borrower.credit.checked_date",
                                                "borrower.settlement_account.account_number"}));
  // An organisation's profile on a household, and a wrong birth date.
  v1::Borrower wrong = Household();
  *wrong.mutable_organisation() = Organisation(v1::BORROWER_TYPE_COOPERATIVE, "x", "v11", kCoopCode).organisation();
  const grpc::Status s2 = Create("clerk11", wrong, &out);
  EXPECT_TRUE(FieldsOf(s2).contains("borrower.person")) << s2.error_message();
  EXPECT_TRUE(FieldsOf(s2).contains("borrower.organisation"));
  v1::Borrower born_wrong = Household();
  *born_wrong.mutable_person()->mutable_birth_date() = Day(1970, 5, 16);
  EXPECT_EQ(FieldsOf(Create("clerk11", born_wrong, &out)), std::set<std::string>{"borrower.person.birth_date"});
  EXPECT_TRUE(Listed(Admin()).empty());
  EXPECT_TRUE(OutboxEvents().empty());
}

TEST_F(BorrowersApi, AnIdCardOrCreditCodeIsTakenOnce) {
  MustCreate("clerk11", Household());
  v1::Borrower out;
  grpc::Status s = Create("clerk21", Household("张三同号", "v21"), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ReasonOf(s), "BORROWER_EXISTS");
  EXPECT_EQ(s.error_message().find(kIdCard1970), std::string::npos);  // never repeats the number
  MustCreate("clerk11", Organisation(v1::BORROWER_TYPE_COOPERATIVE, "合作社", "v11", kCoopCode));
  s = Create("clerk21", Organisation(v1::BORROWER_TYPE_COOPERATIVE, "另一合作社", "v21", kCoopCode), &out);
  EXPECT_EQ(ReasonOf(s), "BORROWER_EXISTS");
}

TEST_F(BorrowersApi, ARetryReturnsTheFirstAnswerAndChangesNothing) {
  v1::Borrower first, again;
  ASSERT_TRUE(Create("clerk11", Household(), &first, "intake-42").ok());
  const size_t events = OutboxEvents().size();
  ASSERT_TRUE(Create("clerk11", Household(), &again, "intake-42").ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(Listed(Admin()).size(), 1u);
  EXPECT_EQ(OutboxEvents().size(), events);
  // The same id for another request is refused.
  const grpc::Status s = Create("clerk11", Household("李四", "v11", kIdCard1980), &again, "intake-42");
  EXPECT_EQ(ReasonOf(s), "REQUEST_ID_REUSED");
}

TEST_F(BorrowersApi, AnUpdateChecksTheEtagAndTheMask) {
  const v1::Borrower b = MustCreate("clerk11", Household());
  v1::UpdateBorrowerRequest req;
  req.set_request_id(NextRequestId());
  *req.mutable_borrower() = b;
  req.mutable_borrower()->set_display_name("张三（户主）");
  req.mutable_update_mask()->add_paths("display_name");
  v1::Borrower updated;
  ASSERT_TRUE(borrowers_->UpdateBorrower(As("clerk11").get(), req, &updated).ok());
  EXPECT_EQ(updated.display_name(), "张三（户主）");
  EXPECT_EQ(updated.etag(), "2");
  EXPECT_EQ(updated.person().id_card_number(), kIdCard1970);

  req.set_request_id(NextRequestId());  // the first etag again
  grpc::Status s = borrowers_->UpdateBorrower(As("clerk11").get(), req, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);

  req.set_request_id(NextRequestId());
  req.mutable_borrower()->set_etag("2");
  req.mutable_update_mask()->add_paths("type");
  s = borrowers_->UpdateBorrower(As("clerk11").get(), req, &updated);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"update_mask"});

  // Another village's clerk may not change it.
  req.set_request_id(NextRequestId());
  req.mutable_update_mask()->clear_paths();
  req.mutable_update_mask()->add_paths("display_name");
  s = borrowers_->UpdateBorrower(As("clerk21").get(), req, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(s), "CAPABILITY_MISSING");
}

TEST_F(BorrowersApi, EachCallerSeesItsOwnPlace) {
  const v1::Borrower v11 = MustCreate("clerk11", Household());
  const v1::Borrower v12 = MustCreate("clerk1", Household("李四", "v12", kIdCard1980));
  const v1::Borrower v21 = MustCreate("clerk21", Household("王五", "v21", kIdCard1990));
  const v1::Borrower leading =
      MustCreate("clerk1", Organisation(v1::BORROWER_TYPE_LEADING_ENTERPRISE, "龙头企业", "town1", kLeadingCode));

  v1::Borrower got;
  grpc::Status s = Get(As("clerk21"), v11.name(), &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Listed(As("clerk21")), std::set<std::string>{v21.name()});
  EXPECT_EQ(Listed(As("clerk11")), std::set<std::string>{v11.name()});
  EXPECT_EQ(Listed(As("director1")), (std::set<std::string>{v11.name(), v12.name(), leading.name()}));
  EXPECT_EQ(Listed(As("reviewer")), (std::set<std::string>{v11.name(), v12.name(), v21.name(), leading.name()}));
  EXPECT_EQ(Listed(Admin()).size(), 4u);
  EXPECT_EQ(Listed(Auditor()).size(), 4u);
  EXPECT_TRUE(Listed(As("rcc-officer")).empty());
  EXPECT_EQ(Get(As("rcc-officer"), v11.name(), &got).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Get(As("director1"), v11.name(), &got).ok());

  // A unit filter: inside the caller's place only, with or without its subtree.
  v1::ListBorrowersRequest req;
  req.set_unit("units/town1");
  EXPECT_EQ(Listed(As("reviewer"), req), std::set<std::string>{leading.name()});
  req.set_include_subtree(true);
  EXPECT_EQ(Listed(As("reviewer"), req), (std::set<std::string>{v11.name(), v12.name(), leading.name()}));
  v1::ListBorrowersResponse resp;
  s = borrowers_->ListBorrowers(As("clerk21").get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Other filters, and pages.
  v1::ListBorrowersRequest by_card;
  by_card.set_id_card_number(kIdCard1980);
  EXPECT_EQ(Listed(Admin(), by_card), std::set<std::string>{v12.name()});
  v1::ListBorrowersRequest by_prefix;
  by_prefix.set_display_name_prefix("龙头");
  EXPECT_EQ(Listed(Admin(), by_prefix), std::set<std::string>{leading.name()});
  v1::ListBorrowersRequest paged;
  paged.set_page_size(3);
  ASSERT_TRUE(borrowers_->ListBorrowers(Admin().get(), paged, &resp).ok());
  EXPECT_EQ(resp.borrowers_size(), 3);
  ASSERT_FALSE(resp.next_page_token().empty());
  paged.set_page_token(resp.next_page_token());
  v1::ListBorrowersResponse rest;
  ASSERT_TRUE(borrowers_->ListBorrowers(Admin().get(), paged, &rest).ok());
  EXPECT_EQ(rest.borrowers_size(), 1);
  EXPECT_TRUE(rest.next_page_token().empty());
}

TEST_F(BorrowersApi, PersonalDataIsMaskedForReadersWithoutIntakeAndInAuditEvents) {
  const v1::Borrower b = MustCreate("clerk11", Household());
  v1::Borrower got;
  ASSERT_TRUE(Get(As("clerk11"), b.name(), &got).ok());
  EXPECT_EQ(got.person().id_card_number(), kIdCard1970);
  EXPECT_EQ(got.person().phone(), kPhone);
  ASSERT_TRUE(Get(As("director1"), b.name(), &got).ok());  // no loans.intake
  EXPECT_EQ(got.person().id_card_number(), "131***********1239");
  EXPECT_EQ(got.person().phone(), "138****5678");
  EXPECT_EQ(got.settlement_account().account_number(), "6222***********0123");
  ASSERT_TRUE(Get(Admin(), b.name(), &got).ok());
  EXPECT_EQ(got.person().id_card_number(), "131***********1239");
  v1::ListBorrowersResponse resp;
  ASSERT_TRUE(borrowers_->ListBorrowers(As("reviewer").get(), {}, &resp).ok());
  ASSERT_EQ(resp.borrowers_size(), 1);
  EXPECT_EQ(resp.borrowers(0).person().phone(), "138****5678");

  const std::vector<audit::v1::Event> events = OutboxEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action(), "loans.CreateBorrower");
  const std::string& json = events[0].after_json();
  EXPECT_NE(json.find("131***********1239"), std::string::npos) << json;
  for (const char* secret : {kIdCard1970, kPhone, kAccount}) {
    EXPECT_EQ(json.find(secret), std::string::npos) << secret << " in " << json;
  }
}

TEST_F(BorrowersApi, PovertyRegistrationIsDatedAndReadAsOfADay) {
  v1::CreateBorrowerRequest create;
  create.set_request_id(NextRequestId());
  *create.mutable_borrower() = Household();
  *create.mutable_poverty_registration() = Registered(Day(2016, 3, 1), "JD-131022-0001");
  v1::Borrower b;
  ASSERT_TRUE(borrowers_->CreateBorrower(As("clerk11").get(), create, &b).ok());
  ASSERT_EQ(b.person().poverty_registrations_size(), 1);
  EXPECT_EQ(b.person().poverty_registrations(0).registered_by(), "staff/clerk11");
  EXPECT_TRUE(b.person().registered_poor());

  grpc::Status s = Change("clerk11", b, Registered(Day(2017, 1, 1), "JD-2"), &b);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "ALREADY_REGISTERED");
  s = Change("clerk11", b, Lifted(Day(2016, 3, 1)), &b);  // not after the day it began
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"change.effective_date"});
  ASSERT_TRUE(Change("clerk11", b, Lifted(Day(2020, 6, 30)), &b).ok());
  s = Change("clerk11", b, Lifted(Day(2021, 1, 1)), &b);
  EXPECT_EQ(ReasonOf(s), "NOT_REGISTERED");
  s = Change("clerk11", b, Registered(Day(2020, 6, 1), "JD-3"), &b);  // before the lifting
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"change.effective_date"});
  const absl::CivilDay tomorrow = clock_->Today() + 1;
  s = Change("clerk11", b, Registered(rpc::ToDate(tomorrow), "JD-3"), &b);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"change.effective_date"});
  s = Change("clerk11", b, Registered(Day(2023, 1, 1), ""), &b);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"change.registration_number"});
  s = Change("clerk21", b, Registered(Day(2023, 1, 1), "JD-3"), &b);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::Borrower stale = b;
  stale.set_etag("1");
  s = Change("clerk11", stale, Registered(Day(2023, 1, 1), "JD-3"), &b);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  ASSERT_TRUE(Change("clerk11", b, Registered(Day(2023, 1, 1), "JD-3"), &b).ok());
  ASSERT_EQ(b.person().poverty_registrations_size(), 2);
  EXPECT_EQ(b.person().poverty_registrations(0).lifted_date().year(), 2020);

  // As of a day: registered 2016-03-01 .. 2020-06-29, and again from 2023-01-01.
  v1::Borrower got;
  for (const auto& [day, poor] : std::vector<std::pair<type::v1::Date, bool>>{
           {Day(2016, 2, 29), false}, {Day(2016, 3, 1), true}, {Day(2020, 6, 29), true},
           {Day(2020, 6, 30), false}, {Day(2022, 12, 31), false}, {Day(2023, 1, 1), true}}) {
    ASSERT_TRUE(Get(As("clerk11"), b.name(), &got, &day).ok());
    EXPECT_EQ(got.person().registered_poor(), poor) << day.ShortDebugString();
  }
  const v1::Borrower other = MustCreate("clerk11", Household("李四", "v11", kIdCard1980));
  v1::ListBorrowersRequest poor;
  poor.set_registered_poor_only(true);
  EXPECT_EQ(Listed(As("clerk11"), poor), std::set<std::string>{b.name()});
  poor.set_type(v1::BORROWER_TYPE_COOPERATIVE);  // only households are registered
  EXPECT_TRUE(Listed(As("clerk11"), poor).empty());
  poor.clear_type();
  *poor.mutable_as_of() = Day(2021, 1, 1);
  EXPECT_TRUE(Listed(As("clerk11"), poor).empty());
  EXPECT_EQ(Listed(As("clerk11")), (std::set<std::string>{b.name(), other.name()}));

  // Only a household has a registration.
  const v1::Borrower coop =
      MustCreate("clerk11", Organisation(v1::BORROWER_TYPE_COOPERATIVE, "合作社", "v11", kCoopCode2));
  s = Change("clerk11", coop, Registered(Day(2023, 1, 1), "JD-4"), &got);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"name"});
}

TEST_F(BorrowersApi, TheBlacklistNeedsTwoReviewers) {
  const v1::Borrower b = MustCreate("clerk11", Household());
  v1::BlacklistEntry entry, again;
  grpc::Status s = Blacklist("clerk11", b, &entry);
  EXPECT_EQ(ReasonOf(s), "CAPABILITY_MISSING");
  s = Blacklist("reviewer", b, &entry);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(entry.active());
  EXPECT_EQ(entry.listed_by(), "staff/reviewer");
  v1::Borrower got;
  ASSERT_TRUE(Get(As("clerk11"), b.name(), &got).ok());
  EXPECT_TRUE(got.blacklisted());
  EXPECT_EQ(got.blacklist_entry(), entry.name());
  s = Blacklist("reviewer2", b, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ReasonOf(s), "ALREADY_BLACKLISTED");

  s = Unlist("reviewer", entry, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(s), "SELF_APPROVAL");
  v1::BlacklistEntry removed;
  ASSERT_TRUE(Unlist("reviewer2", entry, &removed).ok());
  EXPECT_FALSE(removed.active());
  EXPECT_EQ(removed.removed_by(), "staff/reviewer2");
  EXPECT_EQ(removed.removal_reason(), "已全额还款");
  ASSERT_TRUE(Get(As("clerk11"), b.name(), &got).ok());
  EXPECT_FALSE(got.blacklisted());
  EXPECT_EQ(got.blacklist_entry(), "");
  s = Unlist("reviewer2", entry, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  s = Unlist("reviewer2", removed, &again);
  EXPECT_EQ(ReasonOf(s), "INVALID_TRANSITION");

  // Listed again; the lists.
  v1::BlacklistEntry second;
  ASSERT_TRUE(Blacklist("reviewer2", b, &second).ok());
  v1::ListBlacklistEntriesRequest req;
  v1::ListBlacklistEntriesResponse resp;
  ASSERT_TRUE(borrowers_->ListBlacklistEntries(As("reviewer").get(), req, &resp).ok());
  EXPECT_EQ(resp.entries_size(), 2);
  req.set_active_only(true);
  resp.Clear();
  ASSERT_TRUE(borrowers_->ListBlacklistEntries(As("clerk11").get(), req, &resp).ok());
  ASSERT_EQ(resp.entries_size(), 1);
  EXPECT_EQ(resp.entries(0).name(), second.name());
  resp.Clear();
  ASSERT_TRUE(borrowers_->ListBlacklistEntries(As("clerk21").get(), {}, &resp).ok());
  EXPECT_EQ(resp.entries_size(), 0);
  req.set_borrower(b.name());
  EXPECT_EQ(borrowers_->ListBlacklistEntries(As("clerk21").get(), req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ListBorrowersRequest blacklisted;
  blacklisted.set_blacklisted_only(true);
  EXPECT_EQ(Listed(Admin(), blacklisted), std::set<std::string>{b.name()});

  std::set<std::string> actions;
  for (const auto& e : OutboxEvents()) actions.insert(e.action());
  EXPECT_EQ(actions, (std::set<std::string>{"loans.CreateBorrower", "loans.AddToBlacklist",
                                            "loans.RemoveFromBlacklist"}));
}

TEST_F(BorrowersApi, EligibilityNamesEveryFailedRule) {
  {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::InsertPolicy(**conn, CountyPolicy2026()).ok());
    ASSERT_TRUE(store::InsertProduct(**conn, PovertySmallLoanProduct()).ok());
  }
  v1::CreateBorrowerRequest create;
  create.set_request_id(NextRequestId());
  *create.mutable_borrower() = Household();
  *create.mutable_poverty_registration() = Registered(Day(2016, 3, 1), "JD-131022-0001");
  v1::Borrower poor;
  ASSERT_TRUE(borrowers_->CreateBorrower(As("clerk11").get(), create, &poor).ok());
  const v1::Borrower not_poor = MustCreate("clerk11", Household("李四", "v11", kIdCard1980));

  v1::EligibilityResult result;
  EXPECT_TRUE(Rules("clerk11", Ask(poor, 5'000'000, 36, v1::PURPOSE_PRODUCTION), &result).empty());
  EXPECT_TRUE(result.eligible());
  EXPECT_EQ(result.ceiling().fen(), 5'000'000);
  EXPECT_EQ(result.policy(), std::string("countyPolicies/") + kCountyPolicy2026Id);
  // 50,000.01 CNY is one fen above the ceiling.
  EXPECT_EQ(Rules("director1", Ask(poor, 5'000'001, 36, v1::PURPOSE_PRODUCTION), &result),
            std::set<std::string>{"CEILING"});
  EXPECT_FALSE(result.eligible());
  // Four rules broken at once, four findings.
  EXPECT_EQ(Rules("clerk11", Ask(not_poor, 5'000'001, 37, v1::PURPOSE_PERSONAL_CONSUMPTION), &result),
            (std::set<std::string>{"POOR_HOUSEHOLD_ONLY", "CEILING", "TERM_LIMIT", "PURPOSE_CONSUMPTION"}));
  for (const auto& f : result.findings()) {
    EXPECT_FALSE(f.limit().empty()) << f.rule();
    EXPECT_FALSE(f.value().empty()) << f.rule();
  }
  // Registered in 2016, so eligible as of a day in 2026 only; the policy starts in 2026.
  v1::CheckEligibilityRequest before_policy = Ask(poor, 5'000'000, 36, v1::PURPOSE_PRODUCTION);
  *before_policy.mutable_as_of() = Day(2025, 12, 31);
  grpc::Status s = borrowers_->CheckEligibility(As("clerk11").get(), before_policy, &result);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "NO_POLICY");

  // The blacklist and a suspended township each add a finding.
  v1::BlacklistEntry entry;
  ASSERT_TRUE(Blacklist("reviewer", poor, &entry).ok());
  {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::SetTownshipLendingStatus(**conn, "town1", LendingStatus::kSuspended, absl::Now()).ok());
  }
  EXPECT_EQ(Rules("clerk11", Ask(poor, 5'000'000, 36, v1::PURPOSE_PRODUCTION), &result),
            (std::set<std::string>{"BLACKLISTED", "TOWNSHIP_SUSPENDED"}));

  // Bad fields, other places, unknown products.
  v1::CheckEligibilityRequest bad;
  bad.set_borrower(poor.name());
  s = borrowers_->CheckEligibility(As("clerk11").get(), bad, &result);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"product", "amount", "term_months", "purpose"}));
  s = borrowers_->CheckEligibility(As("clerk21").get(), Ask(poor, 5'000'000, 36, v1::PURPOSE_PRODUCTION), &result);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::CheckEligibilityRequest unknown = Ask(poor, 5'000'000, 36, v1::PURPOSE_PRODUCTION);
  unknown.set_product("products/01PRODUCTNONE0000000000001");
  EXPECT_EQ(borrowers_->CheckEligibility(As("clerk11").get(), unknown, &result).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(BorrowersApi, SvcOrgUnreachableIsUnavailable) {
  const v1::Borrower b = MustCreate("clerk11", Household());
  org_->SetUnreachable(true);
  v1::Borrower out;
  EXPECT_EQ(Create("clerk11", Household("李四", "v11", kIdCard1980), &out).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(Get(As("clerk11"), b.name(), &out).error_code(), grpc::StatusCode::UNAVAILABLE);
  v1::ListBorrowersResponse resp;
  EXPECT_EQ(borrowers_->ListBorrowers(As("clerk11").get(), {}, &resp).error_code(), grpc::StatusCode::UNAVAILABLE);
  v1::BlacklistEntry entry;
  EXPECT_EQ(Blacklist("reviewer", b, &entry).error_code(), grpc::StatusCode::UNAVAILABLE);
  org_->SetUnreachable(false);
  EXPECT_EQ(Listed(Admin()).size(), 1u);
}

}  // namespace
}  // namespace huinong::loans
