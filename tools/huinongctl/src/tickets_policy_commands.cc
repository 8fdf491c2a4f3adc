// `huinongctl tickets policy create|get|list|update|revisions` and
// `huinongctl tickets clocks TICKET` (SlaPolicyService): the SLA policies of
// a unit subtree — which types and priorities, counted on the work calendar
// or 24×7, each time limit ("48h" working time or "3wd" working days) — and
// a ticket's clocks with the policy revision each used. An update sends only
// the fields given (its update mask), with the etag given or read just before.
#include <iostream>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/tickets_commands.h"
#include "tools/huinongctl/src/tickets_flags.h"
#include "tools/huinongctl/src/tickets_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Stub = v1::SlaPolicyService::Stub;

// The policy's fields from the flags given, each path added to `mask`.
absl::Status PolicyFlags(const Invocation& inv, v1::SlaPolicy& p, google::protobuf::FieldMask& mask) {
  if (inv.config.Has("name")) {
    ASSIGN_OR_RETURN(*p.mutable_display_name(), RequiredFlag(inv, "name"));
    mask.add_paths("display_name");
  }
  if (inv.config.Has("types")) {
    ASSIGN_OR_RETURN(const std::vector<v1::TicketType> types, EnumList<v1::TicketType>(inv, "types"));
    for (const v1::TicketType t : types) p.add_types(t);
    mask.add_paths("types");
  }
  if (inv.config.Has("priorities")) {
    ASSIGN_OR_RETURN(const std::vector<v1::Priority> priorities, EnumList<v1::Priority>(inv, "priorities"));
    for (const v1::Priority priority : priorities) p.add_priorities(priority);
    mask.add_paths("priorities");
  }
  if (inv.config.Has("calendar")) {
    ASSIGN_OR_RETURN(const v1::ClockCalendar calendar, RequiredEnum<v1::ClockCalendar>(inv, "calendar"));
    p.set_calendar(calendar);
    mask.add_paths("calendar");
  }
  for (const auto& [key, target] : std::vector<std::pair<std::string, v1::SlaTarget* (v1::SlaPolicy::*)()>>{
           {"first_response", &v1::SlaPolicy::mutable_first_response},
           {"on_site", &v1::SlaPolicy::mutable_on_site},
           {"manager_notification", &v1::SlaPolicy::mutable_manager_notification},
           {"reply", &v1::SlaPolicy::mutable_reply},
           {"resolution", &v1::SlaPolicy::mutable_resolution},
           {"complaint_closure", &v1::SlaPolicy::mutable_complaint_closure},
           {"callback", &v1::SlaPolicy::mutable_callback},
           {"follow_up_gap", &v1::SlaPolicy::mutable_follow_up_gap}}) {
    ASSIGN_OR_RETURN(const std::optional<v1::SlaTarget> given, TargetFlag(inv, key));
    if (!given.has_value()) continue;
    if (given->target_case() != v1::SlaTarget::TARGET_NOT_SET) *(p.*target)() = *given;  // "none": left unset
    mask.add_paths(key);
  }
  for (const auto& [key, min, max, setter] : std::vector<std::tuple<std::string, int, int, void (v1::SlaPolicy::*)(int32_t)>>{
           {"at_risk_bp", 1, 9999, &v1::SlaPolicy::set_at_risk_bp},
           {"callbacks_required", 0, 2, &v1::SlaPolicy::set_callbacks_required},
           {"max_callback_attempts", 1, 10, &v1::SlaPolicy::set_max_callback_attempts}}) {
    if (!inv.config.Has(key)) continue;
    ASSIGN_OR_RETURN(const int n, RangedCount(inv, key, min, max));
    (p.*setter)(n);
    mask.add_paths(key);
  }
  for (const auto& [key, setter] : std::vector<std::pair<std::string, void (v1::SlaPolicy::*)(bool)>>{
           {"reply_approval_required", &v1::SlaPolicy::set_reply_approval_required},
           {"escalate_on_breach", &v1::SlaPolicy::set_escalate_on_breach}}) {
    if (!inv.config.Has(key)) continue;
    ASSIGN_OR_RETURN(const bool on, Switch(inv, key));
    (p.*setter)(on);
    mask.add_paths(key);
  }
  return absl::OkStatus();
}

absl::Status PolicyCreate(const Invocation& inv, const TicketsClient& tickets) {
  v1::CreateSlaPolicyRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::SlaPolicy& p = *request.mutable_policy();
  RETURN_IF_ERROR(RequiredFlag(inv, "name").status());
  ASSIGN_OR_RETURN(*p.mutable_unit(), RequiredName(inv, "unit", "units"));
  google::protobuf::FieldMask unused;
  RETURN_IF_ERROR(PolicyFlags(inv, p, unused));
  const auto made = tickets.Call<v1::SlaPolicy>(&Stub::CreateSlaPolicy, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &SlaPolicyDetail, request.request_id());
}

absl::StatusOr<v1::SlaPolicy> GetPolicy(const TicketsClient& tickets, const std::string& name, int revision) {
  v1::GetSlaPolicyRequest request;
  request.set_name(name);
  request.set_revision(revision);
  return tickets.Call<v1::SlaPolicy>(&Stub::GetSlaPolicy, request);
}

absl::Status PolicyGet(const Invocation& inv, const TicketsClient& tickets) {
  ASSIGN_OR_RETURN(const std::string name, NameArg(inv, 0, "slaPolicies", "policy"));
  int revision = 0;
  if (inv.config.Has("revision")) {
    ASSIGN_OR_RETURN(revision, RangedCount(inv, "revision", 1, 1000000));
  }
  return PrintRead(inv, GetPolicy(tickets, name, revision), &SlaPolicyDetail);
}

absl::Status PolicyList(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListSlaPoliciesRequest request;
  RETURN_IF_ERROR(OptionalName(inv, "unit", "units", request.mutable_unit()));
  ASSIGN_OR_RETURN(const bool subtree, Switch(inv, "subtree"));
  request.set_include_subtree(subtree);
  return PrintList<v1::ListSlaPoliciesRequest, v1::ListSlaPoliciesResponse, v1::SlaPolicy>(
      inv, request,
      [&](const v1::ListSlaPoliciesRequest& r) {
        return tickets.Call<v1::ListSlaPoliciesResponse>(&Stub::ListSlaPolicies, r);
      },
      &v1::ListSlaPoliciesResponse::mutable_policies, &SlaPolicyTable);
}

absl::Status PolicyRevisions(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListSlaPolicyRevisionsRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, 0, "slaPolicies", "policy"));
  return PrintList<v1::ListSlaPolicyRevisionsRequest, v1::ListSlaPolicyRevisionsResponse, v1::SlaPolicy>(
      inv, request,
      [&](const v1::ListSlaPolicyRevisionsRequest& r) {
        return tickets.Call<v1::ListSlaPolicyRevisionsResponse>(&Stub::ListSlaPolicyRevisions, r);
      },
      &v1::ListSlaPolicyRevisionsResponse::mutable_revisions, &SlaPolicyTable);
}

absl::Status PolicyUpdate(const Invocation& inv, const TicketsClient& tickets) {
  v1::UpdateSlaPolicyRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::SlaPolicy& p = *request.mutable_policy();
  ASSIGN_OR_RETURN(*p.mutable_name(), NameArg(inv, 0, "slaPolicies", "policy"));
  RETURN_IF_ERROR(PolicyFlags(inv, p, *request.mutable_update_mask()));
  if (request.update_mask().paths().empty()) {
    return UsageError("nothing to change: give --name, --types, --priorities, --calendar, a target (--reply 48h …), "
                      "--at-risk-bp, --callbacks-required, --max-callback-attempts, --reply-approval-required or "
                      "--escalate-on-breach");
  }
  ASSIGN_OR_RETURN(*p.mutable_etag(), EtagOf(inv, [&]() -> absl::StatusOr<std::string> {
                     ASSIGN_OR_RETURN(const v1::SlaPolicy current, GetPolicy(tickets, p.name(), 0));
                     return current.etag();
                   }));
  const auto made = tickets.Call<v1::SlaPolicy>(&Stub::UpdateSlaPolicy, request);
  return PrintWrite(inv, made, "updated " + p.name(), &SlaPolicyDetail, request.request_id());
}

absl::Status Clocks(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListTicketClocksRequest request;
  ASSIGN_OR_RETURN(*request.mutable_ticket(), NameArg(inv, 0, "tickets", "ticket"));
  ASSIGN_OR_RETURN(const v1::ListTicketClocksResponse clocks,
                   tickets.Call<v1::ListTicketClocksResponse>(&Stub::ListTicketClocks, request));
  if (inv.json) return PrintProtoJson(clocks);
  std::cout << ClockTable({clocks.clocks().begin(), clocks.clocks().end()}).Render();
  return absl::OkStatus();
}

// The policy fields every create and update may set.
std::vector<std::string> PolicyFields(std::vector<std::string> flags) {
  flags.insert(flags.end(), {"name", "types", "priorities", "calendar", "first_response", "on_site",
                             "manager_notification", "reply", "resolution", "complaint_closure", "callback",
                             "follow_up_gap", "at_risk_bp", "callbacks_required", "max_callback_attempts",
                             "reply_approval_required", "escalate_on_breach", "request_id"});
  return flags;
}

}  // namespace

void AddSlaPolicyCommands(TicketsSubcommands& table) {
  table.insert({
      {"tickets policy create", {&PolicyCreate, PolicyFields({"unit"}), 0}},
      {"tickets policy get", {&PolicyGet, {"revision"}, 1}},
      {"tickets policy list", {&PolicyList, {"unit", "subtree", "page_size", "page_token", "all"}, 0}},
      {"tickets policy update", {&PolicyUpdate, PolicyFields({"etag"}), 1}},
      {"tickets policy revisions", {&PolicyRevisions, {"page_size", "page_token", "all"}, 1}},
      {"tickets clocks", {&Clocks, {}, 1}},
  });
}

}  // namespace huinong::ctl
