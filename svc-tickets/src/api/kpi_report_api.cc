// CustomerService.GetKpiReport (see customers_api.h): any caller within
// scope asks for a unit of their subtree (PERMISSION_DENIED outside it,
// NOT_FOUND for a unit svc-org does not know); the dates are read in the
// request's time zone (Asia/Shanghai unless given).
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/customers_api.h"
#include "svc-tickets/src/api/kpi_mapping.h"
#include "svc-tickets/src/app/kpi_report.h"

namespace huinong::tickets {
namespace {

std::optional<absl::CivilDay> RequiredDate(const type::v1::Date& date, const std::string& field, rpc::Violations& v) {
  const size_t before = v.list().size();
  std::optional<absl::CivilDay> day = rpc::FromDate(date, field, v);
  if (!day && v.list().size() == before) v.Add(field, "required");
  return day;
}

}  // namespace

grpc::Status CustomersApi::GetKpiReport(grpc::ServerContext* ctx, const v1::GetKpiReportRequest* req,
                                        v1::KpiReport* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    KpiQuery q;
    q.unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    const std::optional<absl::CivilDay> first = RequiredDate(req->period().start(), "period.start", v);
    const std::optional<absl::CivilDay> last = RequiredDate(req->period().end(), "period.end", v);
    if (!v1::KpiSplit_IsValid(req->split())) v.Add("split", "not a split");
    const std::string zone_name = req->time_zone().empty() ? "Asia/Shanghai" : req->time_zone();
    if (!absl::LoadTimeZone(zone_name, &q.zone)) v.Add("time_zone", "not an IANA time zone");
    q.split = static_cast<KpiSplit>(req->split());
    q.by_child_unit = req->by_child_unit();
    RETURN_IF_ERROR(v.ToStatus());
    q.first_day = *first;
    q.last_day = *last;
    absl::StatusOr<std::string> path = UnitPath(org_, q.unit_id);
    if (absl::IsNotFound(path.status())) return rpc::NotFound(req->unit());
    if (!path.ok()) return path.status();
    q.unit_path = *path;
    ASSIGN_OR_RETURN(const std::vector<std::string> scope, ReadScope(org_, caller));
    bool within = scope.empty();
    for (const std::string& s : scope) within = within || absl::StartsWith(q.unit_path, s);
    if (!within) return rpc::PermissionDenied(absl::StrCat(req->unit(), " is outside the caller's scope"));
    const absl::Time now = kit_.clock().Now();
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(KpiAnswer answer, BuildKpiReport(conn, q, now));
      *resp = KpiReportProto(q.unit_id, answer.period, answer.totals, std::move(answer.slices), now);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::tickets
