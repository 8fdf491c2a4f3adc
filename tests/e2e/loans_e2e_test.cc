// The loans programme end to end with huinongctl through the gateway, each
// step with the token of the demo person whose post holds it (issue 10,
// "Done when"): a registered poor household's small loan from the village
// station to a disbursed second draw on its credit line, and a cooperative's
// industry loan through the guarantee company and PICC's desk at the county
// centre, each leaving its audit trail in svc-audit; a submission that
// breaks four lending rules refused naming all four; and the other bank's
// officer refused at the contract (only the recommended bank signs).
//
// The people are found at test time from the demo structure (by capability
// and unit); every borrower is new (its ID-card number or credit code made
// unique with a correct check character), so the test runs again on the
// same suite. Figures from the seeds: the surety premium 1.2% and the
// guarantee fee 1.0% of the approved amount (`000:1505`), the small loan at
// the 435 bp base rate.
#include <algorithm>
#include <functional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "huinong/audit/v1/audit.pb.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/borrowers.pb.h"
#include "huinong/loans/v1/credit_lines.pb.h"
#include "huinong/loans/v1/products.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "huinong/org/v1/units.pb.h"
#include "svc-loans/src/domain/credit_code.h"
#include "svc-loans/src/domain/id_card.h"
#include "tests/e2e/ctl.h"
#include "tests/e2e/loans_e2e_fixture.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

TEST_F(LoansE2E, HouseholdSmallLoanFromTheVillageStationToADrawOnItsCreditLine) {
  const std::string today = Day(today_);
  const auto borrower = Json<v1::Borrower>(
      agent_.token, {"borrower", "create", "--type", "household", "--name", "测试农户" + Unique(), "--unit", village_,
                     "--id-card", IdCard(absl::CivilDay(1975, 5, 5)), "--birth-date", "1975-05-05", "--poor-from",
                     "2025-03-01", "--poverty-number", "GA-E2E-" + Unique(), "--credit-checked", Day(today_ - 10),
                     "--bank", "nxs", "--account", "6230530199990001"});
  ASSERT_TRUE(borrower.person().registered_poor());

  v1::Application a = Step(agent_, {"application", "create", "--borrower", borrower.name(), "--product", small_,
                                    "--amount", "50000", "--term", "36", "--purpose", "production", "--detail",
                                    "养殖肉牛两头"});
  const std::string name = a.name();
  a = Step(agent_, {"application", "submit", name});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_SUBMITTED);
  EXPECT_EQ(a.submitted_by(), agent_.staff);

  a = Step(director_, {"application", "survey", name, "--lead", director_.staff, "--member",
                       "bank-credit-officer:信贷员:" + rcu_officer_.staff, "--visit-date", today, "--findings",
                       "家庭劳动力充足，资金用途真实", "--report", "https://docs.example.cn/e2e/survey.pdf",
                       "--guarantee-application", "https://docs.example.cn/e2e/guarantee-application.pdf"});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_SURVEYED);
  EXPECT_TRUE(a.has_review_due_date());

  // Only a bank the county policy names is recommended (the guarantee company is none).
  const Cli not_a_bank = Ctl(reviewer_.token, {"application", "review", name, "--amount", "50000", "--term", "36",
                                               "--rate", "435", "--bank", guarantee_company_});
  EXPECT_EQ(not_a_bank.code, 1);
  EXPECT_TRUE(absl::StrContains(not_a_bank.err, "review.recommended_bank")) << not_a_bank.err;
  a = Step(reviewer_, {"application", "review", name, "--amount", "50000", "--term", "36", "--rate", "435", "--bank",
                       rcu_});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_REVIEWED);
  EXPECT_TRUE(a.review().on_time());

  a = Step(guarantor_, {"application", "guarantee", name, "--contract-number", "DB-" + Unique(), "--amount", "50000",
                        "--contract", "https://docs.example.cn/e2e/guarantee.pdf"});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_GUARANTEED);
  EXPECT_EQ(a.guarantee().guarantor(), guarantee_company_);
  EXPECT_EQ(a.guarantee().service_fee().fen(), 50000);  // 1.0% of 50,000 CNY

  a = Step(insurer_, {"application", "insure", name, "--kind", "surety", "--policy-number", "PICC-" + Unique(),
                      "--amount", "50000", "--cover-from", today, "--cover-to", Day(today_ + 3 * 365)});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_INSURED);
  EXPECT_EQ(a.insurance().insurer(), picc_);
  EXPECT_EQ(a.insurance().premium().fen(), 60000);  // 1.2% of 50,000 CNY

  // The county recommended the credit union: the Agricultural Bank may not sign.
  const Cli other_bank = Ctl(abc_officer_.token, {"application", "contract", name, "--contract-number", "X-1",
                                                  "--signed", today, "--amount", "50000", "--term", "36", "--rate",
                                                  "435"});
  EXPECT_EQ(other_bank.code, 1);
  EXPECT_TRUE(absl::StrContains(other_bank.err, "PERMISSION_DENIED")) << other_bank.err;

  const std::string contract_number = "JK-" + Unique();
  a = Step(rcu_officer_, {"application", "contract", name, "--contract-number", contract_number, "--signed", today,
                          "--amount", "50000", "--term", "36", "--rate", "435", "--contract",
                          "loan_contract|" + contract_number + "|https://docs.example.cn/e2e/contract.pdf"});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_CONTRACTED);
  EXPECT_TRUE(a.contract().eligibility_rechecked());
  EXPECT_EQ(a.contract().contract().kind(), "loan_contract");
  EXPECT_EQ(a.contract().contract().number(), contract_number);

  a = Step(rcu_officer_, {"application", "disburse", name, "--amount", "30000", "--value-date", today,
                          "--bank-reference", "E2E-" + Unique()});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_DISBURSED);
  ASSERT_FALSE(a.credit_line().empty());
  ASSERT_FALSE(a.loan().empty());

  auto line = Json<v1::CreditLine>(rcu_officer_.token, {"creditline", "get", a.credit_line()});
  EXPECT_EQ(line.limit().fen(), 5000000);
  EXPECT_EQ(line.available().fen(), 2000000);  // 50,000 − 30,000 drawn
  const auto draw = Json<v1::Loan>(rcu_officer_.token,
                                   {"creditline", "draw", line.name(), "--amount", "20000", "--value-date", today,
                                    "--term", "12", "--bank-reference", "E2E-" + Unique(), "--purpose", "production"});
  EXPECT_EQ(draw.principal().fen(), 2000000);
  EXPECT_EQ(draw.credit_line(), line.name());
  EXPECT_EQ(draw.term_months(), 12);
  line = Json<v1::CreditLine>(rcu_officer_.token, {"creditline", "get", line.name()});
  EXPECT_EQ(line.available().fen(), 0);
  EXPECT_EQ(line.draw_count(), 2);
  const auto loans = Json<v1::ListLoansResponse>(agent_.token, {"loan", "list", "--borrower", borrower.name()});
  EXPECT_EQ(loans.loans_size(), 2);

  // The bank extends the 12-month draw by 24 months: 36 in all, maturing on
  // the line's expiry; one month more breaks both rules (000:1509).
  const auto extended = Json<v1::Loan>(rcu_officer_.token,
                                       {"loan", "extend", draw.name(), "--months", "24", "--reason", "养殖周期延长",
                                        "--agreement", "extension_agreement|ZQ-" + Unique() +
                                                           "|https://docs.example.cn/e2e/extension.pdf"});
  ASSERT_EQ(extended.extensions_size(), 1);
  EXPECT_EQ(extended.maturity_date().SerializeAsString(), line.expiry_date().SerializeAsString());
  const Cli beyond = Ctl(rcu_officer_.token, {"loan", "extend", draw.name(), "--months", "1", "--reason", "再展期",
                                              "--agreement", "https://docs.example.cn/e2e/extension-2.pdf"});
  EXPECT_EQ(beyond.code, 1);
  EXPECT_TRUE(absl::StrContains(beyond.err, "TERM_LIMIT_EXCEEDED")) << beyond.err;
  EXPECT_TRUE(absl::StrContains(beyond.err, "CREDIT_LINE_EXPIRED")) << beyond.err;

  // The village station's return visit (000:1453), listed by the township director.
  const auto visit = Json<v1::ReturnVisit>(agent_.token, {"loan", "visit", a.loan(), "--date", today, "--visitor",
                                                          agent_.staff, "--findings", "肉牛两头已购入", "--funds",
                                                          "as-contracted", "--production", "normal"});
  EXPECT_EQ(visit.recorded_by(), agent_.staff);
  const auto visits = Json<v1::ListReturnVisitsResponse>(director_.token, {"loan", "visits", a.loan()});
  ASSERT_EQ(visits.visits_size(), 1);
  EXPECT_EQ(visits.visits(0).name(), visit.name());

  // The audit trail: every step, each by its own person.
  const std::vector<std::string> actors = AuditActors(name, 8);  // create, submit … disburse
  for (const Person* who : {&agent_, &director_, &reviewer_, &guarantor_, &insurer_, &rcu_officer_}) {
    EXPECT_NE(std::find(actors.begin(), actors.end(), who->staff), actors.end()) << who->staff;
  }
}

TEST_F(LoansE2E, CooperativeIndustryLoanWithGuaranteeAndInsurance) {
  const std::string today = Day(today_);
  const auto coop = Json<v1::Borrower>(
      agent_.token, {"borrower", "create", "--type", "cooperative", "--name", "测试蔬菜合作社" + Unique(), "--unit",
                     village_, "--credit-code", CreditCode(), "--representative", "韩立柱", "--qualified",
                     "--shareholders", "100", "--driven", "30", "--credit-checked", Day(today_ - 10), "--bank", "nxs",
                     "--account", "6230530199990002"});
  const std::string name =
      Step(agent_, {"application", "create", "--borrower", coop.name(), "--product", industry_, "--amount", "800000",
                    "--term", "24", "--purpose", "business-operation", "--detail", "新建蔬菜冷库"})
          .name();
  ASSERT_EQ(Step(agent_, {"application", "submit", name}).state(), v1::APPLICATION_STATE_SUBMITTED);
  Step(director_, {"application", "survey", name, "--lead", director_.staff, "--member",
                   "bank-credit-officer:信贷员:" + abc_officer_.staff, "--visit-date", today, "--findings", "经营正常",
                   "--report", "https://docs.example.cn/e2e/coop-survey.pdf", "--guarantee-application",
                   "https://docs.example.cn/e2e/coop-guarantee-application.pdf", "--benefit-sharing",
                   "https://docs.example.cn/e2e/coop-benefit-sharing.pdf"});
  // base 435 × 1.3 = 565.5: 565 bp is inside the product's ×1.0–×1.45.
  Step(reviewer_, {"application", "review", name, "--amount", "800000", "--term", "24", "--rate", "565", "--bank", abc_});
  v1::Application a = Step(guarantor_, {"application", "guarantee", name, "--contract-number", "DB-" + Unique(),
                                        "--amount", "800000", "--contract", "https://docs.example.cn/e2e/coop-db.pdf"});
  EXPECT_EQ(a.guarantee().service_fee().fen(), 800000);  // 1.0% of 800,000 CNY
  a = Step(insurer_, {"application", "insure", name, "--kind", "surety", "--policy-number", "PICC-" + Unique(),
                      "--amount", "800000", "--cover-from", today, "--cover-to", Day(today_ + 2 * 365)});
  EXPECT_EQ(a.insurance().premium().fen(), 960000);  // 1.2% of 800,000 CNY
  a = Step(abc_officer_, {"application", "contract", name, "--contract-number", "JK-" + Unique(), "--signed", today,
                          "--amount", "800000", "--term", "24", "--rate", "565"});
  EXPECT_TRUE(a.contract().entrusted_payment());  // above the county's 500,000 CNY
  // Entrusted payment without the payee is refused, naming the field.
  const Cli no_payee = Ctl(abc_officer_.token, {"application", "disburse", name, "--amount", "800000", "--value-date",
                                                today, "--bank-reference", "E2E-" + Unique()});
  EXPECT_EQ(no_payee.code, 1);
  EXPECT_TRUE(absl::StrContains(no_payee.err, "entrusted_payee")) << no_payee.err;
  a = Step(abc_officer_, {"application", "disburse", name, "--amount", "800000", "--value-date", today,
                          "--bank-reference", "E2E-" + Unique(), "--payee-name", "廊坊市冷链设备有限公司",
                          "--payee-account", "1310220000000088", "--payee-bank", "中国农业银行廊坊分行",
                          "--payee-basis", "https://docs.example.cn/e2e/coop-order.pdf"});
  ASSERT_EQ(a.state(), v1::APPLICATION_STATE_DISBURSED);
  EXPECT_TRUE(a.credit_line().empty());  // an industry loan opens no credit line
  const auto loan = Json<v1::Loan>(abc_officer_.token, {"loan", "get", a.loan()});
  EXPECT_EQ(loan.principal().fen(), 80000000);
  EXPECT_EQ(loan.rate_bp(), 565);

  const std::vector<std::string> actors = AuditActors(name, 8);  // create, submit … disburse
  for (const Person* who : {&agent_, &director_, &reviewer_, &guarantor_, &insurer_, &abc_officer_}) {
    EXPECT_NE(std::find(actors.begin(), actors.end(), who->staff), actors.end()) << who->staff;
  }
  EXPECT_EQ(Ctl("", {"audit", "history", name}).code, 0);
}

TEST_F(LoansE2E, ASubmissionBreakingFourRulesIsRefusedNamingAllFour) {
  // 61 on the application day, not registered poor, a bad credit record,
  // and the money for a car.
  const absl::CivilDay born(today_.year() - 61, today_.month(), today_.day());
  const auto borrower = Json<v1::Borrower>(
      agent_.token, {"borrower", "create", "--type", "household", "--name", "测试超龄农户" + Unique(), "--unit",
                     village_, "--id-card", IdCard(born), "--birth-date", Day(born), "--credit-checked",
                     Day(today_ - 10), "--bad-credit", "--bank", "nxs", "--account", "6230530199990003"});
  const std::string name =
      Step(agent_, {"application", "create", "--borrower", borrower.name(), "--product", small_, "--amount", "50000",
                    "--term", "36", "--purpose", "personal-consumption", "--detail", "购买小汽车"})
          .name();
  const Cli refused = Ctl(agent_.token, {"application", "submit", name});
  EXPECT_EQ(refused.code, 1);
  EXPECT_TRUE(absl::StrContains(refused.err, "FAILED_PRECONDITION")) << refused.err;
  EXPECT_TRUE(absl::StrContains(refused.err, "broken rules (4)")) << refused.err;
  for (const char* rule : {"AGE_LIMIT", "POOR_HOUSEHOLD_ONLY", "CREDIT", "PURPOSE_CONSUMPTION"}) {
    EXPECT_TRUE(absl::StrContains(refused.err, rule)) << rule << "\n" << refused.err;
  }
  EXPECT_EQ(Json<v1::Application>(agent_.token, {"application", "get", name}).state(), v1::APPLICATION_STATE_DRAFT);
}

TEST_F(LoansE2E, TheDemoHasApplicationsInEveryStateAndListsOverdueReviews) {
  const auto all = Json<v1::ListApplicationsResponse>("", {"application", "list", "--all"});
  std::set<int> states;
  for (const v1::Application& a : all.applications()) states.insert(a.state());
  for (int s = v1::APPLICATION_STATE_DRAFT; s <= v1::APPLICATION_STATE_WITHDRAWN; ++s) {
    EXPECT_TRUE(states.contains(s)) << v1::ApplicationState_Name(s);
  }
  // The demo's applications were taken through 135 days ago (its first
  // stage), so its surveyed ones await the county's review long past their
  // due day: listed, and every one listed is past it.
  const auto overdue = Json<v1::ListApplicationsResponse>(reviewer_.token, {"application", "list", "--overdue", "--all"});
  EXPECT_GT(overdue.applications_size(), 0);
  for (const v1::Application& a : overdue.applications()) {
    EXPECT_TRUE(a.review_overdue()) << a.name();
    EXPECT_EQ(a.state(), v1::APPLICATION_STATE_SURVEYED) << a.name();
  }
}

}  // namespace
}  // namespace huinong::e2e
