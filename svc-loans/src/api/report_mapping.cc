// See report_mapping.h.
#include "svc-loans/src/api/report_mapping.h"

#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"

namespace huinong::loans {
namespace {

void FillFigures(const LendingFigures& f, v1::LendingFigures& out) {
  for (const auto& [state, count] : f.applications) {
    v1::ApplicationStateCount* c = out.add_applications();
    c->set_state(static_cast<v1::ApplicationState>(state));
    c->set_count(count);
  }
  out.set_issued_count(f.issued_count);
  *out.mutable_issued_amount() = rpc::ToMoney(f.issued_fen);
  out.set_issued_borrowers(f.issued_borrowers);
  out.set_cumulative_count(f.cumulative_count);
  *out.mutable_cumulative_amount() = rpc::ToMoney(f.cumulative_fen);
  out.set_cumulative_borrowers(f.cumulative_borrowers);
  out.set_outstanding_count(f.outstanding_count);
  *out.mutable_outstanding_balance() = rpc::ToMoney(f.outstanding_fen);
  out.set_overdue_count(f.overdue_count);
  *out.mutable_overdue_balance() = rpc::ToMoney(f.overdue_fen);
  out.set_npl_count(f.npl_count);
  *out.mutable_npl_balance() = rpc::ToMoney(f.npl_fen);
  out.set_npl_ratio_bp(static_cast<int32_t>(f.npl_ratio_bp));
}

}  // namespace

v1::LendingReport ReportProto(const LendingReportFigures& report, const std::string& county_id,
                              const std::string& county_display_name,
                              const std::map<std::string, std::string>& names, absl::Time generate_time) {
  v1::LendingReport out;
  out.set_county(rpc::FormatName("units", county_id));
  out.set_county_display_name(county_display_name);
  out.set_period(report.period.label);
  *out.mutable_first_day() = rpc::ToDate(report.period.first_day);
  *out.mutable_last_day() = rpc::ToDate(report.period.last_day);
  out.set_npl_measure(static_cast<v1::NplMeasure>(report.measure));
  FillFigures(report.totals, *out.mutable_totals());
  for (const TownshipReport& t : report.townships) {
    v1::TownshipFigures* row = out.add_townships();
    row->set_township(rpc::FormatName("units", t.township_id));
    if (auto it = names.find(t.township_id); it != names.end()) row->set_display_name(it->second);
    row->set_lending_state(static_cast<v1::TownshipLendingState>(t.state));
    row->set_suspended(LendingStatusOf(t.state) != LendingStatus::kOpen);
    FillFigures(t.figures, *row->mutable_figures());
  }
  out.set_suspended_townships(report.suspended_townships);
  if (report.subsidies) {
    v1::SubsidyFigures* s = out.mutable_subsidies();
    s->set_applied_count(report.subsidies->applied_count);
    *s->mutable_applied_amount() = rpc::ToMoney(report.subsidies->applied_fen);
    s->set_paid_count(report.subsidies->paid_count);
    *s->mutable_paid_amount() = rpc::ToMoney(report.subsidies->paid_fen);
  }
  if (report.fund) {
    v1::FundFigures* f = out.mutable_fund();
    *f->mutable_balance() = rpc::ToMoney(report.fund->balance_fen);
    for (const ClaimStateFigure& c : report.fund->claims) {
      v1::CompensationClaimStateCount* row = f->add_claims();
      row->set_state(static_cast<v1::CompensationClaimState>(c.state));
      row->set_count(c.count);
      *row->mutable_amount() = rpc::ToMoney(c.amount_fen);
    }
  }
  *out.mutable_generate_time() = rpc::ToTimestamp(generate_time);
  return out;
}

}  // namespace huinong::loans
