// BorrowerService end to end in process (tests/loans_fixture.h): real
// database, real tokens, svc-org answered from the fixture's county. Each
// borrower type at the level it belongs to; identity numbers checked
// (GB 11643) and unique; every bad field named at once; retries and stale
// etags; who sees which borrowers and who sees their personal data in
// clear (responses and the audit events in the outbox); dated poor-household
// registration read as of a day; the blacklist with four eyes; svc-org down.
#include <gtest/gtest.h>

#include "svc-loans/tests/borrowers_fixture.h"

namespace huinong::loans {
namespace {

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

}  // namespace
}  // namespace huinong::loans
