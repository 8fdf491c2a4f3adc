// `huinongctl tickets create|get|list|activities|update`: taking a request
// (the caller becomes its first responder; the customer from the archive by
// --customer, or as given by --contact-* for the server to match or create),
// reading tickets and their timelines, and correcting the intake details.
// A change carries a request id (a retry with it changes nothing); an update
// also the etag (given, or read just before).
#include <functional>

#include "google/protobuf/field_mask.pb.h"
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
using Stub = v1::TicketService::Stub;

// --related SERVICE:NAME into field(), called only when the flag is given.
absl::Status OptionalRelated(const Invocation& inv, const std::function<v1::RelatedResource*()>& field) {
  if (!inv.config.Has("related")) return absl::OkStatus();
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, "related"));
  absl::StatusOr<v1::RelatedResource> related = ParseRelated(text);
  if (!related.ok()) return UsageError(absl::StrCat("--related: ", related.status().message()));
  *field() = *std::move(related);
  return absl::OkStatus();
}

// --customer, or the contact as given (--contact-name and --contact-phone,
// optionally --contact-id-card and --contact-tier): one of the two, never both.
absl::Status CustomerFlags(const Invocation& inv, v1::Ticket& t) {
  const bool contact = inv.config.Has("contact_name") || inv.config.Has("contact_phone") ||
                       inv.config.Has("contact_id_card") || inv.config.Has("contact_tier");
  if (inv.config.Has("customer")) {
    if (contact) return UsageError("give --customer or the --contact-* flags, not both");
    ASSIGN_OR_RETURN(*t.mutable_customer(), RequiredName(inv, "customer", "customers"));
    return absl::OkStatus();
  }
  if (!contact) {
    return UsageError("who is the customer? --customer customers/ID, or --contact-name and --contact-phone");
  }
  v1::CustomerContact& c = *t.mutable_contact();
  ASSIGN_OR_RETURN(*c.mutable_display_name(), RequiredFlag(inv, "contact_name"));
  ASSIGN_OR_RETURN(*c.mutable_phone(), RequiredFlag(inv, "contact_phone"));
  c.set_id_card_number(inv.config.String("contact_id_card"));
  ASSIGN_OR_RETURN(const v1::CustomerTier tier, OptionalEnum<v1::CustomerTier>(inv, "contact_tier"));
  c.set_tier(tier);
  return absl::OkStatus();
}

absl::Status TicketCreate(const Invocation& inv, const TicketsClient& tickets) {
  v1::CreateTicketRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Ticket& t = *request.mutable_ticket();
  ASSIGN_OR_RETURN(const v1::TicketType type, RequiredEnum<v1::TicketType>(inv, "type"));
  t.set_type(type);
  ASSIGN_OR_RETURN(const v1::TicketChannel channel, RequiredEnum<v1::TicketChannel>(inv, "channel"));
  t.set_channel(channel);
  ASSIGN_OR_RETURN(const v1::Severity severity, OptionalEnum<v1::Severity>(inv, "severity"));
  t.set_severity(severity);
  ASSIGN_OR_RETURN(*t.mutable_summary(), RequiredFlag(inv, "summary"));
  t.set_description(inv.config.String("description"));
  t.set_location(inv.config.String("location"));
  RETURN_IF_ERROR(OptionalTime(inv, "occurred", [&] { return t.mutable_occurred_time(); }));
  RETURN_IF_ERROR(CustomerFlags(inv, t));
  RETURN_IF_ERROR(OptionalRelated(inv, [&] { return t.mutable_related(); }));
  RETURN_IF_ERROR(OptionalName(inv, "follow_up_of", "tickets", t.mutable_follow_up_of()));
  const auto made = tickets.Call<v1::Ticket>(&Stub::CreateTicket, request);
  return PrintWrite(inv, made, "registered " + (made.ok() ? made->name() : ""), &TicketDetail, request.request_id());
}

absl::Status TicketGet(const Invocation& inv, const TicketsClient& tickets) {
  ASSIGN_OR_RETURN(const std::string name, NameArg(inv, 0, "tickets", "ticket"));
  return PrintRead(inv, GetTicket(tickets, name), &TicketDetail);
}

absl::Status TicketList(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListTicketsRequest request;
  ASSIGN_OR_RETURN(const v1::TicketState state, OptionalEnum<v1::TicketState>(inv, "state"));
  request.set_state(state);
  ASSIGN_OR_RETURN(const bool open_only, Switch(inv, "open"));
  request.set_open_only(open_only);
  ASSIGN_OR_RETURN(const v1::Priority priority, OptionalEnum<v1::Priority>(inv, "priority"));
  request.set_priority(priority);
  ASSIGN_OR_RETURN(const v1::TicketType type, OptionalEnum<v1::TicketType>(inv, "type"));
  request.set_type(type);
  ASSIGN_OR_RETURN(const v1::TicketChannel channel, OptionalEnum<v1::TicketChannel>(inv, "channel"));
  request.set_channel(channel);
  RETURN_IF_ERROR(OptionalName(inv, "resolver_unit", "units", request.mutable_resolver_unit()));
  RETURN_IF_ERROR(OptionalName(inv, "intake_unit", "units", request.mutable_intake_unit()));
  ASSIGN_OR_RETURN(const bool subtree, Switch(inv, "subtree"));
  request.set_include_subtree(subtree);
  RETURN_IF_ERROR(OptionalName(inv, "assignee", "staff", request.mutable_assignee()));
  RETURN_IF_ERROR(OptionalName(inv, "first_responder", "staff", request.mutable_first_responder()));
  RETURN_IF_ERROR(OptionalName(inv, "accountable", "staff", request.mutable_accountable()));
  RETURN_IF_ERROR(OptionalName(inv, "customer", "customers", request.mutable_customer()));
  RETURN_IF_ERROR(OptionalName(inv, "follow_up_of", "tickets", request.mutable_follow_up_of()));
  RETURN_IF_ERROR(OptionalRelated(inv, [&] { return request.mutable_related(); }));
  ASSIGN_OR_RETURN(const v1::SlaClockState sla, OptionalEnum<v1::SlaClockState>(inv, "sla_state"));
  request.set_sla_state(sla);
  RETURN_IF_ERROR(OptionalTime(inv, "created_from", [&] { return request.mutable_create_time_from(); }));
  RETURN_IF_ERROR(OptionalTime(inv, "created_to", [&] { return request.mutable_create_time_to(); }));
  return PrintList<v1::ListTicketsRequest, v1::ListTicketsResponse, v1::Ticket>(
      inv, request,
      [&](const v1::ListTicketsRequest& r) { return tickets.Call<v1::ListTicketsResponse>(&Stub::ListTickets, r); },
      &v1::ListTicketsResponse::mutable_tickets, &TicketTable);
}

absl::Status TicketActivities(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListTicketActivitiesRequest request;
  ASSIGN_OR_RETURN(*request.mutable_ticket(), NameArg(inv, 0, "tickets", "ticket"));
  return PrintList<v1::ListTicketActivitiesRequest, v1::ListTicketActivitiesResponse, v1::TicketActivity>(
      inv, request,
      [&](const v1::ListTicketActivitiesRequest& r) {
        return tickets.Call<v1::ListTicketActivitiesResponse>(&Stub::ListTicketActivities, r);
      },
      &v1::ListTicketActivitiesResponse::mutable_activities, &ActivityTable);
}

absl::Status TicketUpdate(const Invocation& inv, const TicketsClient& tickets) {
  v1::UpdateTicketRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Ticket& t = *request.mutable_ticket();
  ASSIGN_OR_RETURN(*t.mutable_name(), NameArg(inv, 0, "tickets", "ticket"));
  google::protobuf::FieldMask& mask = *request.mutable_update_mask();
  if (inv.config.Has("type")) {
    ASSIGN_OR_RETURN(const v1::TicketType type, RequiredEnum<v1::TicketType>(inv, "type"));
    t.set_type(type);
    mask.add_paths("type");
  }
  if (inv.config.Has("severity")) {
    ASSIGN_OR_RETURN(const v1::Severity severity, RequiredEnum<v1::Severity>(inv, "severity"));
    t.set_severity(severity);
    mask.add_paths("severity");
  }
  for (const auto& [key, field] : {std::pair{"summary", &v1::Ticket::mutable_summary},
                                   {"description", &v1::Ticket::mutable_description},
                                   {"location", &v1::Ticket::mutable_location}}) {
    if (!inv.config.Has(key)) continue;
    *(t.*field)() = inv.config.String(key);
    mask.add_paths(key);
  }
  if (inv.config.Has("occurred")) {
    RETURN_IF_ERROR(OptionalTime(inv, "occurred", [&] { return t.mutable_occurred_time(); }));
    mask.add_paths("occurred_time");
  }
  if (inv.config.Has("related")) {
    RETURN_IF_ERROR(OptionalRelated(inv, [&] { return t.mutable_related(); }));
    mask.add_paths("related");
  }
  if (mask.paths().empty()) {
    return UsageError("nothing to change: give --type, --severity, --summary, --description, --location, "
                      "--occurred or --related");
  }
  if (inv.config.Has("type") || inv.config.Has("severity")) {
    ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  } else {
    request.set_reason(inv.config.String("reason"));
  }
  ASSIGN_OR_RETURN(*t.mutable_etag(), TicketEtag(inv, tickets, t.name()));
  const auto made = tickets.Call<v1::Ticket>(&Stub::UpdateTicket, request);
  return PrintWrite(inv, made, "updated " + t.name(), &TicketDetail, request.request_id());
}

}  // namespace

void AddTicketRecordCommands(TicketsSubcommands& table) {
  table.insert({
      {"tickets create",
       {&TicketCreate,
        {"type", "channel", "severity", "summary", "description", "location", "occurred", "customer", "contact_name",
         "contact_phone", "contact_id_card", "contact_tier", "related", "follow_up_of", "request_id"},
        0}},
      {"tickets get", {&TicketGet, {}, 1}},
      {"tickets list",
       {&TicketList,
        {"state", "open", "priority", "type", "channel", "resolver_unit", "intake_unit", "subtree", "assignee",
         "first_responder", "accountable", "customer", "follow_up_of", "related", "sla_state", "created_from",
         "created_to", "page_size", "page_token", "all"},
        0}},
      {"tickets activities", {&TicketActivities, {"page_size", "page_token", "all"}, 1}},
      {"tickets update",
       {&TicketUpdate,
        {"type", "severity", "summary", "description", "location", "occurred", "related", "reason", "etag",
         "request_id"},
        1}},
  });
}

}  // namespace huinong::ctl
