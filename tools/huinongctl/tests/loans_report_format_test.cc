// The lending report as huinongctl prints it (loans_report_format.h): a row
// per township and the county's total row, the ratio as a percentage, the
// CSV with plain yuan and quoted names, and "not reported" where the
// report has no subsidy or fund figures.
#include <gtest/gtest.h>

#include "tools/huinongctl/src/loans_report_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

v1::LendingReport Sample() {
  v1::LendingReport r;
  r.set_county("units/C");
  r.set_county_display_name("固安县");
  r.set_period("2026-10");
  r.mutable_first_day()->set_year(2026);
  r.mutable_first_day()->set_month(10);
  r.mutable_first_day()->set_day(1);
  r.mutable_last_day()->set_year(2026);
  r.mutable_last_day()->set_month(10);
  r.mutable_last_day()->set_day(31);
  r.set_suspended_townships(1);
  v1::TownshipFigures* t = r.add_townships();
  t->set_township("units/T1");
  t->set_display_name("柳泉镇, 东");
  t->set_lending_state(v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  v1::LendingFigures* f = t->mutable_figures();
  f->set_issued_count(2);
  f->mutable_issued_amount()->set_fen(5'000'000);
  f->set_issued_borrowers(1);
  f->mutable_cumulative_amount()->set_fen(2'810'500'000);
  f->set_cumulative_borrowers(591);
  f->set_npl_ratio_bp(300);
  v1::ApplicationStateCount* submitted = f->add_applications();
  submitted->set_state(v1::APPLICATION_STATE_SUBMITTED);
  submitted->set_count(3);
  v1::ApplicationStateCount* disbursed = f->add_applications();
  disbursed->set_state(v1::APPLICATION_STATE_DISBURSED);
  disbursed->set_count(2);
  *r.mutable_totals() = *f;
  return r;
}

TEST(LendingReportFormat, TheTableHasATownshipRowAndTheCountysTotal) {
  const std::string text = LendingReportText(Sample());
  EXPECT_NE(text.find("2026-10  (2026-10-01 to 2026-10-31, as it stood at the end)"), std::string::npos) << text;
  EXPECT_NE(text.find("28,105,000.00"), std::string::npos) << text;
  EXPECT_NE(text.find("3.00%"), std::string::npos);
  EXPECT_NE(text.find("suspended"), std::string::npos);
  EXPECT_NE(text.find("固安县 (total)"), std::string::npos);
  EXPECT_NE(text.find("subsidies    not reported"), std::string::npos) << text;
}

TEST(LendingReportFormat, TheCsvHasPlainYuanAndQuotedNames) {
  const std::string csv = LendingReportCsv(Sample());
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "period,township,name,under way,finished,issued,issued yuan,borrowers,cumulative,cum. yuan,"
            "cum. borrowers,outstanding,outstanding yuan,overdue yuan,npl,npl yuan,npl ratio,lending");
  EXPECT_NE(csv.find("2026-10,units/T1,\"柳泉镇, 东\",3,2,2,50000.00,1,0,28105000.00,591,0,0.00,0.00,0,0.00,3.00%,"
                     "suspended\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("2026-10,units/C,固安县 (total),3,2,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace huinong::ctl
