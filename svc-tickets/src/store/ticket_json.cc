// See ticket_json.h. Enums are stored as their numbers (the proto values),
// instants as RFC 3339 UTC text.
#include "svc-tickets/src/store/ticket_json.h"

#include "common/core/json_fields.h"

namespace huinong::tickets::store {
namespace {

using json::Json;

Json TimeOr(const std::optional<absl::Time>& t) { return t ? Json(json::InstantText(t)) : Json(); }

Json PromiseJson(const Promise& p) {
  return Json{{"index", p.index},
              {"promised", json::InstantText(p.promised_time)},
              {"made", json::InstantText(p.make_time)},
              {"made_by", p.made_by},
              {"state", static_cast<int>(p.state)},
              {"breach", TimeOr(p.breach_time)},
              {"note", p.progress_note},
              {"apologised", p.apologised}};
}

Promise PromiseOf(const Json& v) {
  Promise p;
  p.index = static_cast<int>(json::Int(v, "index"));
  p.promised_time = json::Instant(v, "promised").value_or(absl::UnixEpoch());
  p.make_time = json::Instant(v, "made").value_or(absl::UnixEpoch());
  p.made_by = json::String(v, "made_by");
  p.state = static_cast<PromiseState>(json::Int(v, "state"));
  p.breach_time = json::Instant(v, "breach");
  p.progress_note = json::String(v, "note");
  p.apologised = json::Bool(v, "apologised");
  return p;
}

}  // namespace

std::string EncodeTicketBody(const Ticket& t) {
  Json promises = Json::array();
  for (const Promise& p : t.promises) promises.push_back(PromiseJson(p));
  Json body{{"severity", static_cast<int>(t.severity)},
            {"summary", t.summary},
            {"description", t.description},
            {"location", t.location},
            {"occurred", TimeOr(t.occurred_time)},
            {"contact",
             Json{{"name", t.contact.display_name},
                  {"phone", t.contact.phone},
                  {"id_card", t.contact.id_card_number},
                  {"tier", static_cast<int>(t.contact.tier)}}},
            {"follow_ups", t.follow_ups},
            {"escalation_level", static_cast<int>(t.people.escalation_level)},
            {"answered_at_first_contact", t.answered_at_first_contact},
            {"resolution", t.resolution},
            {"resolved_by", t.resolved_by},
            {"promises", std::move(promises)},
            {"approval_required", t.approval_required},
            {"on_site", TimeOr(t.on_site_time)},
            {"callbacks_required", t.callbacks_required},
            {"satisfied_callbacks", t.satisfied_callbacks},
            {"reopen_count", t.reopen_count},
            {"sla_policy", t.sla_policy},
            {"sla_policy_revision", t.sla_policy_revision},
            {"close_reason", static_cast<int>(t.close_reason)},
            {"cancel_reason", static_cast<int>(t.cancel_reason)},
            {"duplicate_of", t.duplicate_of}};
  if (t.reply_approval) {
    const ReplyApprovalRecord& a = *t.reply_approval;
    body["reply_approval"] = Json{{"proposed", a.proposed_reply},
                                  {"requested_by", a.requested_by},
                                  {"requested", json::InstantText(a.request_time)},
                                  {"decided_by", a.decided_by},
                                  {"decided", TimeOr(a.decide_time)},
                                  {"approved", a.approved},
                                  {"comment", a.comment}};
  }
  if (t.manager_notification) {
    const ManagerNotice& n = *t.manager_notification;
    body["manager_notification"] = Json{{"manager", n.manager},
                                        {"notified_by", n.notified_by},
                                        {"time", json::InstantText(n.notify_time)},
                                        {"channel", static_cast<int>(n.channel)},
                                        {"note", n.note}};
  }
  return json::Print(body);
}

void DecodeTicketBody(const std::string& text, Ticket& t) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  t.severity = static_cast<Severity>(json::Int(v, "severity"));
  t.summary = json::String(v, "summary");
  t.description = json::String(v, "description");
  t.location = json::String(v, "location");
  t.occurred_time = json::Instant(v, "occurred");
  const Json& c = json::Field(v, "contact");
  t.contact.display_name = json::String(c, "name");
  t.contact.phone = json::String(c, "phone");
  t.contact.id_card_number = json::String(c, "id_card");
  t.contact.tier = static_cast<CustomerTier>(json::Int(c, "tier"));
  for (const Json& f : json::Array(v, "follow_ups")) t.follow_ups.push_back(json::AsString(f));
  t.people.escalation_level = static_cast<EscalationLevel>(json::Int(v, "escalation_level"));
  t.answered_at_first_contact = json::Bool(v, "answered_at_first_contact");
  t.resolution = json::String(v, "resolution");
  t.resolved_by = json::String(v, "resolved_by");
  for (const Json& p : json::Array(v, "promises")) t.promises.push_back(PromiseOf(p));
  t.approval_required = json::Bool(v, "approval_required");
  t.on_site_time = json::Instant(v, "on_site");
  t.callbacks_required = static_cast<int>(json::Int(v, "callbacks_required"));
  t.satisfied_callbacks = static_cast<int>(json::Int(v, "satisfied_callbacks"));
  t.reopen_count = static_cast<int>(json::Int(v, "reopen_count"));
  t.sla_policy = json::String(v, "sla_policy");
  t.sla_policy_revision = static_cast<int>(json::Int(v, "sla_policy_revision"));
  t.close_reason = static_cast<CloseReason>(json::Int(v, "close_reason"));
  t.cancel_reason = static_cast<CancelReason>(json::Int(v, "cancel_reason"));
  t.duplicate_of = json::String(v, "duplicate_of");
  const Json& a = json::Field(v, "reply_approval");
  if (a.is_object()) {
    ReplyApprovalRecord r;
    r.proposed_reply = json::String(a, "proposed");
    r.requested_by = json::String(a, "requested_by");
    r.request_time = json::Instant(a, "requested").value_or(absl::UnixEpoch());
    r.decided_by = json::String(a, "decided_by");
    r.decide_time = json::Instant(a, "decided");
    r.approved = json::Bool(a, "approved");
    r.comment = json::String(a, "comment");
    t.reply_approval = r;
  }
  const Json& n = json::Field(v, "manager_notification");
  if (n.is_object()) {
    ManagerNotice m;
    m.manager = json::String(n, "manager");
    m.notified_by = json::String(n, "notified_by");
    m.notify_time = json::Instant(n, "time").value_or(absl::UnixEpoch());
    m.channel = static_cast<TicketChannel>(json::Int(n, "channel"));
    m.note = json::String(n, "note");
    t.manager_notification = m;
  }
}

}  // namespace huinong::tickets::store
