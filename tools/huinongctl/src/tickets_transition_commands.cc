// One command per transition of TicketService, `huinongctl tickets answer|
// open-case|assign|start|transfer|escalate|on-site|notify-manager|follow-up|
// wait|resume|renew-promise|submit-reply|approve-reply|reject-reply|resolve|
// reopen|cancel TICKET …`. Each sends the ticket's name, a request id
// (--request-id, or a new one printed so a retry can reuse it) and the etag
// (--etag, or the ticket's current one read just before), after its own
// flags were checked; the ticket as the transition left it is printed.
// Which state allows which transition is the server's table
// (docs/state-machines.md): a refusal comes back as INVALID_TRANSITION.
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/tickets_commands.h"
#include "tools/huinongctl/src/tickets_flags.h"
#include "tools/huinongctl/src/tickets_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Stub = v1::TicketService::Stub;

// The transition `method` on the ticket named by the first word: `fill`
// reads the command's own flags into the request (a usage error stops it
// before anything is sent), then the etag is settled and the call made.
template <typename Request, typename Fill>
absl::Status Transition(const Invocation& inv, const TicketsClient& tickets,
                        grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, v1::Ticket*),
                        const std::string& verb, Fill fill) {
  Request request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, 0, "tickets", "ticket"));
  RETURN_IF_ERROR(fill(request));
  ASSIGN_OR_RETURN(*request.mutable_etag(), TicketEtag(inv, tickets, request.name()));
  const auto moved = tickets.Call<v1::Ticket>(method, request);
  return PrintWrite(inv, moved, absl::StrCat(verb, " ", request.name()), &TicketDetail, request.request_id());
}

// A transition whose only flag is an optional --note.
template <typename Request>
absl::Status Noted(const Invocation& inv, const TicketsClient& tickets,
                   grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, v1::Ticket*),
                   const std::string& verb) {
  return Transition(inv, tickets, method, verb, [&](Request& r) {
    r.set_note(inv.config.String("note"));
    return absl::OkStatus();
  });
}

// A transition whose only flag is the required text --key, sent in `field`.
template <typename Request>
absl::Status Texted(const Invocation& inv, const TicketsClient& tickets,
                    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, v1::Ticket*),
                    const std::string& verb, const std::string& key, std::string* (Request::*field)()) {
  return Transition(inv, tickets, method, verb, [&](Request& r) -> absl::Status {
    ASSIGN_OR_RETURN(*(r.*field)(), RequiredFlag(inv, key));
    return absl::OkStatus();
  });
}

absl::Status Answer(const Invocation& inv, const TicketsClient& tickets) {
  return Texted(inv, tickets, &Stub::AnswerAtFirstContact, "answered", "answer",
                &v1::AnswerAtFirstContactRequest::mutable_answer);
}

absl::Status OpenCase(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::OpenCase, "opened a case on", [&](v1::OpenCaseRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(*r.mutable_promised_time(), RequiredTime(inv, "promise"));
    RETURN_IF_ERROR(OptionalName(inv, "resolver_unit", "units", r.mutable_resolver_unit()));
    r.set_note(inv.config.String("note"));
    return absl::OkStatus();
  });
}

absl::Status Assign(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::AssignTicket, "assigned", [&](v1::AssignTicketRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(*r.mutable_assignee(), RequiredName(inv, "assignee", "staff"));
    RETURN_IF_ERROR(OptionalName(inv, "resolver_unit", "units", r.mutable_resolver_unit()));
    r.set_note(inv.config.String("note"));
    return absl::OkStatus();
  });
}

absl::Status Start(const Invocation& inv, const TicketsClient& tickets) {
  return Noted(inv, tickets, &Stub::StartWork, "started work on");
}

absl::Status Transfer(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::TransferTicket, "transferred", [&](v1::TransferTicketRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(*r.mutable_to_unit(), RequiredName(inv, "to_unit", "units"));
    RETURN_IF_ERROR(OptionalName(inv, "to_assignee", "staff", r.mutable_to_assignee()));
    ASSIGN_OR_RETURN(*r.mutable_reason(), RequiredFlag(inv, "reason"));
    ASSIGN_OR_RETURN(*r.mutable_customer_note(), RequiredFlag(inv, "customer_note"));
    return absl::OkStatus();
  });
}

absl::Status Escalate(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::EscalateTicket, "escalated", [&](v1::EscalateTicketRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(const v1::EscalationLevel level, OptionalEnum<v1::EscalationLevel>(inv, "to_level"));
    r.set_to_level(level);
    ASSIGN_OR_RETURN(*r.mutable_reason(), RequiredFlag(inv, "reason"));
    ASSIGN_OR_RETURN(*r.mutable_customer_note(), RequiredFlag(inv, "customer_note"));
    return absl::OkStatus();
  });
}

absl::Status OnSite(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::RecordOnSiteArrival, "recorded arrival on site for",
                    [&](v1::RecordOnSiteArrivalRequest& r) -> absl::Status {
                      RETURN_IF_ERROR(OptionalName(inv, "staff", "staff", r.mutable_staff()));
                      RETURN_IF_ERROR(OptionalTime(inv, "at", [&] { return r.mutable_arrival_time(); }));
                      r.set_note(inv.config.String("note"));
                      return absl::OkStatus();
                    });
}

absl::Status NotifyManager(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::RecordManagerNotified, "recorded the manager told of",
                    [&](v1::RecordManagerNotifiedRequest& r) -> absl::Status {
                      ASSIGN_OR_RETURN(*r.mutable_manager(), RequiredName(inv, "manager", "staff"));
                      RETURN_IF_ERROR(OptionalTime(inv, "at", [&] { return r.mutable_notify_time(); }));
                      ASSIGN_OR_RETURN(const v1::TicketChannel channel, RequiredEnum<v1::TicketChannel>(inv, "channel"));
                      r.set_channel(channel);
                      r.set_note(inv.config.String("note"));
                      return absl::OkStatus();
                    });
}

absl::Status FollowUp(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::RecordFollowUp, "recorded a follow-up on",
                    [&](v1::RecordFollowUpRequest& r) -> absl::Status {
                      ASSIGN_OR_RETURN(*r.mutable_note(), RequiredFlag(inv, "note"));
                      ASSIGN_OR_RETURN(const v1::TicketChannel channel, RequiredEnum<v1::TicketChannel>(inv, "channel"));
                      r.set_channel(channel);
                      return absl::OkStatus();
                    });
}

absl::Status Wait(const Invocation& inv, const TicketsClient& tickets) {
  return Texted(inv, tickets, &Stub::WaitForCustomer, "waiting on the customer for", "reason",
                &v1::WaitForCustomerRequest::mutable_reason);
}

absl::Status Resume(const Invocation& inv, const TicketsClient& tickets) {
  return Noted(inv, tickets, &Stub::ResumeTicket, "resumed");
}

absl::Status RenewPromise(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::RenewPromise, "renewed the promise of",
                    [&](v1::RenewPromiseRequest& r) -> absl::Status {
                      ASSIGN_OR_RETURN(*r.mutable_promised_time(), RequiredTime(inv, "promise"));
                      ASSIGN_OR_RETURN(*r.mutable_progress_note(), RequiredFlag(inv, "progress"));
                      ASSIGN_OR_RETURN(const bool apologised, Switch(inv, "apologised"));
                      r.set_apologised(apologised);
                      return absl::OkStatus();
                    });
}

absl::Status SubmitReply(const Invocation& inv, const TicketsClient& tickets) {
  return Texted(inv, tickets, &Stub::SubmitReplyForApproval, "asked for approval of the reply to", "reply",
                &v1::SubmitReplyForApprovalRequest::mutable_proposed_reply);
}

absl::Status ApproveReply(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::ApproveReply, "approved the reply to", [&](v1::ApproveReplyRequest& r) {
    r.set_comment(inv.config.String("comment"));
    return absl::OkStatus();
  });
}

absl::Status RejectReply(const Invocation& inv, const TicketsClient& tickets) {
  return Texted(inv, tickets, &Stub::RejectReply, "rejected the reply to", "comment",
                &v1::RejectReplyRequest::mutable_comment);
}

absl::Status Resolve(const Invocation& inv, const TicketsClient& tickets) {
  return Texted(inv, tickets, &Stub::ResolveTicket, "resolved", "resolution", &v1::ResolveTicketRequest::mutable_resolution);
}

absl::Status Reopen(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::ReopenTicket, "reopened", [&](v1::ReopenTicketRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(*r.mutable_reason(), RequiredFlag(inv, "reason"));
    ASSIGN_OR_RETURN(*r.mutable_promised_time(), RequiredTime(inv, "promise"));
    return absl::OkStatus();
  });
}

absl::Status Cancel(const Invocation& inv, const TicketsClient& tickets) {
  return Transition(inv, tickets, &Stub::CancelTicket, "cancelled", [&](v1::CancelTicketRequest& r) -> absl::Status {
    ASSIGN_OR_RETURN(const v1::CancelReason reason, RequiredEnum<v1::CancelReason>(inv, "reason"));
    r.set_reason(reason);
    if (reason == v1::CANCEL_REASON_DUPLICATE) {
      if (!inv.config.Has("duplicate_of")) return UsageError("--duplicate-of tickets/ID is required with --reason duplicate");
      ASSIGN_OR_RETURN(*r.mutable_duplicate_of(), RequiredName(inv, "duplicate_of", "tickets"));
    } else if (inv.config.Has("duplicate_of")) {
      return UsageError("--duplicate-of goes only with --reason duplicate");
    }
    ASSIGN_OR_RETURN(*r.mutable_note(), RequiredFlag(inv, "note"));
    return absl::OkStatus();
  });
}

// A transition's flags: its own, then --etag and --request-id.
std::vector<std::string> With(std::vector<std::string> flags) {
  flags.insert(flags.end(), {"etag", "request_id"});
  return flags;
}

}  // namespace

void AddTicketTransitionCommands(TicketsSubcommands& table) {
  table.insert({
      {"tickets answer", {&Answer, With({"answer"}), 1}},
      {"tickets open-case", {&OpenCase, With({"promise", "resolver_unit", "note"}), 1}},
      {"tickets assign", {&Assign, With({"assignee", "resolver_unit", "note"}), 1}},
      {"tickets start", {&Start, With({"note"}), 1}},
      {"tickets transfer", {&Transfer, With({"to_unit", "to_assignee", "reason", "customer_note"}), 1}},
      {"tickets escalate", {&Escalate, With({"to_level", "reason", "customer_note"}), 1}},
      {"tickets on-site", {&OnSite, With({"staff", "at", "note"}), 1}},
      {"tickets notify-manager", {&NotifyManager, With({"manager", "at", "channel", "note"}), 1}},
      {"tickets follow-up", {&FollowUp, With({"note", "channel"}), 1}},
      {"tickets wait", {&Wait, With({"reason"}), 1}},
      {"tickets resume", {&Resume, With({"note"}), 1}},
      {"tickets renew-promise", {&RenewPromise, With({"promise", "progress", "apologised"}), 1}},
      {"tickets submit-reply", {&SubmitReply, With({"reply"}), 1}},
      {"tickets approve-reply", {&ApproveReply, With({"comment"}), 1}},
      {"tickets reject-reply", {&RejectReply, With({"comment"}), 1}},
      {"tickets resolve", {&Resolve, With({"resolution"}), 1}},
      {"tickets reopen", {&Reopen, With({"reason", "promise"}), 1}},
      {"tickets cancel", {&Cancel, With({"reason", "duplicate_of", "note"}), 1}},
  });
}

}  // namespace huinong::ctl
