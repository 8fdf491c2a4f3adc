// BorrowerService through the real server, continued: each caller's place,
// masking, dated poverty registration, the blacklist's four eyes,
// eligibility naming every failed rule, svc-org down.
#include <gtest/gtest.h>

#include "svc-loans/tests/borrowers_fixture.h"

namespace huinong::loans::borrowers_api_test {

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
    TownshipBreakerRecord suspended;
    suspended.township_id = "town1";
    suspended.county_id = "county";
    suspended.breaker.state = BreakerState::kSuspended;
    suspended.update_time = absl::Now();
    ASSERT_TRUE(store::SaveTownshipBreaker(**conn, suspended).ok());
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

}  // namespace huinong::loans::borrowers_api_test
