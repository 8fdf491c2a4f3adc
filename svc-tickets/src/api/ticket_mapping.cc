// See ticket_mapping.h. The domain enums carry the proto values, so each
// converts with a cast once the value is known to be in range.
#include "svc-tickets/src/api/ticket_mapping.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"

namespace huinong::tickets {
namespace {

bool AllDigits(const std::string& s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Staff(const std::string& id) { return id.empty() ? "" : rpc::FormatName("staff", id); }
std::string Unit(const std::string& id) { return id.empty() ? "" : rpc::FormatName("units", id); }

}  // namespace

Ticket DraftFrom(const v1::Ticket& in, rpc::Violations& v) {
  Ticket t;
  if (in.type() <= v1::TICKET_TYPE_UNSPECIFIED || !v1::TicketType_IsValid(in.type())) {
    v.Add("ticket.type", "required: one of the ticket types");
  }
  t.type = static_cast<TicketType>(in.type());
  if (!v1::Severity_IsValid(in.severity())) v.Add("ticket.severity", "not a severity");
  t.severity = static_cast<Severity>(in.severity());
  if (in.channel() <= v1::TICKET_CHANNEL_UNSPECIFIED || !v1::TicketChannel_IsValid(in.channel())) {
    v.Add("ticket.channel", "required: one of the channels");
  }
  t.channel = static_cast<TicketChannel>(in.channel());
  rpc::CheckText(in.summary(), "ticket.summary", 1, 200, v);
  rpc::CheckText(in.description(), "ticket.description", 0, 4000, v);
  rpc::CheckText(in.location(), "ticket.location", 0, 500, v);
  t.summary = in.summary();
  t.description = in.description();
  t.location = in.location();
  if (in.has_occurred_time()) t.occurred_time = rpc::FromTimestamp(in.occurred_time());
  t.customer_id = rpc::ParseOptionalName(in.customer(), "customers", "ticket.customer", v);
  if (t.customer_id.empty()) {
    const v1::CustomerContact& c = in.contact();
    rpc::CheckText(c.display_name(), "ticket.contact.display_name", 1, 100, v);
    if (c.phone().size() < 5 || c.phone().size() > 20 || !AllDigits(c.phone())) {
      v.Add("ticket.contact.phone", "required without ticket.customer: 5-20 digits");
    }
    if (!c.id_card_number().empty() && c.id_card_number().size() != 18) {
      v.Add("ticket.contact.id_card_number", "an 18-character resident ID number");
    }
    if (!v1::CustomerTier_IsValid(c.tier())) v.Add("ticket.contact.tier", "not a tier");
    t.contact = {c.display_name(), c.phone(), c.id_card_number(), static_cast<CustomerTier>(c.tier())};
  }
  if (in.has_related()) {
    const std::string& service = in.related().service();
    if (service != "org" && service != "loans" && service != "tickets") {
      v.Add("ticket.related.service", "one of \"org\", \"loans\", \"tickets\"");
    }
    if (in.related().name().empty() || in.related().name().find('/') == std::string::npos) {
      v.Add("ticket.related.name", "a resource name, e.g. \"loans/{id}\"");
    }
    t.related = {service, in.related().name()};
  }
  t.follow_up_of = rpc::ParseOptionalName(in.follow_up_of(), "tickets", "ticket.follow_up_of", v);
  return t;
}

v1::Ticket TicketProto(const Ticket& t, absl::TimeZone zone, bool contact_visible) {
  v1::Ticket out;
  out.set_name(rpc::FormatName("tickets", t.id));
  out.set_reference_number(ReferenceNumber(t, zone));
  out.set_type(static_cast<v1::TicketType>(t.type));
  out.set_severity(static_cast<v1::Severity>(t.severity));
  out.set_priority(static_cast<v1::Priority>(t.priority));
  out.set_channel(static_cast<v1::TicketChannel>(t.channel));
  out.set_summary(t.summary);
  out.set_description(t.description);
  out.set_location(t.location);
  if (t.occurred_time) *out.mutable_occurred_time() = rpc::ToTimestamp(*t.occurred_time);
  out.set_customer(rpc::FormatName("customers", t.customer_id));
  v1::CustomerContact* c = out.mutable_contact();
  c->set_display_name(t.contact.display_name);
  c->set_phone(contact_visible ? t.contact.phone : mask::Phone(t.contact.phone));
  c->set_id_card_number(contact_visible || t.contact.id_card_number.empty() ? t.contact.id_card_number
                                                                            : mask::IdCard(t.contact.id_card_number));
  c->set_tier(static_cast<v1::CustomerTier>(t.contact.tier));
  if (!t.related.service.empty()) {
    out.mutable_related()->set_service(t.related.service);
    out.mutable_related()->set_name(t.related.name);
  }
  if (!t.follow_up_of.empty()) out.set_follow_up_of(rpc::FormatName("tickets", t.follow_up_of));
  for (const std::string& f : t.follow_ups) out.add_follow_ups(rpc::FormatName("tickets", f));
  out.set_intake_unit(Unit(t.intake_unit));
  out.set_first_responder(Staff(t.people.first_responder));
  out.set_accountable(Staff(t.people.accountable));
  out.set_resolver_unit(Unit(t.people.resolver_unit));
  out.set_assignee(Staff(t.people.assignee));
  out.set_escalation_level(static_cast<v1::EscalationLevel>(t.people.escalation_level));
  out.set_state(static_cast<v1::TicketState>(t.state));
  out.set_answered_at_first_contact(t.answered_at_first_contact);
  out.set_resolution(t.resolution);
  out.set_resolved_by(Staff(t.resolved_by));
  for (const Promise& p : t.promises) {
    v1::Promise* o = out.add_promises();
    o->set_index(p.index);
    *o->mutable_promised_time() = rpc::ToTimestamp(p.promised_time);
    *o->mutable_make_time() = rpc::ToTimestamp(p.make_time);
    o->set_made_by(Staff(p.made_by));
    o->set_state(static_cast<v1::PromiseState>(p.state));
    if (p.breach_time) *o->mutable_breach_time() = rpc::ToTimestamp(*p.breach_time);
    o->set_progress_note(p.progress_note);
    o->set_apologised(p.apologised);
  }
  if (t.reply_approval) {
    const ReplyApprovalRecord& a = *t.reply_approval;
    v1::ReplyApproval* o = out.mutable_reply_approval();
    o->set_proposed_reply(a.proposed_reply);
    o->set_requested_by(Staff(a.requested_by));
    *o->mutable_request_time() = rpc::ToTimestamp(a.request_time);
    o->set_decided_by(Staff(a.decided_by));
    if (a.decide_time) *o->mutable_decide_time() = rpc::ToTimestamp(*a.decide_time);
    o->set_approved(a.approved);
    o->set_comment(a.comment);
  }
  out.set_approval_required(t.approval_required);
  if (t.manager_notification) {
    const ManagerNotice& n = *t.manager_notification;
    v1::ManagerNotification* o = out.mutable_manager_notification();
    o->set_manager(Staff(n.manager));
    o->set_notified_by(Staff(n.notified_by));
    *o->mutable_notify_time() = rpc::ToTimestamp(n.notify_time);
    o->set_channel(static_cast<v1::TicketChannel>(n.channel));
    o->set_note(n.note);
  }
  out.set_callbacks_required(t.callbacks_required);
  out.set_satisfied_callbacks(t.satisfied_callbacks);
  out.set_reopen_count(t.reopen_count);
  out.set_sla_policy(t.sla_policy);
  out.set_close_reason(static_cast<v1::CloseReason>(t.close_reason));
  out.set_cancel_reason(static_cast<v1::CancelReason>(t.cancel_reason));
  if (!t.duplicate_of.empty()) out.set_duplicate_of(rpc::FormatName("tickets", t.duplicate_of));
  *out.mutable_create_time() = rpc::ToTimestamp(t.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(t.update_time);
  if (t.close_time) *out.mutable_close_time() = rpc::ToTimestamp(*t.close_time);
  out.set_etag(rpc::Etag(t.version));
  return out;
}

v1::TicketActivity ActivityProto(const TicketActivity& a) {
  v1::TicketActivity out;
  out.set_name(absl::StrCat("tickets/", a.ticket_id, "/activities/", a.seq));
  out.set_kind(static_cast<v1::ActivityKind>(a.kind));
  out.mutable_actor()->set_subject(a.by_service ? a.actor : Staff(a.actor));
  *out.mutable_time() = rpc::ToTimestamp(a.time);
  out.set_note(a.note);
  out.set_customer_informed(a.customer_informed);
  out.set_source(a.source);
  out.set_target(a.target);
  out.set_from_state(static_cast<v1::TicketState>(a.from_state));
  out.set_to_state(static_cast<v1::TicketState>(a.to_state));
  out.set_request_id(a.request_id);
  return out;
}

v1::SlaClock ClockProto(const std::string& ticket_id, const store::ClockRecord& r) {
  const Clock& c = r.watched.clock;
  v1::SlaClock out;
  out.set_name(absl::StrCat("tickets/", ticket_id, "/clocks/", absl::AsciiStrToLower(ClockKindName(c.kind))));
  out.set_kind(static_cast<v1::SlaClockKind>(c.kind));
  out.set_state(static_cast<v1::SlaClockState>(c.state));
  *out.mutable_start_time() = rpc::ToTimestamp(c.start);
  if (c.due != absl::InfiniteFuture()) *out.mutable_due_time() = rpc::ToTimestamp(c.due);
  if (c.at_risk != absl::InfiniteFuture()) *out.mutable_at_risk_time() = rpc::ToTimestamp(c.at_risk);
  if (c.stop) *out.mutable_stop_time() = rpc::ToTimestamp(*c.stop);
  out.mutable_paused()->set_seconds(absl::ToInt64Seconds(c.paused));
  out.set_policy(r.policy);
  out.set_policy_revision(c.policy_revision);
  if (r.watched.at_risk_mark) *out.mutable_at_risk_mark_time() = rpc::ToTimestamp(*r.watched.at_risk_mark);
  if (r.watched.breach_mark) *out.mutable_breach_mark_time() = rpc::ToTimestamp(*r.watched.breach_mark);
  return out;
}

v1::CallbackAttempt CallbackProto(const std::string& ticket_id, int seq, const CallbackAttempt& a) {
  v1::CallbackAttempt out;
  out.set_name(absl::StrCat("tickets/", ticket_id, "/callbacks/", seq));
  out.set_caller(Staff(a.caller));
  *out.mutable_attempt_time() = rpc::ToTimestamp(a.time);
  out.set_outcome(static_cast<v1::CallbackOutcome>(a.outcome));
  out.set_satisfaction(a.satisfaction);
  out.set_opinion(a.opinion);
  out.set_round(a.round);
  return out;
}

CallbackAttempt CallbackFrom(const v1::CallbackAttempt& in, absl::Time now, rpc::Violations& v) {
  CallbackAttempt a;
  if (!v1::CallbackOutcome_IsValid(in.outcome())) v.Add("callback.outcome", "not an outcome");
  a.outcome = static_cast<CallbackOutcome>(in.outcome());
  a.time = in.has_attempt_time() ? rpc::FromTimestamp(in.attempt_time()) : now;
  a.satisfaction = in.satisfaction();
  rpc::CheckText(in.opinion(), "callback.opinion", 0, 2000, v);
  a.opinion = in.opinion();
  return a;
}

}  // namespace huinong::tickets
