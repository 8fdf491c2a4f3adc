// See loans_report_format.h.
#include "tools/huinongctl/src/loans_report_format.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

const std::vector<std::string>& Headers() {
  static const auto* headers = new std::vector<std::string>{
      "TOWNSHIP",         "NAME",           "UNDER WAY",         "FINISHED",     "ISSUED",
      "ISSUED YUAN",      "BORROWERS",      "CUMULATIVE",        "CUM. YUAN",    "CUM. BORROWERS",
      "OUTSTANDING",      "OUTSTANDING YUAN", "OVERDUE YUAN",    "NPL",          "NPL YUAN",
      "NPL RATIO",        "LENDING"};
  return *headers;
}

// Under way at the end, and finished in the period.
std::pair<int64_t, int64_t> ApplicationsOf(const v1::LendingFigures& f) {
  int64_t open = 0, finished = 0;
  for (const v1::ApplicationStateCount& c : f.applications()) {
    const bool final = c.state() == v1::APPLICATION_STATE_DISBURSED || c.state() == v1::APPLICATION_STATE_REJECTED ||
                       c.state() == v1::APPLICATION_STATE_WITHDRAWN;
    (final ? finished : open) += c.count();
  }
  return {open, finished};
}

// 297 → "2.97%".
std::string RatioText(int bp) { return absl::StrFormat("%d.%02d%%", bp / 100, bp % 100); }

// 5000000 fen → "50000.00" (no separators: the CSV's number).
std::string PlainYuan(const type::v1::Money& m) {
  const int64_t fen = m.fen();
  return absl::StrFormat("%s%d.%02d", fen < 0 ? "-" : "", (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100);
}

std::string LendingWord(v1::TownshipLendingState s) {
  switch (s) {
    case v1::TOWNSHIP_LENDING_STATE_SUSPENDED: return "suspended";
    case v1::TOWNSHIP_LENDING_STATE_RECTIFYING: return "rectifying";
    default: return "open";
  }
}

std::vector<std::string> Row(const std::string& township, const std::string& name, const v1::LendingFigures& f,
                             const std::string& lending, std::string (*yuan)(const type::v1::Money&)) {
  const auto [open, finished] = ApplicationsOf(f);
  return {township,
          name,
          absl::StrCat(open),
          absl::StrCat(finished),
          absl::StrCat(f.issued_count()),
          yuan(f.issued_amount()),
          absl::StrCat(f.issued_borrowers()),
          absl::StrCat(f.cumulative_count()),
          yuan(f.cumulative_amount()),
          absl::StrCat(f.cumulative_borrowers()),
          absl::StrCat(f.outstanding_count()),
          yuan(f.outstanding_balance()),
          yuan(f.overdue_balance()),
          absl::StrCat(f.npl_count()),
          yuan(f.npl_balance()),
          RatioText(f.npl_ratio_bp()),
          lending};
}

std::vector<std::vector<std::string>> Rows(const v1::LendingReport& r, std::string (*yuan)(const type::v1::Money&)) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::TownshipFigures& t : r.townships()) {
    rows.push_back(Row(t.township(), t.display_name(), t.figures(), LendingWord(t.lending_state()), yuan));
  }
  rows.push_back(Row(r.county(), absl::StrCat(r.county_display_name(), " (total)"), r.totals(),
                     absl::StrCat(r.suspended_townships(), " suspended"), yuan));
  return rows;
}

std::string DayText(const type::v1::Date& d) { return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day()); }

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}

}  // namespace

std::string LendingReportText(const v1::LendingReport& r) {
  std::vector<std::pair<std::string, std::string>> head = {
      {"county", absl::StrCat(r.county_display_name(), "  ", r.county())},
      {"period", absl::StrCat(r.period(), "  (", DayText(r.first_day()), " to ", DayText(r.last_day()),
                              ", as it stood at the end)")},
      {"npl measure", r.npl_measure() == v1::NPL_MEASURE_BY_COUNT ? "by count" : "by balance"},
      {"suspended", absl::StrCat(r.suspended_townships(), " township(s) at the period's end")},
  };
  if (r.has_subsidies()) {
    head.push_back({"subsidies", absl::StrCat(r.subsidies().applied_count(), " applied (",
                                              YuanText(r.subsidies().applied_amount()), "), ",
                                              r.subsidies().paid_count(), " paid (",
                                              YuanText(r.subsidies().paid_amount()), ")")});
  } else {
    head.push_back({"subsidies", "not reported"});
  }
  if (r.has_fund()) {
    int64_t claims = 0;
    for (const v1::CompensationClaimStateCount& c : r.fund().claims()) claims += c.count();
    head.push_back({"fund", absl::StrCat(YuanText(r.fund().balance()), " at the end, ", claims, " claim(s)")});
  } else {
    head.push_back({"fund", "none (the county had no fund then)"});
  }
  Table table(Headers());
  for (std::vector<std::string>& row : Rows(r, &YuanText)) table.AddRow(std::move(row));
  return absl::StrCat(KeyValueBlock(head), "\n", table.Render());
}

std::string LendingReportCsv(const v1::LendingReport& r) {
  std::string out;
  std::vector<std::string> header = {"period"};
  for (const std::string& h : Headers()) header.push_back(absl::AsciiStrToLower(h));
  absl::StrAppend(&out, absl::StrJoin(header, ","), "\r\n");
  for (const std::vector<std::string>& row : Rows(r, &PlainYuan)) {
    std::vector<std::string> cells = {CsvField(r.period())};
    for (const std::string& cell : row) cells.push_back(CsvField(cell));
    absl::StrAppend(&out, absl::StrJoin(cells, ","), "\r\n");
  }
  return out;
}

}  // namespace huinong::ctl
