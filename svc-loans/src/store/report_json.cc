// See report_json.h.
#include "svc-loans/src/store/report_json.h"

#include "common/core/json_fields.h"

namespace huinong::loans::store {
namespace {

using json::Json;

Json FiguresJson(const LendingFigures& f) {
  Json applications = Json::array();
  for (const auto& [state, count] : f.applications) applications.push_back({static_cast<int>(state), count});
  return {{"applications", std::move(applications)},
          {"issued", {f.issued_count, f.issued_fen, f.issued_borrowers}},
          {"cumulative", {f.cumulative_count, f.cumulative_fen, f.cumulative_borrowers}},
          {"outstanding", {f.outstanding_count, f.outstanding_fen}},
          {"overdue", {f.overdue_count, f.overdue_fen}},
          {"npl", {f.npl_count, f.npl_fen, f.npl_ratio_bp}}};
}

// The n-th number of the array `key` of `obj` (0 when absent).
int64_t At(const Json& obj, const char* key, size_t n) {
  const Json& a = json::Field(obj, key);
  return a.is_array() && n < a.size() && a[n].is_number_integer() ? a[n].get<int64_t>() : 0;
}

LendingFigures FiguresOf(const Json& v) {
  LendingFigures f;
  for (const Json& pair : json::Field(v, "applications")) {
    if (pair.is_array() && pair.size() == 2) {
      f.applications[static_cast<ApplicationState>(pair[0].get<int>())] = pair[1].get<int64_t>();
    }
  }
  f.issued_count = At(v, "issued", 0);
  f.issued_fen = At(v, "issued", 1);
  f.issued_borrowers = At(v, "issued", 2);
  f.cumulative_count = At(v, "cumulative", 0);
  f.cumulative_fen = At(v, "cumulative", 1);
  f.cumulative_borrowers = At(v, "cumulative", 2);
  f.outstanding_count = At(v, "outstanding", 0);
  f.outstanding_fen = At(v, "outstanding", 1);
  f.overdue_count = At(v, "overdue", 0);
  f.overdue_fen = At(v, "overdue", 1);
  f.npl_count = At(v, "npl", 0);
  f.npl_fen = At(v, "npl", 1);
  f.npl_ratio_bp = At(v, "npl", 2);
  return f;
}

}  // namespace

std::string EncodeReportFigures(const LendingReportFigures& r) {
  Json townships = Json::array();
  for (const TownshipReport& t : r.townships) {
    townships.push_back({{"id", t.township_id}, {"state", static_cast<int>(t.state)}, {"figures", FiguresJson(t.figures)}});
  }
  Json body = {{"format", kReportFormat},
               {"measure", static_cast<int>(r.measure)},
               {"totals", FiguresJson(r.totals)},
               {"townships", std::move(townships)},
               {"suspended_townships", r.suspended_townships}};
  if (r.subsidies) {
    const SubsidyFigures& s = *r.subsidies;
    body["subsidies"] = {s.applied_count, s.applied_fen, s.paid_count, s.paid_fen};
  }
  if (r.fund) {
    Json claims = Json::array();
    for (const ClaimStateFigure& c : r.fund->claims) claims.push_back({c.state, c.count, c.amount_fen});
    body["fund"] = {{"balance_fen", r.fund->balance_fen}, {"claims", std::move(claims)}};
  }
  return json::Print(body);
}

bool DecodeReportFigures(const std::string& text, LendingReportFigures& r) {
  const Json v = json::Parse(text);
  if (!v.is_object() || json::Int(v, "format") != kReportFormat) return false;
  r.measure = static_cast<NplMeasure>(json::Int(v, "measure"));
  r.totals = FiguresOf(json::Field(v, "totals"));
  r.townships.clear();
  for (const Json& t : json::Field(v, "townships")) {
    r.townships.push_back({json::String(t, "id"), static_cast<BreakerState>(json::Int(t, "state")),
                           FiguresOf(json::Field(t, "figures"))});
  }
  r.suspended_townships = static_cast<int>(json::Int(v, "suspended_townships"));
  r.subsidies.reset();
  if (v.contains("subsidies")) {
    r.subsidies = SubsidyFigures{At(v, "subsidies", 0), At(v, "subsidies", 1), At(v, "subsidies", 2),
                                 At(v, "subsidies", 3)};
  }
  r.fund.reset();
  if (v.contains("fund")) {
    const Json& fund = v["fund"];
    FundFigures f;
    f.balance_fen = json::Int(fund, "balance_fen");
    for (const Json& c : json::Field(fund, "claims")) {
      if (c.is_array() && c.size() == 3) {
        f.claims.push_back({c[0].get<int>(), c[1].get<int64_t>(), c[2].get<int64_t>()});
      }
    }
    r.fund = std::move(f);
  }
  return true;
}

}  // namespace huinong::loans::store
