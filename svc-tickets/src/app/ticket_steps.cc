// See ticket_steps.h.
#include "svc-tickets/src/app/ticket_steps.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/promise.h"
#include "svc-tickets/src/domain/reply_approval.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;


// A unit to work a ticket in: it exists in svc-org (NOT_FOUND otherwise).
absl::StatusOr<std::string> ResolverPath(StepContext& c, const std::string& unit_id) {
  absl::StatusOr<std::string> path = UnitPath(c.org, unit_id);
  if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", unit_id));
  return path;
}

// The person named to work the ticket holds its priority's capability in
// the resolver unit.
absl::Status CheckAssignee(StepContext& c, const std::string& staff) {
  ActorFacts assignee;
  assignee.staff = staff;
  const std::string capability(HandlerCapability(c.ticket.priority));
  ASSIGN_OR_RETURN(const bool held, c.org.Holds(staff, capability, c.ticket.people.resolver_unit, c.m.today()));
  if (held) assignee.capabilities.insert(capability);
  return CheckHandler(c.ticket.priority, assignee);
}

std::string Staff(const std::string& id) { return rpc::FormatName("staff", id); }
std::string Unit(const std::string& id) { return rpc::FormatName("units", id); }

}  // namespace

absl::Status MakePromise(StepContext& c, absl::Time promised, const std::string& note, bool apologised) {
  ASSIGN_OR_RETURN(const std::shared_ptr<const calendar::WorkCalendar> cal,
                   c.org.CalendarFor(c.ticket.people.resolver_unit, c.m.today()));
  ASSIGN_OR_RETURN(const SlaPolicy policy, PolicyFor(c.m.tx(), c.ticket));
  ASSIGN_OR_RETURN(const absl::Time latest, LatestPromise(policy, *cal, c.m.now()));
  RETURN_IF_ERROR(CheckPromiseTime(promised, c.m.now(), latest, "promised_time"));
  return AddPromise(c.ticket.promises, promised, c.m.now(), c.actor.staff, note, apologised);
}

absl::StatusOr<EscalationTarget> EscalationTargetOf(OrgView& org, const std::string& resolver_unit,
                                                    EscalationLevel level) {
  switch (level) {
    case EscalationLevel::kShiftLeader: return EscalationTarget{resolver_unit, std::string(kSupervisor)};
    case EscalationLevel::kDepartmentHead: return EscalationTarget{resolver_unit, std::string(kManager)};
    case EscalationLevel::kUnitAbove: {
      ASSIGN_OR_RETURN(const org_directory::UnitLineage lineage, org.Lineage(resolver_unit));
      if (lineage.chain.size() < 2) {
        return rpc::FailedPrecondition("TOP_LEVEL_REACHED", absl::StrCat(Unit(resolver_unit), " has no unit above"));
      }
      return EscalationTarget{lineage.chain[lineage.chain.size() - 2].id, std::string(kSupervisor)};
    }
    case EscalationLevel::kAgent: break;
  }
  return rpc::InvalidField("to_level", "must be above the agent level");
}

TicketStep AnswerStep(std::string answer) {
  return {E::kAnswerAtFirstContact, ActivityKind::kAnswered, [answer](StepContext& c) -> absl::Status {
            RETURN_IF_ERROR(CheckCloseWithoutCallback(c.ticket.callbacks_required));
            std::optional<ReplyDecision> decision;
            if (c.ticket.reply_approval && c.ticket.reply_approval->approved) {
              decision = ReplyDecision{c.ticket.reply_approval->proposed_reply, c.ticket.reply_approval->requested_by,
                                       true};
            }
            RETURN_IF_ERROR(CheckReplyMayBeGiven(c.ticket.approval_required, decision, answer));
            c.ticket.answered_at_first_contact = true;
            c.ticket.resolution = answer;
            c.ticket.resolved_by = c.actor.staff;
            c.activity.note = answer;
            return absl::OkStatus();
          }};
}

TicketStep OpenCaseStep(absl::Time promised, std::string resolver_unit, std::string note) {
  return {E::kOpenCase, ActivityKind::kCaseOpened, [=](StepContext& c) -> absl::Status {
            const std::string unit = resolver_unit.empty() ? c.ticket.intake_unit : resolver_unit;
            ASSIGN_OR_RETURN(c.ticket.resolver_path, ResolverPath(c, unit));
            c.ticket.people = CaseOpened(c.ticket.people, unit);
            RETURN_IF_ERROR(MakePromise(c, promised, note, false));
            c.activity.note = note;
            c.activity.target = Unit(unit);
            c.activity.customer_informed = true;
            return absl::OkStatus();
          }};
}

TicketStep AssignStep(std::string resolver_unit, std::string assignee, std::string note) {
  return {E::kAssign, ActivityKind::kAssigned, [=](StepContext& c) -> absl::Status {
            // A supervisor names anyone; a holder of the priority's
            // capability takes it themselves (ticket_service.proto).
            if (!c.actor.capabilities.contains(kSupervisor) && assignee != c.actor.staff) {
              return rpc::WithReason(rpc::PermissionDenied("only a tickets.supervisor assigns someone else; a "
                                                           "holder of the priority's capability assigns themselves"),
                                     "CAPABILITY_MISSING");
            }
            if (!resolver_unit.empty() && resolver_unit != c.ticket.people.resolver_unit) {
              // Within the resolver unit's subtree only: another unit is a
              // transfer, with its reason and what the customer was told.
              ASSIGN_OR_RETURN(const std::string path, ResolverPath(c, resolver_unit));
              if (!absl::StartsWith(path, c.ticket.resolver_path)) {
                return rpc::FailedPrecondition("NOT_IN_UNIT",
                                               absl::StrCat(Unit(resolver_unit), " is not below ",
                                                            Unit(c.ticket.people.resolver_unit),
                                                            ": another unit's work is TransferTicket's"));
              }
              c.ticket.resolver_path = path;
              c.ticket.people.resolver_unit = resolver_unit;
            }
            RETURN_IF_ERROR(CheckAssignee(c, assignee));
            c.activity.source = c.ticket.people.assignee.empty() ? "" : Staff(c.ticket.people.assignee);
            c.ticket.people = Assigned(c.ticket.people, assignee);
            c.activity.target = Staff(assignee);
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

TicketStep StartWorkStep(std::string note) {
  return {E::kStartWork, ActivityKind::kWorkStarted, [=](StepContext& c) -> absl::Status {
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

TicketStep TransferStep(std::string to_unit, std::string to_assignee, std::string reason, std::string customer_note) {
  return {E::kTransfer, ActivityKind::kTransferred, [=](StepContext& c) -> absl::Status {
            const std::string from = c.ticket.people.resolver_unit;
            ASSIGN_OR_RETURN(c.ticket.people, Transferred(c.ticket.people, to_unit, to_assignee));
            ASSIGN_OR_RETURN(c.ticket.resolver_path, ResolverPath(c, to_unit));
            if (!to_assignee.empty()) RETURN_IF_ERROR(CheckAssignee(c, to_assignee));
            c.activity.source = Unit(from);
            c.activity.target = Unit(to_unit);
            c.activity.note = absl::StrCat(reason, "\nTold the customer: ", customer_note);
            c.activity.customer_informed = true;
            return absl::OkStatus();
          }};
}

TicketStep EscalateStep(std::optional<EscalationLevel> to_level, std::string reason, std::string customer_note) {
  return {E::kEscalate, ActivityKind::kEscalated, [=](StepContext& c) -> absl::Status {
            EscalationLevel level;
            if (to_level) {
              level = *to_level;
            } else {
              ASSIGN_OR_RETURN(level, NextLevel(c.ticket.people.escalation_level));
            }
            ASSIGN_OR_RETURN(const EscalationTarget target,
                             EscalationTargetOf(c.org, c.ticket.people.resolver_unit, level));
            ASSIGN_OR_RETURN(const std::vector<std::string> holders,
                             c.org.CapabilityHolders(target.capability, target.unit_id, c.m.today()));
            if (holders.empty()) {
              return rpc::FailedPrecondition(
                  "NO_ESCALATION_TARGET",
                  absl::StrCat("nobody holds ", target.capability, " for ", Unit(target.unit_id)));
            }
            // The first holder other than the person it is escalated from.
            std::string holder = holders.front();
            for (const std::string& h : holders) {
              if (h != c.ticket.people.assignee) {
                holder = h;
                break;
              }
            }
            c.activity.source = c.ticket.people.assignee.empty() ? "" : Staff(c.ticket.people.assignee);
            ASSIGN_OR_RETURN(c.ticket.people, Escalated(c.ticket.people, level, holder));
            c.activity.target = Staff(holder);
            c.activity.note = absl::StrCat(reason, "\nTold the customer: ", customer_note);
            c.activity.customer_informed = true;
            return absl::OkStatus();
          }};
}

TicketStep WaitForCustomerStep(std::string reason) {
  return {E::kWaitForCustomer, ActivityKind::kWaitingOnCustomer, [=](StepContext& c) -> absl::Status {
            c.activity.note = reason;
            return absl::OkStatus();
          }};
}

TicketStep ResumeStep(std::string note) {
  return {E::kResume, ActivityKind::kResumed, [=](StepContext& c) -> absl::Status {
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

TicketStep ResolveStep(std::string resolution) {
  return {E::kResolve, ActivityKind::kResolved, [=](StepContext& c) -> absl::Status {
            std::optional<ReplyDecision> decision;
            if (c.ticket.reply_approval && c.ticket.reply_approval->approved) {
              decision = ReplyDecision{c.ticket.reply_approval->proposed_reply, c.ticket.reply_approval->requested_by,
                                       true};
            }
            RETURN_IF_ERROR(CheckReplyMayBeGiven(c.ticket.approval_required, decision, resolution));
            if (c.ticket.state == TicketState::kRegistered) c.ticket.answered_at_first_contact = true;
            c.ticket.resolution = resolution;
            c.ticket.resolved_by = c.actor.staff;
            c.ticket.satisfied_callbacks = 0;
            SettlePromiseAtResolution(c.ticket.promises, c.m.now());
            c.activity.note = resolution;
            if (c.ticket.callbacks_required == 0) {
              c.ticket.close_reason = CloseReason::kNoCallbackRequired;
              c.then = E::kCloseNoCallbackDue;
              c.then_kind = ActivityKind::kClosed;
            }
            return absl::OkStatus();
          }};
}

TicketStep ReopenStep(std::string reason, absl::Time promised) {
  return {E::kReopen, ActivityKind::kReopened, [=](StepContext& c) -> absl::Status {
            RETURN_IF_ERROR(MakePromise(c, promised, reason, true));
            ++c.ticket.reopen_count;
            c.ticket.close_reason = CloseReason::kUnspecified;
            c.ticket.satisfied_callbacks = 0;
            c.activity.note = reason;
            return absl::OkStatus();
          }};
}

TicketStep CancelStep(CancelReason reason, std::string duplicate_of, std::string note) {
  return {E::kCancel, ActivityKind::kCancelled, [=](StepContext& c) -> absl::Status {
            if (reason == CancelReason::kDuplicate) {
              if (duplicate_of == c.ticket.id) return rpc::InvalidField("duplicate_of", "names the ticket itself");
              ASSIGN_OR_RETURN(const std::optional<Ticket> kept, store::GetTicket(c.m.tx(), duplicate_of));
              if (!kept) return rpc::NotFound(rpc::FormatName("tickets", duplicate_of));
              RETURN_IF_ERROR(RequireTicketReadable(c.org, c.m.caller(), *kept));
              c.ticket.duplicate_of = duplicate_of;
            }
            c.ticket.cancel_reason = reason;
            c.activity.note = note;
            return absl::OkStatus();
          }};
}

}  // namespace huinong::tickets
