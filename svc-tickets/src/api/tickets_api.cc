// TicketService's intake and reads (see tickets_api.h): CreateTicket through
// the kit (app/intake.h); GetTicket, ListTickets and ListTicketActivities
// within the caller's scope (app/ticket_access.h).
#include "svc-tickets/src/api/tickets_api.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/app/intake.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

// A unit filter as a path: NOT_FOUND for a unit svc-org does not know;
// PERMISSION_DENIED outside the caller's scope.
absl::StatusOr<std::string> FilterPath(OrgView& org, const std::vector<std::string>& scope, const std::string& unit) {
  absl::StatusOr<std::string> path = UnitPath(org, unit);
  if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", unit));
  if (!path.ok()) return path.status();
  if (scope.empty()) return path;
  for (const std::string& s : scope) {
    if (absl::StartsWith(*path, s)) return path;
  }
  return rpc::PermissionDenied(absl::StrCat("units/", unit, " is outside the caller's scope"));
}

}  // namespace

grpc::Status TicketsApi::CreateTicket(grpc::ServerContext* ctx, const v1::CreateTicketRequest* req,
                                      v1::Ticket* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateTicket", [&](const auth::Principal& caller) -> server::Prepared<v1::Ticket> {
    rpc::Violations v;
    const Ticket draft = DraftFrom(req->ticket(), v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::Ticket> {
      ASSIGN_OR_RETURN(const Ticket t, RegisterTicket(m, desk_, draft));
      return Shown(caller, t);
    };
  });
}

grpc::Status TicketsApi::GetTicket(grpc::ServerContext* ctx, const v1::GetTicketRequest* req, v1::Ticket* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "tickets", "name", v);
    std::optional<Ticket> t;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(t, ReadableTicket(org_, caller, conn, id));
      return absl::OkStatus();
    }));
    ASSIGN_OR_RETURN(*resp, Shown(caller, *t));
    return absl::OkStatus();
  });
}

grpc::Status TicketsApi::ListTickets(grpc::ServerContext* ctx, const v1::ListTicketsRequest* req,
                                     v1::ListTicketsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::TicketQuery q;
    if (!v1::TicketState_IsValid(req->state())) v.Add("state", "not a ticket state");
    if (!v1::Priority_IsValid(req->priority())) v.Add("priority", "not a priority");
    if (!v1::TicketType_IsValid(req->type())) v.Add("type", "not a ticket type");
    if (!v1::TicketChannel_IsValid(req->channel())) v.Add("channel", "not a channel");
    if (!v1::SlaClockState_IsValid(req->sla_state())) v.Add("sla_state", "not a clock state");
    q.state = req->state();
    q.open_only = req->open_only();
    q.priority = req->priority();
    q.type = req->type();
    q.channel = req->channel();
    q.sla_state = req->sla_state();
    const std::string resolver = rpc::ParseOptionalName(req->resolver_unit(), "units", "resolver_unit", v);
    const std::string intake = rpc::ParseOptionalName(req->intake_unit(), "units", "intake_unit", v);
    q.assignee = rpc::ParseOptionalName(req->assignee(), "staff", "assignee", v);
    q.first_responder = rpc::ParseOptionalName(req->first_responder(), "staff", "first_responder", v);
    q.accountable = rpc::ParseOptionalName(req->accountable(), "staff", "accountable", v);
    q.customer_id = rpc::ParseOptionalName(req->customer(), "customers", "customer", v);
    q.follow_up_of = rpc::ParseOptionalName(req->follow_up_of(), "tickets", "follow_up_of", v);
    q.related_service = req->related().service();
    q.related_name = req->related().name();
    if (req->has_create_time_from()) q.created_from = rpc::FromTimestamp(req->create_time_from());
    if (req->has_create_time_to()) q.created_to = rpc::FromTimestamp(req->create_time_to());
    v1::ListTicketsRequest filters_only = *req;
    filters_only.clear_page_size();
    filters_only.clear_page_token();
    const std::string filters = filters_only.SerializeAsString();
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(q.scope_paths, ReadScope(org_, caller));
    if (!resolver.empty()) {
      ASSIGN_OR_RETURN(q.resolver_path_prefix, FilterPath(org_, q.scope_paths, resolver));
      q.resolver_exact = !req->include_subtree();
    }
    if (!intake.empty()) {
      ASSIGN_OR_RETURN(q.intake_path_prefix, FilterPath(org_, q.scope_paths, intake));
      q.intake_exact = !req->include_subtree();
    }
    std::vector<Ticket> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListTickets(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Ticket& t) { return t.id; }));
    for (const Ticket& t : rows) {
      // Lists never show contact data whole: the record itself does.
      *resp->add_tickets() = TicketProto(t, kit_.clock().zone(), false);
    }
    return absl::OkStatus();
  });
}

grpc::Status TicketsApi::ListTicketActivities(grpc::ServerContext* ctx, const v1::ListTicketActivitiesRequest* req,
                                              v1::ListTicketActivitiesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->ticket(), "tickets", "ticket", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const int64_t after = rpc::PageAfterSequence(req->page_token(), req->ticket(), 0, v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(ReadableTicket(org_, caller, conn, id).status());
      ASSIGN_OR_RETURN(std::vector<TicketActivity> rows,
                       store::ListActivities(conn, id, static_cast<int>(after), page_size + 1));
      resp->set_next_page_token(rpc::NextPageToken(rows, page_size, req->ticket(), [](const TicketActivity& a) {
        return absl::StrCat(a.seq);
      }));
      for (const TicketActivity& a : rows) *resp->add_activities() = ActivityProto(a);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::tickets
