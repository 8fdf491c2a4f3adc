// `huinongctl capability|standard|calc`: who may do what where, and the
// staffing standards with the calculator, whose working is printed one step
// per line in the server's order.
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

absl::StatusOr<v1::CalculateStaffingRequest> CalcRequest(const Invocation& inv) {
  v1::CalculateStaffingRequest request;
  ASSIGN_OR_RETURN(const std::string standard, Arg(inv, 0, "standard (staffingStandards/ID)"));
  request.set_standard(ResourceName("staffingStandards", standard));
  ASSIGN_OR_RETURN(const int version, CountFlag(inv, "version", 0));
  request.set_version(version);
  if (const auto it = inv.repeated.find("input"); it != inv.repeated.end()) {
    for (const std::string& pair : it->second) {
      const size_t eq = pair.find('=');
      if (eq == std::string::npos || eq == 0) return UsageError(absl::StrCat("--input wants NAME=VALUE, got \"", pair, "\""));
      absl::StatusOr<int64_t> micros = ParseDecimalMicros(pair.substr(eq + 1));
      if (!micros.ok()) return UsageError(absl::StrCat("--input ", pair.substr(0, eq), ": ", micros.status().message()));
      v1::StaffingInput& input = *request.add_inputs();
      input.set_driver(pair.substr(0, eq));
      input.mutable_value()->set_micros(*micros);
    }
  }
  return request;
}

namespace {

absl::Status CapabilityCheck(const Invocation& inv, const OrgClient& org) {
  v1::CheckCapabilityRequest request;
  ASSIGN_OR_RETURN(const std::string staff, Arg(inv, 0, "STAFF CAPABILITY UNIT"));
  ASSIGN_OR_RETURN(*request.mutable_capability(), Arg(inv, 1, "CAPABILITY UNIT"));
  ASSIGN_OR_RETURN(const std::string unit, Arg(inv, 2, "UNIT"));
  request.set_staff(ResourceName("staff", staff));
  request.set_unit(ResourceName("units", unit));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  ASSIGN_OR_RETURN(const v1::CheckCapabilityResponse response,
                   org.Call<v1::CheckCapabilityResponse>(&v1::OrgQueryService::Stub::CheckCapability, request));
  if (inv.json) return PrintProtoJson(response);
  std::cout << CapabilityAnswer(response);
  return absl::OkStatus();
}

absl::Status CapabilityHolders(const Invocation& inv, const OrgClient& org) {
  v1::ListCapabilityHoldersRequest request;
  ASSIGN_OR_RETURN(*request.mutable_capability(), Arg(inv, 0, "CAPABILITY UNIT"));
  ASSIGN_OR_RETURN(const std::string unit, Arg(inv, 1, "UNIT"));
  request.set_unit(ResourceName("units", unit));
  absl::StatusOr<bool> nearest = inv.config.Bool("nearest", false);
  absl::StatusOr<bool> no_acting = inv.config.Bool("exclude_acting", false);
  if (!nearest.ok()) return AsUsageError(nearest.status());
  if (!no_acting.ok()) return AsUsageError(no_acting.status());
  request.set_nearest_only(*nearest);
  request.set_exclude_acting(*no_acting);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  request.set_page_size(kFullPage);
  v1::ListCapabilityHoldersResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListCapabilityHoldersResponse page,
                     org.Call<v1::ListCapabilityHoldersResponse>(&v1::OrgQueryService::Stub::ListCapabilityHolders, request));
    all.mutable_holders()->MergeFrom(page.holders());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  std::cout << CapabilityHoldersTable({all.holders().begin(), all.holders().end()}).Render();
  return absl::OkStatus();
}

absl::Status StandardList(const Invocation& inv, const OrgClient& org) {
  v1::ListStaffingStandardsRequest request;
  request.set_title_contains(inv.config.String("title"));
  request.set_page_size(kFullPage);
  v1::ListStaffingStandardsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListStaffingStandardsResponse page,
                     org.Call<v1::ListStaffingStandardsResponse>(&v1::StaffingService::Stub::ListStaffingStandards, request));
    all.mutable_standards()->MergeFrom(page.standards());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  for (const v1::StaffingStandard& s : all.standards()) std::cout << StandardLabel(s) << "\n";
  return absl::OkStatus();
}

absl::Status StandardGet(const Invocation& inv, const OrgClient& org) {
  v1::GetStaffingStandardRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "standard (staffingStandards/ID)"));
  request.set_name(ResourceName("staffingStandards", name));
  ASSIGN_OR_RETURN(const int version, CountFlag(inv, "version", 0));
  request.set_version(version);
  ASSIGN_OR_RETURN(const v1::StaffingStandard s, org.Call<v1::StaffingStandard>(&v1::StaffingService::Stub::GetStaffingStandard, request));
  if (inv.json) return PrintProtoJson(s);
  std::cout << StandardDetail(s);
  return absl::OkStatus();
}

absl::Status Calc(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const v1::CalculateStaffingRequest request, CalcRequest(inv));
  ASSIGN_OR_RETURN(const v1::StaffingCalculation result,
                   org.Call<v1::StaffingCalculation>(&v1::StaffingService::Stub::CalculateStaffing, request));
  if (inv.json) return PrintProtoJson(result);
  std::cout << CalculationText(result);
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"capability check", {&CapabilityCheck, {"as_of"}, 3}},
      {"capability holders", {&CapabilityHolders, {"as_of", "nearest", "exclude_acting"}, 2}},
      {"standard list", {&StandardList, {"title"}, 0}},
      {"standard get", {&StandardGet, {"version"}, 1}},
      {"calc", {&Calc, {"input", "version"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunRules(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
