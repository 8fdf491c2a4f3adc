// See kpi_report.h.
#include "svc-tickets/src/app/kpi_report.h"

#include <map>

#include "common/core/status_macros.h"
#include "svc-tickets/src/store/kpi_store.h"

namespace huinong::tickets {
namespace {

// A running clock as it stands at `now`.
void AsOf(Clock& c, absl::Time now) {
  if (c.stop || c.state == ClockState::kPaused || c.state == ClockState::kCancelled) return;
  c.state = now >= c.due ? ClockState::kBreached : now >= c.at_risk ? ClockState::kAtRisk : ClockState::kRunning;
}

// The child of `unit_path` that `path` lies under ("" for the unit itself).
std::string ChildOf(const std::string& unit_path, const std::string& path) {
  if (path.size() <= unit_path.size()) return "";
  const std::string rest = path.substr(unit_path.size());
  return rest.substr(0, rest.find('/'));
}

std::vector<KpiTicket> Facts(const std::vector<store::KpiRow>& rows) {
  std::vector<KpiTicket> out;
  out.reserve(rows.size());
  for (const store::KpiRow& r : rows) out.push_back(r.facts);
  return out;
}

}  // namespace

absl::StatusOr<KpiAnswer> BuildKpiReport(sql::Connection& conn, const KpiQuery& q, absl::Time now) {
  ASSIGN_OR_RETURN(const std::vector<KpiPeriod> periods,
                   SplitKpiPeriod(q.first_day, q.last_day, q.split, q.zone));
  ASSIGN_OR_RETURN(const std::vector<KpiPeriod> whole,
                   SplitKpiPeriod(q.first_day, q.last_day, KpiSplit::kWhole, q.zone));
  KpiAnswer answer;
  answer.period = whole.front();
  ASSIGN_OR_RETURN(std::vector<store::KpiRow> rows,
                   store::LoadKpiTickets(conn, q.unit_path, answer.period.from, answer.period.to));
  for (store::KpiRow& r : rows) {
    for (Clock& c : r.facts.clocks) AsOf(c, now);
  }
  const std::vector<KpiTicket> all = Facts(rows);
  answer.totals = ComputeKpiFigures(all, answer.period.from, answer.period.to);
  std::map<std::string, std::vector<KpiTicket>> by_child;
  if (q.by_child_unit) {
    for (const store::KpiRow& r : rows) {
      const std::string child = ChildOf(q.unit_path, r.intake_path);
      if (!child.empty()) by_child[child].push_back(r.facts);
    }
  }
  for (const KpiPeriod& p : periods) {
    if (q.split != KpiSplit::kWhole || !q.by_child_unit) {
      answer.slices.push_back({p, q.unit_id, ComputeKpiFigures(all, p.from, p.to)});
    }
    for (const auto& [child, facts] : by_child) answer.slices.push_back({p, child, ComputeKpiFigures(facts, p.from, p.to)});
  }
  return answer;
}

}  // namespace huinong::tickets
