// See ticket_records.h.
#include "svc-tickets/src/app/ticket_records.h"


#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/app/ticket_steps.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/promise.h"
#include "svc-tickets/src/domain/reply_approval.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;
using Rec = TicketRecord;

std::string Staff(const std::string& id) { return rpc::FormatName("staff", id); }

// When a thing recorded happened: now when not given; never in the future,
// never before the ticket was taken.
absl::StatusOr<absl::Time> HappenedAt(const StepContext& c, std::optional<absl::Time> given, const std::string& field) {
  if (!given) return c.m.now();
  if (*given > c.m.now()) return rpc::InvalidField(field, "must not be in the future");
  if (*given < c.ticket.create_time) return rpc::InvalidField(field, "must not be before the ticket was taken");
  return *given;
}

absl::Status RequireEmergency(const Ticket& t, absl::string_view what) {
  if (t.priority == Priority::kP1) return absl::OkStatus();
  return rpc::FailedPrecondition("NOT_EMERGENCY", absl::StrCat(what, " is recorded for a P1 emergency; this ticket is ",
                                                               PriorityName(t.priority)));
}

// Whether `staff` holds tickets.manager for the ticket's resolver or intake unit.
absl::StatusOr<bool> IsManagerOf(StepContext& c, const std::string& staff) {
  const std::string manager(kManager);
  ASSIGN_OR_RETURN(bool held, c.org.Holds(staff, manager, c.ticket.people.resolver_unit, c.m.today()));
  if (!held && c.ticket.intake_unit != c.ticket.people.resolver_unit) {
    ASSIGN_OR_RETURN(held, c.org.Holds(staff, manager, c.ticket.intake_unit, c.m.today()));
  }
  return held;
}

// The leader's decision on the reply awaiting approval, never its author's.
absl::Status Decide(StepContext& c, bool approved, const std::string& comment) {
  if (!c.ticket.reply_approval) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", "no reply of this ticket awaits approval");
  }
  ReplyApprovalRecord& r = *c.ticket.reply_approval;
  RETURN_IF_ERROR(CheckApprover(c.actor.staff, r.requested_by));
  r.decided_by = c.actor.staff;
  r.decide_time = c.m.now();
  r.approved = approved;
  r.comment = comment;
  c.activity.note = comment;
  c.activity.target = Staff(r.requested_by);
  return absl::OkStatus();
}

// The named fields of `from` copied onto `to`.
void Correct(Ticket& to, const Ticket& from, const std::set<std::string>& fields) {
  if (fields.contains("type")) to.type = from.type;
  if (fields.contains("severity")) to.severity = from.severity;
  if (fields.contains("summary")) to.summary = from.summary;
  if (fields.contains("description")) to.description = from.description;
  if (fields.contains("location")) to.location = from.location;
  if (fields.contains("occurred_time")) to.occurred_time = from.occurred_time;
  if (fields.contains("related")) to.related = from.related;
}

}  // namespace

const std::set<std::string>& CorrectableFields() {
  static const auto* fields = new std::set<std::string>{"type",     "severity",      "summary", "description",
                                                        "location", "occurred_time", "related"};
  return *fields;
}

TicketStep UpdateStep(IntakeCorrection k) {
  return {Rec::kUpdate, ActivityKind::kUpdated,
          [k](StepContext& c) -> absl::Status {
            Ticket& t = c.ticket;
            // A complaint may not be turned into a type that could be
            // cancelled and so disappear from the count (`001:935`).
            if (k.fields.contains("type") && IsComplaint(t.type) && !IsComplaint(k.details.type)) {
              return rpc::WithReason(
                  rpc::InvalidField("ticket.type", "a complaint stays a complaint or a grievance"),
                  "COMPLAINT_TYPE_KEPT");
            }
            const Priority before = t.priority;
            Correct(t, k.details, k.fields);
            if (k.fields.contains("type") || k.fields.contains("severity")) {
              RETURN_IF_ERROR(DeriveHandling(c.m.tx(), t).status());
            }
            c.activity.note = absl::StrCat("Corrected ", absl::StrJoin(k.fields, ", "));
            if (t.priority != before) {
              absl::StrAppend(&c.activity.note, "; priority ", PriorityName(before), " → ", PriorityName(t.priority));
            }
            if (!k.reason.empty()) absl::StrAppend(&c.activity.note, ": ", k.reason);
            return absl::OkStatus();
          }};
}

TicketStep OnSiteArrivalStep(std::string staff, std::optional<absl::Time> arrival, std::string note) {
  return {Rec::kOnSiteArrival, ActivityKind::kOnSite,
          [=](StepContext& c) -> absl::Status {
            RETURN_IF_ERROR(RequireEmergency(c.ticket, "an arrival on site"));
            if (c.ticket.on_site_time) {
              return rpc::FailedPrecondition("ALREADY_ON_SITE", "someone's arrival on site is already recorded");
            }
            ASSIGN_OR_RETURN(c.ticket.on_site_time, HappenedAt(c, arrival, "arrival_time"));
            c.activity.target = Staff(staff.empty() ? c.actor.staff : staff);
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

TicketStep ManagerNotifiedStep(std::string manager, std::optional<absl::Time> notified, TicketChannel channel,
                               std::string note) {
  return {Rec::kManagerNotified, ActivityKind::kManagerNotified,
          [=](StepContext& c) -> absl::Status {
            RETURN_IF_ERROR(RequireEmergency(c.ticket, "telling the manager"));
            if (c.ticket.manager_notification) {
              return rpc::FailedPrecondition("ALREADY_NOTIFIED", "the manager's notification is already recorded");
            }
            ASSIGN_OR_RETURN(const bool is_manager, IsManagerOf(c, manager));
            if (!is_manager) {
              return rpc::FailedPrecondition(
                  "NOT_A_MANAGER", absl::StrCat(Staff(manager), " holds no ", kManager, " for the ticket's units"));
            }
            ManagerNotice notice;
            notice.manager = manager;
            notice.notified_by = c.actor.staff;
            ASSIGN_OR_RETURN(notice.notify_time, HappenedAt(c, notified, "notify_time"));
            notice.channel = channel;
            notice.note = note;
            c.ticket.manager_notification = notice;
            c.activity.target = Staff(manager);
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

TicketStep FollowUpStep(TicketChannel channel, std::string note) {
  // The entry is the contact the follow-up-gap clock reads (ticket_clocks.h).
  return {Rec::kFollowUp, ActivityKind::kFollowUp,
          [=](StepContext& c) -> absl::Status {
            c.activity.note = absl::StrCat("By ", TicketChannelName(channel), ": ", note);
            c.activity.customer_informed = true;
            return absl::OkStatus();
          }};
}

TicketStep RenewPromiseStep(absl::Time promised, std::string progress_note, bool apologised) {
  return {Rec::kRenewPromise, ActivityKind::kPromiseRenewed,
          [=](StepContext& c) -> absl::Status {
            const Promise* overdue = OverduePromise(c.ticket.promises, c.m.now());
            std::optional<TicketActivity> missed;
            if (overdue != nullptr) {
              // The missed promise on the timeline before its replacement.
              missed = c.activity;
              missed->kind = ActivityKind::kPromiseBreached;
              missed->note = absl::StrCat("Promise ", overdue->index, " for ",
                                          absl::FormatTime(absl::RFC3339_sec, overdue->promised_time,
                                                           absl::UTCTimeZone()),
                                          " was missed");
            }
            RETURN_IF_ERROR(MakePromise(c, promised, progress_note, apologised));
            if (missed) RETURN_IF_ERROR(store::AppendActivity(c.m.tx(), *missed));
            c.activity.note = progress_note;
            c.activity.customer_informed = true;
            return absl::OkStatus();
          }};
}

TicketStep SubmitReplyStep(std::string proposed_reply) {
  return {E::kSubmitReply, ActivityKind::kApprovalRequested, [=](StepContext& c) -> absl::Status {
            ReplyApprovalRecord r;
            r.proposed_reply = proposed_reply;
            r.requested_by = c.actor.staff;
            r.request_time = c.m.now();
            c.ticket.reply_approval = r;
            c.activity.note = proposed_reply;
            return absl::OkStatus();
          }};
}

TicketStep ApproveReplyStep(std::string comment) {
  return {E::kApproveReply, ActivityKind::kReplyApproved,
          [=](StepContext& c) -> absl::Status { return Decide(c, true, comment); }};
}

TicketStep RejectReplyStep(std::string comment) {
  return {E::kRejectReply, ActivityKind::kReplyRejected,
          [=](StepContext& c) -> absl::Status { return Decide(c, false, comment); }};
}

}  // namespace huinong::tickets
