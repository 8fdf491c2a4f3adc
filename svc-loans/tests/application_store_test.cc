// Applications in MariaDB (migration 0003): the loan asked for and every
// step's record read back as written; a township pages through its own
// applications by id; the overdue county reviews are the SURVEYED ones
// whose deadline has passed, oldest first.
#include <gtest/gtest.h>

#include "svc-loans/src/store/application_store.h"
#include "svc-loans/tests/loans_database.h"

namespace huinong::loans {
namespace {

constexpr char kTownship[] = "01TOWNSHIP0000000000000001";
const absl::Time kNine = absl::FromUnixSeconds(1'796'173'200);  // 2026-12-02 09:00 Beijing

Application Draft(const char* id, const char* township = kTownship) {
  Application a;
  a.id = id;
  a.borrower_id = "01BORROWER0000000000000001";
  a.unit_id = "01VILLAGE00000000000000001";
  a.township_id = township;
  a.county_id = "01GUANCOUNTY0000000000000A";
  a.product_id = "01PRODUCTSMALL000000000001";
  a.request.product = ProductKind::kPovertySmallLoan;
  a.request.amount_fen = 5'000'000;
  a.request.term_months = 36;
  a.request.rate_bp = 435;
  a.request.industry = "食用菌";
  a.request.application_date = absl::CivilDay(2026, 12, 2);
  a.create_time = a.update_time = kNine;
  return a;
}

using ApplicationStore = LoansDatabaseTest;

TEST_F(ApplicationStore, TheLoanAndEveryStepReadBack) {
  Application a = Draft("01APPLICATION0000000000001");
  ASSERT_TRUE(store::InsertApplication(conn(), a).ok());
  ASSERT_TRUE(Take(a, {ApplicationEvent::kSubmit, "staff/clerk", kNine, "", {}}).ok());
  ASSERT_TRUE(Take(a, {ApplicationEvent::kRecordSurvey, "staff/director", kNine + absl::Hours(26), "符合条件",
                       {{"docs://survey/1", "ab12", "调查报告"}}})
                  .ok());
  a.policy_id = "01POLICY2026A0000000000000";
  a.review_due = kNine + absl::Hours(24 * 4);
  a.version = 3;
  ASSERT_TRUE(store::UpdateApplication(conn(), a).ok());

  auto read = store::GetApplication(conn(), a.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  const Application& b = **read;
  EXPECT_EQ(b.state, ApplicationState::kSurveyed);
  EXPECT_EQ(b.submitted_by, "staff/clerk");
  EXPECT_EQ(b.submit_time, kNine);
  EXPECT_EQ(b.review_due, kNine + absl::Hours(96));
  EXPECT_EQ(b.request.amount_fen, 5'000'000);
  EXPECT_EQ(b.request.industry, "食用菌");
  EXPECT_EQ(b.request.application_date, absl::CivilDay(2026, 12, 2));
  EXPECT_EQ(b.policy_id, "01POLICY2026A0000000000000");
  ASSERT_EQ(b.steps.size(), 2u);
  EXPECT_EQ(b.steps[1].event, ApplicationEvent::kRecordSurvey);
  EXPECT_EQ(b.steps[1].at, kNine + absl::Hours(26));
  EXPECT_EQ(b.steps[1].documents[0].title, "调查报告");
  EXPECT_EQ(b.version, 3);
}

TEST_F(ApplicationStore, ATownshipPagesThroughItsOwn) {
  ASSERT_TRUE(store::InsertApplication(conn(), Draft("01APPLICATION0000000000001")).ok());
  ASSERT_TRUE(store::InsertApplication(conn(), Draft("01APPLICATION0000000000002")).ok());
  ASSERT_TRUE(store::InsertApplication(conn(), Draft("01APPLICATION0000000000003", "01TOWNSHIP0000000000000002"))
                  .ok());
  store::ApplicationQuery q;
  q.township_id = kTownship;
  q.limit = 1;
  auto page = store::ListApplications(conn(), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01APPLICATION0000000000001");
  q.after_id = (*page)[0].id;
  q.limit = 10;
  page = store::ListApplications(conn(), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01APPLICATION0000000000002");
}

TEST_F(ApplicationStore, OverdueReviewsAreTheSurveyedPastTheirDeadline) {
  Application late = Draft("01APPLICATION0000000000001");
  late.state = ApplicationState::kSurveyed;
  late.review_due = kNine;
  Application due_later = Draft("01APPLICATION0000000000002");
  due_later.state = ApplicationState::kSurveyed;
  due_later.review_due = kNine + absl::Hours(48);
  Application approved = Draft("01APPLICATION0000000000003");
  approved.state = ApplicationState::kApproved;
  approved.review_due = kNine - absl::Hours(48);
  for (const Application& a : {late, due_later, approved}) ASSERT_TRUE(store::InsertApplication(conn(), a).ok());

  auto overdue = store::OverdueReviews(conn(), kNine + absl::Hours(1), 10);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ((*overdue)[0].id, "01APPLICATION0000000000001");
  overdue = store::OverdueReviews(conn(), kNine + absl::Hours(48), 10);
  ASSERT_TRUE(overdue.ok());
  EXPECT_EQ(overdue->size(), 2u);
}

}  // namespace
}  // namespace huinong::loans
