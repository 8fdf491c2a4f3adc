// How tickets records and the KPI report read (tickets_format.h), and the
// values people type for them (tickets_values.h): the week 2026-W49 of a
// township and its two villages with every rate as "n/d = p%", a complaint
// about a loan with its contact as the server masked it, ISO weeks (2026 has
// 53), months, SLA targets and county times (UTC+8).
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/tickets_format.h"
#include "tools/huinongctl/src/tickets_values.h"
#include "tools/huinongctl/tests/fake_tickets.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::tickets::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The cells of the table row whose first cell is `label` (cells are two or
// more spaces apart); empty when there is no such row.
std::vector<std::string> Cells(const std::string& text, const std::string& label) {
  for (const absl::string_view line : absl::StrSplit(text, '\n')) {
    std::vector<std::string> cells;
    for (absl::string_view cell : absl::StrSplit(line, "  ", absl::SkipWhitespace())) {
      cells.emplace_back(absl::StripAsciiWhitespace(cell));
    }
    if (!cells.empty() && cells[0] == label) return cells;
  }
  return {};
}

std::string Range(const type::v1::DateRange& range) {
  return DateText(range.start()) + ".." + DateText(range.end());
}

TEST(KpiReportTextTest, EveryFigureOfTheTotalsAndEachVillageWithItsParts) {
  const std::string text = KpiReportText(TownshipWeek());
  EXPECT_THAT(text, HasSubstr("report     units/T and below\n"));
  EXPECT_THAT(text, HasSubstr("period     2026-11-30..2026-12-06\n"));
  EXPECT_THAT(text, HasSubstr("generated  2026-12-07 08:00\n"));
  EXPECT_THAT(Cells(text, "FIGURE"), ElementsAre("FIGURE", "TOTAL", "units/V1", "units/V2"));
  EXPECT_THAT(Cells(text, "received"), ElementsAre("received", "12", "7", "5"));
  EXPECT_THAT(Cells(text, "complaint"), ElementsAre("complaint", "3", "2", "1"));
  EXPECT_THAT(Cells(text, "visit"), ElementsAre("visit", "4", "2", "2"));
  EXPECT_THAT(Cells(text, "p2"), ElementsAre("p2", "1", "1", "0"));  // V2 counts none
  EXPECT_THAT(Cells(text, "first-contact resolution"),
              ElementsAre("first-contact resolution", "5/12 = 41.67%", "3/7 = 42.86%", "2/5 = 40.00%"));
  EXPECT_THAT(Cells(text, "first response on time"),
              ElementsAre("first response on time", "10/11 = 90.91%", "6/6 = 100.00%", "4/5 = 80.00%"));
  EXPECT_THAT(Cells(text, "resolution on time (timely handling)"),
              ElementsAre("resolution on time (timely handling)", "6/7 = 85.71%", "3/4 = 75.00%", "3/3 = 100.00%"));
  EXPECT_THAT(Cells(text, "callback rate"), ElementsAre("callback rate", "4/5 = 80.00%", "2/3 = 66.67%", "2/2 = 100.00%"));
  EXPECT_THAT(Cells(text, "satisfaction"), ElementsAre("satisfaction", "3/4 = 75.00%", "1/2 = 50.00%", "2/2 = 100.00%"));
  EXPECT_THAT(Cells(text, "major complaint rate (target ≤ 1%)"),
              ElementsAre("major complaint rate (target ≤ 1%)", "1/12 = 8.33%", "1/7 = 14.29%", "0/5 = 0.00%"));
  EXPECT_THAT(Cells(text, "reopen rate"), ElementsAre("reopen rate", "1/7 = 14.29%", "1/4 = 25.00%", "0/3 = 0.00%"));
  EXPECT_THAT(Cells(text, "promise breach rate"),
              ElementsAre("promise breach rate", "1/6 = 16.67%", "1/4 = 25.00%", "0/2 = 0.00%"));
  EXPECT_THAT(Cells(text, "complaint closure on time"),
              ElementsAre("complaint closure on time", "1/2 = 50.00%", "1/1 = 100.00%", "0/1 = 0.00%"));
  EXPECT_THAT(Cells(text, "P1 manager told on time"),
              ElementsAre("P1 manager told on time", "0/0 = n/a", "0/0 = n/a", "0/0 = n/a"));
  EXPECT_THAT(Cells(text, "SLA breaches"), ElementsAre("SLA breaches", "2", "2", "0"));
  EXPECT_THAT(Cells(text, "backlog at the period's end"), ElementsAre("backlog at the period's end", "4", "3", "1"));
  EXPECT_THAT(Cells(text, "under 24h"), ElementsAre("under 24h", "2", "2", "0"));
  EXPECT_THAT(Cells(text, "24h–72h"), ElementsAre("24h–72h", "1", "0", "1"));
  EXPECT_THAT(Cells(text, "72h and over"), ElementsAre("72h and over", "1", "1", "0"));
  EXPECT_THAT(Cells(text, "stuck (no contact within the gap)"),
              ElementsAre("stuck (no contact within the gap)", "1", "1", "0"));
  EXPECT_THAT(Cells(text, "cancelled"), ElementsAre("cancelled", "1", "0", "1"));
  EXPECT_THAT(Cells(text, "duplicate"), ElementsAre("duplicate", "1", "0", "1"));
}

TEST(KpiReportTextTest, AWeeklySplitIsHeadedByItsWeeks) {
  v1::KpiReport report = TownshipWeek();
  report.mutable_slices(0)->set_unit("units/T");
  report.mutable_slices(0)->mutable_period()->mutable_end()->set_day(3);
  const std::string text = KpiReportText(report);
  EXPECT_THAT(Cells(text, "FIGURE"), ElementsAre("FIGURE", "TOTAL", "2026-11-30..2026-12-03", "units/V2"));
}

TEST(KpiRateTextTest, TheServersRateWithItsParts) {
  v1::Rate rate;
  rate.set_numerator(1);
  rate.set_denominator(3);
  rate.set_rate_bp(3333);
  EXPECT_EQ(KpiRateText(rate), "1/3 = 33.33%");
  rate.set_numerator(0);
  rate.set_denominator(0);
  rate.set_rate_bp(0);
  EXPECT_EQ(KpiRateText(rate), "0/0 = n/a");
}

TEST(TicketDetailTest, AComplaintAboutALoanWithItsContactAsTheServerMaskedIt) {
  v1::Ticket t = LoanComplaint();
  v1::Promise& breached = *t.add_promises();
  breached.set_index(1);
  *breached.mutable_promised_time() = rpc::ToTimestamp(absl::FromCivil(absl::CivilMinute(2026, 12, 5, 9, 0), absl::UTCTimeZone()));
  breached.set_made_by("staff/A1");
  breached.set_state(v1::PROMISE_STATE_BREACHED);
  const std::string text = TicketDetail(t);
  EXPECT_THAT(text, HasSubstr("ticket           T26-000123  tickets/T1\n"));
  EXPECT_THAT(text, HasSubstr("type             complaint (simple), priority p3\n"));
  EXPECT_THAT(text, HasSubstr("contact          张秀英  138****5678  id 1310**********0243\n"));
  EXPECT_THAT(text, HasSubstr("related          loans:loans/L1\n"));
  EXPECT_THAT(text, HasSubstr("first responder  staff/A1\n"));
  EXPECT_THAT(text, HasSubstr("promise          #1 2026-12-05 17:00  breached  (by staff/A1)\n"));
  EXPECT_THAT(text, HasSubstr("created          2026-12-03 09:15\n"));
  EXPECT_THAT(text, HasSubstr("etag             3\n"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("accountable")));  // the first responder still
}

TEST(TicketsValuesTest, IsoWeeksRunMondayToSunday) {
  EXPECT_EQ(Range(*IsoWeekRange("2026-W49")), "2026-11-30..2026-12-06");
  EXPECT_EQ(Range(*IsoWeekRange("2026-W01")), "2025-12-29..2026-01-04");
  EXPECT_EQ(Range(*IsoWeekRange("2026-W53")), "2026-12-28..2027-01-03");  // 2026 starts on a Thursday
  EXPECT_EQ(Range(*IsoWeekRange("2027-w01")), "2027-01-04..2027-01-10");
  EXPECT_FALSE(IsoWeekRange("2025-W53").ok());
  EXPECT_FALSE(IsoWeekRange("2026-W00").ok());
  EXPECT_FALSE(IsoWeekRange("2026-49").ok());
  EXPECT_FALSE(IsoWeekRange("2026-W4").ok());
}

TEST(TicketsValuesTest, MonthsRunToTheirLastDay) {
  EXPECT_EQ(Range(*MonthRange("2026-12")), "2026-12-01..2026-12-31");
  EXPECT_EQ(Range(*MonthRange("2026-02")), "2026-02-01..2026-02-28");
  EXPECT_EQ(Range(*MonthRange("2028-02")), "2028-02-01..2028-02-29");
  EXPECT_FALSE(MonthRange("2026-13").ok());
  EXPECT_FALSE(MonthRange("2026-12-01").ok());
}

TEST(TicketsValuesTest, SlaTargetsAreWorkingTimeOrWorkingDays) {
  EXPECT_EQ(ParseSlaTarget("48h")->duration().seconds(), 48 * 3600);
  EXPECT_EQ(ParseSlaTarget("1h30m")->duration().seconds(), 5400);
  EXPECT_EQ(ParseSlaTarget("3wd")->working_days(), 3);
  EXPECT_EQ(ParseSlaTarget("0s")->target_case(), v1::SlaTarget::kDuration);
  EXPECT_FALSE(ParseSlaTarget("61wd").ok());
  EXPECT_FALSE(ParseSlaTarget("0wd").ok());
  EXPECT_FALSE(ParseSlaTarget("3d").ok());
  EXPECT_FALSE(ParseSlaTarget("-1h").ok());
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("48h")), "48h");
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("90m")), "1h30m");
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("72h")), "72h");  // working hours, not days
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("1wd")), "1 working day");
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("3wd")), "3 working days");
  EXPECT_EQ(SlaTargetText(*ParseSlaTarget("0")), "at once");
  EXPECT_EQ(SlaTargetText(v1::SlaTarget()), "-");
}

TEST(TicketsValuesTest, TimesAreTheCountysAndReadBackAsPrinted) {
  const absl::Time five_pm = absl::FromCivil(absl::CivilSecond(2026, 12, 5, 9, 0, 0), absl::UTCTimeZone());
  const absl::Time now = absl::FromCivil(absl::CivilSecond(2026, 12, 3, 2, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(*ParseTicketTime("2026-12-05 17:00", now), five_pm);
  EXPECT_EQ(*ParseTicketTime("2026-12-05T17:00", now), five_pm);
  EXPECT_EQ(*ParseTicketTime("2026-12-05T09:00:00Z", now), five_pm);
  EXPECT_EQ(*ParseTicketTime("2026-12-05T17:00:00+08:00", now), five_pm);
  EXPECT_EQ(*ParseTicketTime("+55h", now), five_pm);
  EXPECT_FALSE(ParseTicketTime("tomorrow", now).ok());
  EXPECT_FALSE(ParseTicketTime("+-2h", now).ok());
  EXPECT_EQ(TicketTimeText(rpc::ToTimestamp(five_pm)), "2026-12-05 17:00");
  EXPECT_EQ(TicketTimeText(rpc::ToTimestamp(five_pm + absl::Seconds(7))), "2026-12-05 17:00:07");
  EXPECT_EQ(TicketTimeText(google::protobuf::Timestamp()), "");
}

TEST(TicketsValuesTest, RelatedResourcesAndHandoverItems) {
  EXPECT_EQ(ParseRelated("loans:loans/L1")->service(), "loans");
  EXPECT_EQ(ParseRelated("loans:loans/L1")->name(), "loans/L1");
  EXPECT_FALSE(ParseRelated("loans/L1").ok());
  EXPECT_FALSE(ParseRelated("loans:L1").ok());

  const v1::HandoverItem both = *ParseHandoverItem("T1:staff/A2:客户下午回电: 14:00");
  EXPECT_EQ(both.ticket(), "tickets/T1");
  EXPECT_EQ(both.to_staff(), "staff/A2");
  EXPECT_EQ(both.note(), "客户下午回电: 14:00");
  const v1::HandoverItem note = *ParseHandoverItem("tickets/T2:等待客户资料");
  EXPECT_EQ(note.to_staff(), "");
  EXPECT_EQ(note.note(), "等待客户资料");
  EXPECT_EQ(ParseHandoverItem("T3")->ticket(), "tickets/T3");
  EXPECT_FALSE(ParseHandoverItem(":note").ok());
}

}  // namespace
}  // namespace huinong::ctl::testing
