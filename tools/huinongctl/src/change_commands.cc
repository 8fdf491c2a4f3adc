// `huinongctl change|chain ...`: change requests and approval chains of
// svc-org from the shell. Writes carry a request id (given or a new ULID,
// printed, also on failure) so a retry after a timeout is safe; the state
// transitions (submit, approve, reject, withdraw) fetch the request's current
// etag when none is given, as `unit move` and `unit update` do.
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/change_format.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

template <typename Enum>
absl::StatusOr<Enum> EnumFlag(absl::StatusOr<Enum> parsed) {
  if (!parsed.ok()) return AsUsageError(parsed.status());
  return parsed;
}

absl::StatusOr<bool> BoolFlag(const Invocation& inv, const std::string& key) {
  absl::StatusOr<bool> value = inv.config.Bool(key, false);
  if (!value.ok()) return AsUsageError(value.status());
  return value;
}

// The items of --items-file (- for stdin): a JSON array of ChangeItem.
absl::StatusOr<std::vector<v1::ChangeItem>> ItemsFromFile(const std::string& path) {
  ASSIGN_OR_RETURN(const std::string text, ReadInputFile(path));
  absl::StatusOr<std::vector<v1::ChangeItem>> items = ParseChangeItems(text);
  if (!items.ok()) return UsageError(absl::StrCat("--items-file ", path, ": ", items.status().message()));
  return items;
}

absl::StatusOr<v1::ChangeRequest> GetRequest(const OrgClient& org, const std::string& name) {
  v1::GetChangeRequestRequest request;
  request.set_name(name);
  return org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::GetChangeRequest, request);
}

// "changeRequests/ID" from the first word.
absl::StatusOr<std::string> RequestArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "change request (changeRequests/ID)"));
  return ResourceName("changeRequests", name);
}

// The etag given, or the request's current one.
absl::StatusOr<std::string> EtagFor(const Invocation& inv, const OrgClient& org, const std::string& name) {
  std::string etag = inv.config.String("etag");
  if (!etag.empty()) return etag;
  ASSIGN_OR_RETURN(const v1::ChangeRequest current, GetRequest(org, name));
  return current.etag();
}

// What every write prints: "<verb> LABEL", the request, its request id.
absl::Status PrintWritten(const Invocation& inv, const absl::StatusOr<v1::ChangeRequest>& written,
                          const std::string& verb, const std::string& request_id) {
  if (!written.ok()) return WithRequestId(written.status(), request_id);
  if (inv.json) return PrintProtoJson(*written);
  std::cout << verb << " " << ChangeRequestLabel(*written) << "\n"
            << ChangeRequestDetail(*written) << "request_id  " << request_id << "\n";
  return absl::OkStatus();
}

absl::Status ChangeCreate(const Invocation& inv, const OrgClient& org) {
  v1::CreateChangeRequestRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::ChangeRequest& change = *request.mutable_change_request();
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  change.set_unit(ResourceName("units", unit));
  ASSIGN_OR_RETURN(*change.mutable_title(), RequiredFlag(inv, "title"));
  ASSIGN_OR_RETURN(*change.mutable_reason(), RequiredFlag(inv, "reason"));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "effective", change.mutable_effective_date(), &set));
  if (inv.config.Has("items_file")) {
    ASSIGN_OR_RETURN(const std::string path, RequiredFlag(inv, "items_file"));
    ASSIGN_OR_RETURN(const std::vector<v1::ChangeItem> items, ItemsFromFile(path));
    for (const v1::ChangeItem& item : items) *change.add_items() = item;
  }
  return PrintWritten(inv, org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::CreateChangeRequest, request), "created",
                      request.request_id());
}

absl::Status ChangeGet(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, RequestArg(inv));
  ASSIGN_OR_RETURN(const v1::ChangeRequest change, GetRequest(org, name));
  if (inv.json) return PrintProtoJson(change);
  std::cout << ChangeRequestDetail(change);
  return absl::OkStatus();
}

absl::Status ChangeList(const Invocation& inv, const OrgClient& org) {
  v1::ListChangeRequestsRequest request;
  if (inv.config.Has("unit")) request.set_unit(ResourceName("units", inv.config.String("unit")));
  if (inv.config.Has("state")) {
    ASSIGN_OR_RETURN(const v1::ChangeRequestState state, EnumFlag(ParseChangeState(inv.config.String("state"))));
    request.set_state(state);
  }
  ASSIGN_OR_RETURN(const bool awaiting_me, BoolFlag(inv, "awaiting_me"));
  request.set_awaiting_me(awaiting_me);
  bool from = false;
  bool to = false;
  type::v1::DateRange effective;
  RETURN_IF_ERROR(DateFlag(inv, "effective_from", effective.mutable_start(), &from));
  RETURN_IF_ERROR(DateFlag(inv, "effective_to", effective.mutable_end(), &to));
  if (from || to) *request.mutable_effective() = effective;
  request.set_page_size(kFullPage);
  v1::ListChangeRequestsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListChangeRequestsResponse page,
                     org.Call<v1::ListChangeRequestsResponse>(&v1::ChangeService::Stub::ListChangeRequests, request));
    all.mutable_change_requests()->MergeFrom(page.change_requests());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  const std::vector<v1::ChangeRequest> rows(all.change_requests().begin(), all.change_requests().end());
  std::cout << ChangeRequestTable(rows).Render();
  return absl::OkStatus();
}

absl::Status ChangeSubmit(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, RequestArg(inv));
  v1::SubmitChangeRequestRequest request;
  request.set_request_id(RequestIdOf(inv));
  request.set_name(name);
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagFor(inv, org, name));
  return PrintWritten(inv, org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::SubmitChangeRequest, request), "submitted",
                      request.request_id());
}

absl::Status ChangeApprove(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, RequestArg(inv));
  v1::ApproveChangeRequestRequest request;
  request.set_request_id(RequestIdOf(inv));
  request.set_name(name);
  request.set_comment(inv.config.String("comment"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagFor(inv, org, name));
  return PrintWritten(inv, org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::ApproveChangeRequest, request), "approved",
                      request.request_id());
}

absl::Status ChangeReject(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, RequestArg(inv));
  v1::RejectChangeRequestRequest request;
  request.set_request_id(RequestIdOf(inv));
  request.set_name(name);
  ASSIGN_OR_RETURN(*request.mutable_comment(), RequiredFlag(inv, "comment"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagFor(inv, org, name));
  return PrintWritten(inv, org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::RejectChangeRequest, request), "rejected",
                      request.request_id());
}

absl::Status ChangeWithdraw(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, RequestArg(inv));
  v1::WithdrawChangeRequestRequest request;
  request.set_request_id(RequestIdOf(inv));
  request.set_name(name);
  request.set_reason(inv.config.String("reason"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagFor(inv, org, name));
  return PrintWritten(inv, org.Call<v1::ChangeRequest>(&v1::ChangeService::Stub::WithdrawChangeRequest, request), "withdrawn",
                      request.request_id());
}

absl::Status ChainCreate(const Invocation& inv, const OrgClient& org) {
  v1::CreateApprovalChainRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::ApprovalChain& chain = *request.mutable_chain();
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  chain.set_unit(ResourceName("units", unit));
  ASSIGN_OR_RETURN(*chain.mutable_title(), RequiredFlag(inv, "title"));
  const auto steps = inv.repeated.find("step");
  if (steps == inv.repeated.end()) return UsageError("give at least one --step \"TITLE|CAPABILITY|units/ID\"");
  for (const std::string& text : steps->second) {
    absl::StatusOr<v1::ApprovalStepTemplate> step = ParseStepTemplate(text);
    if (!step.ok()) return UsageError(absl::StrCat("--step: ", step.status().message()));
    *chain.add_steps() = *step;
  }
  ASSIGN_OR_RETURN(const bool required, BoolFlag(inv, "require_change_requests"));
  chain.set_require_change_requests(required);
  absl::StatusOr<v1::ApprovalChain> made = org.Call<v1::ApprovalChain>(&v1::ChangeService::Stub::CreateApprovalChain, request);
  if (!made.ok()) return WithRequestId(made.status(), request.request_id());
  if (inv.json) return PrintProtoJson(*made);
  std::cout << "created " << ApprovalChainLabel(*made) << "\n"
            << ApprovalChainDetail(*made) << "request_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status ChainGet(const Invocation& inv, const OrgClient& org) {
  v1::GetApprovalChainRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "approval chain (approvalChains/ID)"));
  request.set_name(ResourceName("approvalChains", name));
  ASSIGN_OR_RETURN(const v1::ApprovalChain chain, org.Call<v1::ApprovalChain>(&v1::ChangeService::Stub::GetApprovalChain, request));
  if (inv.json) return PrintProtoJson(chain);
  std::cout << ApprovalChainDetail(chain);
  return absl::OkStatus();
}

absl::Status ChainList(const Invocation& inv, const OrgClient& org) {
  v1::ListApprovalChainsRequest request;
  if (inv.config.Has("applies_to")) {
    request.set_applies_to_unit(ResourceName("units", inv.config.String("applies_to")));
  }
  request.set_page_size(kFullPage);
  v1::ListApprovalChainsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListApprovalChainsResponse page,
                     org.Call<v1::ListApprovalChainsResponse>(&v1::ChangeService::Stub::ListApprovalChains, request));
    all.mutable_chains()->MergeFrom(page.chains());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  const std::vector<v1::ApprovalChain> rows(all.chains().begin(), all.chains().end());
  std::cout << ApprovalChainTable(rows).Render();
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"change create", {&ChangeCreate, {"unit", "title", "reason", "effective", "items_file", "request_id"}, 0}},
      {"change get", {&ChangeGet, {}, 1}},
      {"change list", {&ChangeList, {"unit", "state", "awaiting_me", "effective_from", "effective_to"}, 0}},
      {"change submit", {&ChangeSubmit, {"etag", "request_id"}, 1}},
      {"change approve", {&ChangeApprove, {"comment", "etag", "request_id"}, 1}},
      {"change reject", {&ChangeReject, {"comment", "etag", "request_id"}, 1}},
      {"change withdraw", {&ChangeWithdraw, {"reason", "etag", "request_id"}, 1}},
      {"chain create", {&ChainCreate, {"unit", "title", "step", "require_change_requests", "request_id"}, 0}},
      {"chain get", {&ChainGet, {}, 1}},
      {"chain list", {&ChainList, {"applies_to"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunChange(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
