// The calculator's handlers: CalculateStaffing and CheckStaffingCompliance
// (see staffing_api.h for the contract). Both only read.
#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/staffing_api.h"
#include "svc-org/src/api/staffing_mapping.h"
#include "svc-org/src/domain/scope.h"
#include "svc-org/src/domain/staffing_standard.h"
#include "svc-org/src/store/standard_store.h"

namespace huinong::org {
namespace {

// Every driver the rule needs and the request left out, named on "inputs".
void AddMissing(const std::map<std::string, bool>& needed, const Drivers& given,
                const std::string& except, rpc::Violations& v) {
  for (const auto& [name, optional] : needed) {
    if (!optional && name != except && !given.count(name)) {
      v.Add("inputs", absl::StrCat("missing driver \"", name, "\""));
    }
  }
}

// The data scope of svc-org (domain/scope.h): the subtree of the unit the
// caller acts for and the units above it; admin and service accounts read
// everything.
absl::Status CheckReadable(sql::Connection& conn, const auth::Principal& caller,
                           const std::string& unit_id, const std::string& unit_path) {
  CallerScope scope = ScopeForRoles(caller.IsAdmin(), caller.IsService(), caller.HasRole("org.admin"));
  if (!scope.reads_all) {
    if (!absl::StartsWith(caller.unit, "units/")) {
      return rpc::PermissionDenied("the caller's token names no unit to act for");
    }
    ASSIGN_OR_RETURN(std::optional<std::string> own, store::UnitPath(conn, caller.unit.substr(6)));
    if (!own) return rpc::PermissionDenied("the caller's unit does not exist");
    scope.unit_path = *own;
  }
  if (CanRead(scope, unit_path)) return absl::OkStatus();
  return rpc::PermissionDenied(absl::StrCat("units/", unit_id, " is outside the caller's scope"));
}

std::string BandsTotal(const StaffingRule& rule) {
  const auto* bands = std::get_if<PercentageBandsRule>(&rule);
  return bands ? BandsTotalDriver(*bands) : "";
}

}  // namespace

grpc::Status StaffingApi::CalculateStaffing(grpc::ServerContext* ctx,
                                            const v1::CalculateStaffingRequest* req,
                                            v1::StaffingCalculation* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->standard(), kStandardCollection, "standard", v);
    if (req->version() < 0) v.Add("version", "must not be negative");
    store::StandardRecord standard;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(standard, store::GetStandardOrNotFound(conn, id, req->version(), false));
      return absl::OkStatus();
    }));
    const std::map<std::string, bool> needed = DriversOf(standard.body.rule);
    ReadInputsResult in = ReadInputs(req->inputs(), needed, /*accept_actuals=*/false, v);
    AddMissing(needed, in.drivers, "", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(Calculation calc, Calculate(standard.body.rule, in.drivers));
    ASSIGN_OR_RETURN(*resp, ToProto(calc, standard));
    return absl::OkStatus();
  });
}

grpc::Status StaffingApi::CheckStaffingCompliance(grpc::ServerContext* ctx,
                                                  const v1::CheckStaffingComplianceRequest* req,
                                                  v1::StaffingCompliance* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    const std::string id = rpc::ParseName(req->standard(), kStandardCollection, "standard", v);
    if (req->version() < 0) v.Add("version", "must not be negative");
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);

    store::StandardRecord standard;
    const absl::Status read = reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<std::string> path, store::UnitPath(conn, unit_id));
      if (!path) return rpc::NotFound(req->unit());
      RETURN_IF_ERROR(CheckReadable(conn, caller, unit_id, *path));
      ASSIGN_OR_RETURN(standard, store::GetStandardOrNotFound(conn, id, req->version(), false));
      return absl::OkStatus();
    });
    if (!read.ok()) return read;

    const std::map<std::string, bool> needed = DriversOf(standard.body.rule);
    ReadInputsResult in = ReadInputs(req->inputs(), needed, /*accept_actuals=*/true, v);
    const std::string total = BandsTotal(standard.body.rule);
    AddMissing(needed, in.drivers, total, v);
    RETURN_IF_ERROR(v.ToStatus());
    if (!total.empty() && !in.drivers.count(total)) {
      // The unit's quota total would be the default; quotas are not read yet.
      return rpc::FailedPrecondition(
          "NO_ESTABLISHMENT", absl::StrCat("give the establishment of ", req->unit(), " as input \"",
                                           total, "\" (its quota total is not read yet)"));
    }
    ASSIGN_OR_RETURN(Calculation calc, Calculate(standard.body.rule, in.drivers));

    std::vector<std::string> labels;
    for (const auto& line : calc.lines) labels.push_back(line.label);
    for (const auto& [label, actual] : in.actuals) {
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) {
        v.Add("inputs", absl::StrCat("\"", ActualInputName(label), "\" names no line of the result (lines: ",
                                     absl::StrJoin(labels, ", "), ")"));
      }
    }
    RETURN_IF_ERROR(v.ToStatus());
    const std::vector<std::string> missing = MissingActuals(calc, in.actuals);
    if (!missing.empty()) {
      std::vector<std::string> names;
      for (const auto& label : missing) names.push_back(ActualInputName(label));
      return rpc::WithReason(
          absl::UnimplementedError(absl::StrCat(
              "svc-org does not count the staff of a unit per line yet; give the actual headcounts as "
              "inputs: ", absl::StrJoin(names, ", "))),
          "ACTUALS_NOT_COUNTED");
    }

    ComplianceResult result = CompareActuals(calc, in.actuals);
    resp->set_unit(req->unit());
    *resp->mutable_as_of() =
        rpc::ToDate(as_of ? *as_of : kit_.clock().Today());
    ASSIGN_OR_RETURN(*resp->mutable_calculation(), ToProto(calc, standard));
    for (const auto& line : result.lines) *resp->add_lines() = ToProto(line);
    resp->set_compliant(result.compliant);
    return absl::OkStatus();
  });
}

}  // namespace huinong::org
