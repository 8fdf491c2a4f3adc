// `huinongctl breaker ...`: the township circuit breaker (000:1535) — each
// township's lending status and NPL ratio, a measurement on demand, and the
// rectification plan the township department or the county centre files
// (loans.breaker.rectify) and the county approves or rejects
// (loans.breaker.approve). Each change carries a request id and the
// status's etag (given, or fetched just before).
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::TownshipBreakerService::Stub;

absl::StatusOr<std::string> TownshipArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "township (units/ID)"));
  return ResourceName("units", name);
}

absl::StatusOr<v1::TownshipStatus> GetStatus(const LoansClient& loans, const std::string& name) {
  v1::GetTownshipStatusRequest request;
  request.set_name(name);
  return loans.Call<v1::TownshipStatus>(&Stub::GetTownshipStatus, request);
}

// --etag, or the status's current one.
absl::StatusOr<std::string> EtagOf(const Invocation& inv, const LoansClient& loans, const std::string& name) {
  if (inv.config.Has("etag")) return inv.config.String("etag");
  ASSIGN_OR_RETURN(const v1::TownshipStatus current, GetStatus(loans, name));
  return current.etag();
}

// One township (`--township U` or the argument), or the list in scope.
absl::Status Status(const Invocation& inv, const LoansClient& loans) {
  if (inv.config.Has("township") || !inv.args.empty()) {
    const std::string name = ResourceName("units", inv.config.Has("township") ? inv.config.String("township")
                                                                              : inv.args[0]);
    return PrintRead(inv, GetStatus(loans, name), &TownshipStatusDetail);
  }
  v1::ListTownshipStatusesRequest request;
  if (inv.config.Has("county")) request.set_county(ResourceName("units", inv.config.String("county")));
  ASSIGN_OR_RETURN(const v1::TownshipLendingState state, OptionalEnum<v1::TownshipLendingState>(inv, "state"));
  request.set_state(state);
  return PrintList<v1::ListTownshipStatusesRequest, v1::ListTownshipStatusesResponse, v1::TownshipStatus>(
      inv, request,
      [&](const v1::ListTownshipStatusesRequest& r) {
        return loans.Call<v1::ListTownshipStatusesResponse>(&Stub::ListTownshipStatuses, r);
      },
      &v1::ListTownshipStatusesResponse::mutable_statuses, &TownshipStatusTable);
}

absl::Status Measure(const Invocation& inv, const LoansClient& loans) {
  v1::MeasureTownshipRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), TownshipArg(inv));
  const auto status = loans.Call<v1::TownshipStatus>(&Stub::MeasureTownship, request);
  return PrintWrite(inv, status, "measured " + request.name(), &TownshipStatusDetail, request.request_id());
}

absl::Status Plan(const Invocation& inv, const LoansClient& loans) {
  v1::FileRectificationPlanRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), TownshipArg(inv));
  v1::RectificationPlan* plan = request.mutable_plan();
  ASSIGN_OR_RETURN(*plan->mutable_measures(), RequiredFlag(inv, "plan"));
  plan->set_findings(inv.config.String("findings"));
  for (const std::string& who : Values(inv, "investigator")) plan->add_investigators(who);
  if (inv.config.Has("target_date")) {
    ASSIGN_OR_RETURN(*plan->mutable_target_date(), RequiredDate(inv, "target_date"));
  }
  if (Values(inv, "document").empty()) return UsageError("--document is required: the plan's document");
  RETURN_IF_ERROR(DocumentFlags(inv, "document", plan->mutable_documents()));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagOf(inv, loans, request.name()));
  const auto status = loans.Call<v1::TownshipStatus>(&Stub::FileRectificationPlan, request);
  return PrintWrite(inv, status, "filed a rectification plan for " + request.name(), &TownshipStatusDetail,
                    request.request_id());
}

absl::Status Approve(const Invocation& inv, const LoansClient& loans) {
  v1::ApproveRectificationRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), TownshipArg(inv));
  request.set_comment(inv.config.String("comment"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagOf(inv, loans, request.name()));
  const auto status = loans.Call<v1::TownshipStatus>(&Stub::ApproveRectification, request);
  return PrintWrite(inv, status, "lifted the suspension of " + request.name(), &TownshipStatusDetail,
                    request.request_id());
}

absl::Status Reject(const Invocation& inv, const LoansClient& loans) {
  v1::RejectRectificationRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), TownshipArg(inv));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagOf(inv, loans, request.name()));
  const auto status = loans.Call<v1::TownshipStatus>(&Stub::RejectRectification, request);
  return PrintWrite(inv, status, "sent back the plan of " + request.name(), &TownshipStatusDetail,
                    request.request_id());
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"breaker status", {&Status, {"township", "county", "state", "page_size", "page_token", "all"}, 1}},
      {"breaker measure", {&Measure, {"request_id"}, 1}},
      {"breaker plan",
       {&Plan, {"plan", "findings", "investigator", "target_date", "document", "etag", "request_id"}, 1}},
      {"breaker approve", {&Approve, {"comment", "etag", "request_id"}, 1}},
      {"breaker reject", {&Reject, {"reason", "etag", "request_id"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunBreaker(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
