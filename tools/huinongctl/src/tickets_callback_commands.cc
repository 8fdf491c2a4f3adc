// `huinongctl tickets callback record|close-unreachable|list` and
// `huinongctl tickets handover create|get|list|acknowledge`
// (CallbackHandoverService): the callback after resolution — reached or not,
// satisfaction 1–5 and the customer's opinion; an unsatisfied customer
// reopens the ticket with a new promise — and the shift or leave handover
// the incoming side acknowledges. Each change carries a request id and the
// etag (given, or the ticket's or handover's current one read just before).
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/tickets_commands.h"
#include "tools/huinongctl/src/tickets_flags.h"
#include "tools/huinongctl/src/tickets_format.h"
#include "tools/huinongctl/src/tickets_values.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Stub = v1::CallbackHandoverService::Stub;

// --satisfaction (1–5) for a reached customer; --opinion and --promise (the
// reopened case's reply time) required when unsatisfied, refused otherwise.
absl::Status OutcomeFlags(const Invocation& inv, v1::RecordCallbackRequest& request) {
  v1::CallbackAttempt& c = *request.mutable_callback();
  ASSIGN_OR_RETURN(const v1::CallbackOutcome outcome, RequiredEnum<v1::CallbackOutcome>(inv, "outcome"));
  c.set_outcome(outcome);
  if (outcome == v1::CALLBACK_OUTCOME_UNREACHABLE) {
    if (inv.config.Has("satisfaction")) return UsageError("--satisfaction is for a customer reached, not unreachable");
  } else {
    ASSIGN_OR_RETURN(const int satisfaction, RangedCount(inv, "satisfaction", 1, 5));
    c.set_satisfaction(satisfaction);
  }
  if (outcome == v1::CALLBACK_OUTCOME_UNSATISFIED) {
    ASSIGN_OR_RETURN(*c.mutable_opinion(), RequiredFlag(inv, "opinion"));
    ASSIGN_OR_RETURN(*request.mutable_promised_time(), RequiredTime(inv, "promise"));
  } else {
    if (inv.config.Has("promise")) return UsageError("--promise is for an unsatisfied customer (the reopened case)");
    c.set_opinion(inv.config.String("opinion"));
  }
  return OptionalTime(inv, "at", [&] { return c.mutable_attempt_time(); });
}

absl::Status CallbackRecord(const Invocation& inv, const TicketsClient& tickets) {
  v1::RecordCallbackRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, 0, "tickets", "ticket"));
  RETURN_IF_ERROR(OutcomeFlags(inv, request));
  ASSIGN_OR_RETURN(*request.mutable_etag(), TicketEtag(inv, tickets, request.name()));
  const auto made = tickets.Call<v1::RecordCallbackResponse>(&Stub::RecordCallback, request);
  return PrintWrite(inv, made, "recorded a callback on " + request.name(), &RecordedCallbackDetail,
                    request.request_id());
}

absl::Status CallbackCloseUnreachable(const Invocation& inv, const TicketsClient& tickets) {
  v1::CloseUnreachableRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, 0, "tickets", "ticket"));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), TicketEtag(inv, tickets, request.name()));
  const auto closed = tickets.Call<v1::Ticket>(&Stub::CloseUnreachable, request);
  return PrintWrite(inv, closed, "closed " + request.name() + " (customer unreachable)", &TicketDetail,
                    request.request_id());
}

absl::Status CallbackList(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListCallbacksRequest request;
  ASSIGN_OR_RETURN(*request.mutable_ticket(), NameArg(inv, 0, "tickets", "ticket"));
  return PrintList<v1::ListCallbacksRequest, v1::ListCallbacksResponse, v1::CallbackAttempt>(
      inv, request,
      [&](const v1::ListCallbacksRequest& r) { return tickets.Call<v1::ListCallbacksResponse>(&Stub::ListCallbacks, r); },
      &v1::ListCallbacksResponse::mutable_callbacks, &CallbackTable);
}

// Every value of the repeatable --key as "staff/ID"; a usage error when there is none.
absl::Status StaffFlags(const Invocation& inv, const std::string& key,
                        google::protobuf::RepeatedPtrField<std::string>* out) {
  const std::vector<std::string> staff = Values(inv, key);
  if (staff.empty()) return UsageError(Spelled(key) + " staff/ID is required (repeatable)");
  for (const std::string& who : staff) out->Add(ResourceName("staff", who));
  return absl::OkStatus();
}

absl::Status HandoverCreate(const Invocation& inv, const TicketsClient& tickets) {
  v1::CreateHandoverRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Handover& h = *request.mutable_handover();
  ASSIGN_OR_RETURN(*h.mutable_unit(), RequiredName(inv, "unit", "units"));
  ASSIGN_OR_RETURN(const v1::HandoverKind kind, RequiredEnum<v1::HandoverKind>(inv, "kind"));
  h.set_kind(kind);
  h.set_shift_label(inv.config.String("shift_label"));
  RETURN_IF_ERROR(StaffFlags(inv, "outgoing", h.mutable_outgoing_staff()));
  RETURN_IF_ERROR(StaffFlags(inv, "incoming", h.mutable_incoming_staff()));
  for (const std::string& text : Values(inv, "item")) {
    absl::StatusOr<v1::HandoverItem> item = ParseHandoverItem(text);
    if (!item.ok()) return UsageError(absl::StrCat("--item: ", item.status().message()));
    *h.add_items() = *std::move(item);
  }
  h.set_notes(inv.config.String("notes"));
  const auto made = tickets.Call<v1::Handover>(&Stub::CreateHandover, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &HandoverDetail, request.request_id());
}

absl::StatusOr<v1::Handover> GetHandover(const TicketsClient& tickets, const std::string& name) {
  v1::GetHandoverRequest request;
  request.set_name(name);
  return tickets.Call<v1::Handover>(&Stub::GetHandover, request);
}

absl::Status HandoverGet(const Invocation& inv, const TicketsClient& tickets) {
  ASSIGN_OR_RETURN(const std::string name, NameArg(inv, 0, "handovers", "handover"));
  return PrintRead(inv, GetHandover(tickets, name), &HandoverDetail);
}

absl::Status HandoverList(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListHandoversRequest request;
  RETURN_IF_ERROR(OptionalName(inv, "unit", "units", request.mutable_unit()));
  ASSIGN_OR_RETURN(const v1::HandoverKind kind, OptionalEnum<v1::HandoverKind>(inv, "kind"));
  request.set_kind(kind);
  ASSIGN_OR_RETURN(const v1::HandoverState state, OptionalEnum<v1::HandoverState>(inv, "state"));
  request.set_state(state);
  RETURN_IF_ERROR(OptionalName(inv, "staff", "staff", request.mutable_staff()));
  RETURN_IF_ERROR(OptionalTime(inv, "created_from", [&] { return request.mutable_create_time_from(); }));
  RETURN_IF_ERROR(OptionalTime(inv, "created_to", [&] { return request.mutable_create_time_to(); }));
  return PrintList<v1::ListHandoversRequest, v1::ListHandoversResponse, v1::Handover>(
      inv, request,
      [&](const v1::ListHandoversRequest& r) { return tickets.Call<v1::ListHandoversResponse>(&Stub::ListHandovers, r); },
      &v1::ListHandoversResponse::mutable_handovers, &HandoverTable);
}

absl::Status HandoverAcknowledge(const Invocation& inv, const TicketsClient& tickets) {
  v1::AcknowledgeHandoverRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, 0, "handovers", "handover"));
  request.set_note(inv.config.String("note"));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagOf(inv, [&]() -> absl::StatusOr<std::string> {
                     ASSIGN_OR_RETURN(const v1::Handover current, GetHandover(tickets, request.name()));
                     return current.etag();
                   }));
  const auto made = tickets.Call<v1::Handover>(&Stub::AcknowledgeHandover, request);
  return PrintWrite(inv, made, "acknowledged " + request.name(), &HandoverDetail, request.request_id());
}

}  // namespace

void AddCallbackHandoverCommands(TicketsSubcommands& table) {
  table.insert({
      {"tickets callback record",
       {&CallbackRecord, {"outcome", "satisfaction", "opinion", "promise", "at", "etag", "request_id"}, 1}},
      {"tickets callback close-unreachable", {&CallbackCloseUnreachable, {"reason", "etag", "request_id"}, 1}},
      {"tickets callback list", {&CallbackList, {"page_size", "page_token", "all"}, 1}},
      {"tickets handover create",
       {&HandoverCreate, {"unit", "kind", "shift_label", "outgoing", "incoming", "item", "notes", "request_id"}, 0}},
      {"tickets handover get", {&HandoverGet, {}, 1}},
      {"tickets handover list",
       {&HandoverList,
        {"unit", "kind", "state", "staff", "created_from", "created_to", "page_size", "page_token", "all"},
        0}},
      {"tickets handover acknowledge", {&HandoverAcknowledge, {"note", "etag", "request_id"}, 1}},
  });
}

}  // namespace huinong::ctl
