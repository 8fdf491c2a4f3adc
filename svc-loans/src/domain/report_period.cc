// See report_period.h.
#include "svc-loans/src/domain/report_period.h"

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace huinong::loans {
namespace {

// Four digits of a year from 2000 (the programme is younger) to 9999.
bool ParseYear(absl::string_view text, int64_t& year) {
  if (text.size() != 4) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, &year) && year >= 2000;
}

absl::StatusOr<ReportPeriod> Ended(ReportPeriod period, absl::CivilDay today) {
  if (period.last_day >= today) {
    return absl::InvalidArgumentError(absl::StrCat(period.label, " has not ended: its last day is ",
                                                   absl::FormatCivilTime(period.last_day), " and today is ",
                                                   absl::FormatCivilTime(today)));
  }
  return period;
}

ReportPeriod Months(PeriodKind kind, std::string label, int64_t year, int first_month, int months) {
  const absl::CivilMonth first(year, first_month);
  return {kind, std::move(label), absl::CivilDay(first), absl::CivilDay(first + months) - 1};
}

}  // namespace

absl::StatusOr<ReportPeriod> MonthPeriod(absl::string_view text, absl::CivilDay today) {
  int64_t year = 0;
  int month = 0;
  if (text.size() != 7 || text[4] != '-' || !ParseYear(text.substr(0, 4), year) ||
      !absl::ascii_isdigit(static_cast<unsigned char>(text[5])) ||
      !absl::ascii_isdigit(static_cast<unsigned char>(text[6])) || !absl::SimpleAtoi(text.substr(5), &month) ||
      month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a month: YYYY-MM, e.g. 2026-10"));
  }
  return Ended(Months(PeriodKind::kMonth, std::string(text), year, month, 1), today);
}

absl::StatusOr<ReportPeriod> QuarterPeriod(absl::string_view text, absl::CivilDay today) {
  int64_t year = 0;
  if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q') || !ParseYear(text.substr(0, 4), year) ||
      text[5] < '1' || text[5] > '4') {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a quarter: YYYYQn, n 1-4, e.g. 2026Q3"));
  }
  const int quarter = text[5] - '0';
  return Ended(Months(PeriodKind::kQuarter, absl::StrCat(year, "Q", quarter), year, 3 * quarter - 2, 3), today);
}

absl::Time PeriodEnd(const ReportPeriod& period, const absl::TimeZone& zone) {
  return absl::FromCivil(period.last_day + 1, zone);
}

absl::Time PeriodStart(const ReportPeriod& period, const absl::TimeZone& zone) {
  return absl::FromCivil(period.first_day, zone);
}

std::vector<ReportPeriod> MonthsOf(const ReportPeriod& period) {
  if (period.kind == PeriodKind::kMonth) return {period};
  std::vector<ReportPeriod> months;
  for (absl::CivilMonth m(period.first_day); absl::CivilDay(m) <= period.last_day; ++m) {
    months.push_back(Months(PeriodKind::kMonth, absl::StrFormat("%04d-%02d", m.year(), m.month()), m.year(),
                            m.month(), 1));
  }
  return months;
}

std::vector<ReportPeriod> PeriodsEndingOn(absl::CivilDay day) {
  if (absl::CivilMonth(day + 1) == absl::CivilMonth(day)) return {};
  const absl::CivilMonth m(day);
  std::vector<ReportPeriod> periods{
      Months(PeriodKind::kMonth, absl::StrFormat("%04d-%02d", m.year(), m.month()), m.year(), m.month(), 1)};
  if (m.month() % 3 == 0) {
    const int quarter = m.month() / 3;
    periods.push_back(Months(PeriodKind::kQuarter, absl::StrCat(m.year(), "Q", quarter), m.year(), m.month() - 2, 3));
  }
  return periods;
}

}  // namespace huinong::loans
