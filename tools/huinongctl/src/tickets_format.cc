// See tickets_format.h.
#include "tools/huinongctl/src/tickets_format.h"

#include <functional>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/tickets_values.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Rows = std::vector<std::pair<std::string, std::string>>;

// Adds the row only when `value` says something.
void Add(Rows& rows, const std::string& key, const std::string& value) {
  if (!value.empty() && value != "-") rows.emplace_back(key, value);
}

// "text  (by staff/S1, 2026-12-05 17:00)" without the empty parts; no
// parentheses without a text.
std::string ByAt(const std::string& text, const std::string& who, const google::protobuf::Timestamp& at) {
  std::vector<std::string> parts;
  if (!who.empty()) parts.push_back("by " + who);
  if (!TicketTimeText(at).empty()) parts.push_back(TicketTimeText(at));
  if (parts.empty()) return text;
  if (text.empty()) return absl::StrJoin(parts, ", ");
  return absl::StrCat(text, "  (", absl::StrJoin(parts, ", "), ")");
}

std::string PromiseText(const v1::Promise& p) {
  std::string out = absl::StrCat("#", p.index(), " ", TicketTimeText(p.promised_time()), "  ", EnumWord(p.state()));
  if (p.state() == v1::PROMISE_STATE_BREACHED && p.has_breach_time()) {
    absl::StrAppend(&out, " at ", TicketTimeText(p.breach_time()));
  }
  out = ByAt(out, p.made_by(), p.make_time());
  if (!p.progress_note().empty()) absl::StrAppend(&out, "  told: ", p.progress_note());
  if (p.apologised()) absl::StrAppend(&out, "  (apologised)");
  return out;
}

// The parts that say something, two spaces apart.
std::string Joined(const std::vector<std::string>& parts) {
  std::vector<std::string> kept;
  for (const std::string& part : parts) {
    if (!part.empty()) kept.push_back(part);
  }
  return absl::StrJoin(kept, "  ");
}

std::string ContactText(const v1::CustomerContact& c) {
  return Joined({c.display_name(), c.phone(), c.id_card_number().empty() ? "" : "id " + c.id_card_number(),
                 c.tier() == 0 ? "" : "tier " + EnumWord(c.tier())});
}

std::string RelatedText(const v1::RelatedResource& r) {
  return r.name().empty() ? "" : absl::StrCat(r.service(), ":", r.name());
}

std::string ApprovalText(const v1::Ticket& t) {
  if (!t.has_reply_approval()) return t.approval_required() ? "required, not asked yet" : "";
  const v1::ReplyApproval& a = t.reply_approval();
  std::string out = ByAt(absl::StrCat("asked for \"", a.proposed_reply(), "\""), a.requested_by(), a.request_time());
  if (a.decided_by().empty()) return out + "; pending";
  absl::StrAppend(&out, "; ", ByAt(a.approved() ? "approved" : "rejected", a.decided_by(), a.decide_time()));
  if (!a.comment().empty()) absl::StrAppend(&out, ": ", a.comment());
  return out;
}

std::string ManagerText(const v1::ManagerNotification& m) {
  if (m.manager().empty()) return "";
  std::string out = ByAt(m.manager(), m.notified_by(), m.notify_time());
  if (m.channel() != 0) absl::StrAppend(&out, " via ", EnumWord(m.channel()));
  if (!m.note().empty()) absl::StrAppend(&out, ": ", m.note());
  return out;
}

std::string TypeWords(const google::protobuf::RepeatedField<int>& types) {
  std::vector<std::string> words;
  for (const int t : types) words.push_back(EnumWord(static_cast<v1::TicketType>(t)));
  return words.empty() ? "all" : absl::StrJoin(words, ", ");
}

std::string PriorityWords(const google::protobuf::RepeatedField<int>& priorities) {
  std::vector<std::string> words;
  for (const int p : priorities) words.push_back(EnumWord(static_cast<v1::Priority>(p)));
  return words.empty() ? "all" : absl::StrJoin(words, ", ");
}

std::string SatisfactionText(const v1::CallbackAttempt& c) {
  return c.satisfaction() == 0 ? "" : absl::StrCat(c.satisfaction(), "/5");
}

}  // namespace

std::string TicketDetail(const v1::Ticket& t) {
  Rows rows = {{"ticket", absl::StrCat(t.reference_number(), "  ", t.name())},
               {"type", absl::StrCat(EnumWord(t.type()), t.severity() == 0 ? "" : " (" + EnumWord(t.severity()) + ")",
                                     ", priority ", EnumWord(t.priority()))},
               {"channel", EnumWord(t.channel())},
               {"state", EnumWord(t.state())},
               {"summary", t.summary()}};
  Add(rows, "description", t.description());
  Add(rows, "location", t.location());
  Add(rows, "occurred", TicketTimeText(t.occurred_time()));
  Add(rows, "customer", t.customer());
  Add(rows, "contact", ContactText(t.contact()));
  Add(rows, "related", RelatedText(t.related()));
  Add(rows, "follow-up of", t.follow_up_of());
  Add(rows, "follow-ups", absl::StrJoin(t.follow_ups(), ", "));
  Add(rows, "intake unit", t.intake_unit());
  Add(rows, "first responder", t.first_responder());
  if (t.accountable() != t.first_responder()) Add(rows, "accountable", t.accountable());
  Add(rows, "resolver", Joined({t.resolver_unit(), t.assignee()}));
  if (t.escalation_level() != 0) rows.emplace_back("escalated to", EnumWord(t.escalation_level()));
  for (const v1::Promise& p : t.promises()) rows.emplace_back("promise", PromiseText(p));
  Add(rows, "approval", ApprovalText(t));
  Add(rows, "manager told", ManagerText(t.manager_notification()));
  if (t.answered_at_first_contact()) rows.emplace_back("first contact", "answered at first contact");
  Add(rows, "resolution", t.resolution());
  Add(rows, "resolved by", t.resolved_by());
  if (t.callbacks_required() > 0) {
    rows.emplace_back("callbacks", absl::StrCat(t.satisfied_callbacks(), " of ", t.callbacks_required(),
                                                " satisfied callbacks in"));
  }
  if (t.reopen_count() > 0) rows.emplace_back("reopened", absl::StrCat(t.reopen_count(), t.reopen_count() == 1 ? " time" : " times"));
  Add(rows, "sla policy", t.sla_policy());
  if (t.close_reason() != 0) rows.emplace_back("closed", absl::StrCat(EnumWord(t.close_reason()), "  ", TicketTimeText(t.close_time())));
  if (t.cancel_reason() != 0) {
    rows.emplace_back("cancelled", absl::StrCat(EnumWord(t.cancel_reason()),
                                                t.duplicate_of().empty() ? "" : " of " + t.duplicate_of()));
  }
  Add(rows, "created", TicketTimeText(t.create_time()));
  Add(rows, "updated", TicketTimeText(t.update_time()));
  Add(rows, "etag", t.etag());
  return KeyValueBlock(rows);
}

Table TicketTable(const std::vector<v1::Ticket>& tickets) {
  Table table({"NAME", "REFERENCE", "TYPE", "PRIORITY", "STATE", "RESOLVER", "ASSIGNEE", "CREATED", "SUMMARY"});
  for (const v1::Ticket& t : tickets) {
    table.AddRow({t.name(), t.reference_number(), EnumWord(t.type()), EnumWord(t.priority()), EnumWord(t.state()),
                  t.resolver_unit(), t.assignee(), TicketTimeText(t.create_time()), t.summary()});
  }
  return table;
}

Table ActivityTable(const std::vector<v1::TicketActivity>& activities) {
  Table table({"TIME", "KIND", "ACTOR", "STATE", "FROM → TO", "TOLD", "NOTE"});
  for (const v1::TicketActivity& a : activities) {
    const std::string moved = a.source().empty() && a.target().empty() ? "" : absl::StrCat(a.source(), " → ", a.target());
    const std::string state =
        a.to_state() == 0 ? "" : absl::StrCat(EnumWord(a.from_state()), " → ", EnumWord(a.to_state()));
    table.AddRow({TicketTimeText(a.time()), EnumWord(a.kind()), a.actor().subject(), state, moved,
                  a.customer_informed() ? "yes" : "", a.note()});
  }
  return table;
}

std::string CallbackDetail(const v1::CallbackAttempt& c) {
  Rows rows = {{"callback", c.name()}, {"outcome", EnumWord(c.outcome())}};
  Add(rows, "satisfaction", SatisfactionText(c));
  if (c.satisfied_ordinal() > 0) rows.emplace_back("satisfied", absl::StrCat("#", c.satisfied_ordinal(), " since the resolution"));
  Add(rows, "opinion", c.opinion());
  Add(rows, "caller", c.caller());
  Add(rows, "at", TicketTimeText(c.attempt_time()));
  rows.emplace_back("round", absl::StrCat(c.round()));
  return KeyValueBlock(rows);
}

Table CallbackTable(const std::vector<v1::CallbackAttempt>& callbacks) {
  Table table({"NAME", "AT", "CALLER", "OUTCOME", "SATISFACTION", "ROUND", "OPINION"});
  for (const v1::CallbackAttempt& c : callbacks) {
    table.AddRow({c.name(), TicketTimeText(c.attempt_time()), c.caller(), EnumWord(c.outcome()), SatisfactionText(c),
                  absl::StrCat(c.round()), c.opinion()});
  }
  return table;
}

std::string RecordedCallbackDetail(const v1::RecordCallbackResponse& response) {
  return absl::StrCat(CallbackDetail(response.callback()), "\n", TicketDetail(response.ticket()));
}

std::string HandoverDetail(const v1::Handover& h) {
  Rows rows = {{"handover", h.name()},
               {"unit", h.unit()},
               {"kind", EnumWord(h.kind())},
               {"state", EnumWord(h.state())}};
  Add(rows, "shift", h.shift_label());
  rows.emplace_back("outgoing", absl::StrJoin(h.outgoing_staff(), ", "));
  rows.emplace_back("incoming", absl::StrJoin(h.incoming_staff(), ", "));
  Add(rows, "notes", h.notes());
  Add(rows, "created", ByAt("", h.created_by(), h.create_time()));
  Add(rows, "acknowledged", ByAt(h.acknowledgement_note(), h.acknowledged_by(), h.acknowledge_time()));
  Add(rows, "etag", h.etag());
  std::string out = KeyValueBlock(rows);
  absl::StrAppend(&out, "items (", h.items_size(), "):\n");
  Table items({"TICKET", "STATE", "PRIORITY", "NEXT DUE", "TO", "SUMMARY", "NOTE"});
  for (const v1::HandoverItem& i : h.items()) {
    items.AddRow({i.ticket(), EnumWord(i.state()), EnumWord(i.priority()), TicketTimeText(i.next_due_time()),
                  i.to_staff(), i.summary(), i.note()});
  }
  if (h.items_size() > 0) out += items.Render();
  return out;
}

Table HandoverTable(const std::vector<v1::Handover>& handovers) {
  Table table({"NAME", "UNIT", "KIND", "STATE", "OUTGOING", "INCOMING", "ITEMS", "CREATED"});
  for (const v1::Handover& h : handovers) {
    table.AddRow({h.name(), h.unit(), EnumWord(h.kind()), EnumWord(h.state()), absl::StrJoin(h.outgoing_staff(), ", "),
                  absl::StrJoin(h.incoming_staff(), ", "), absl::StrCat(h.items_size()), TicketTimeText(h.create_time())});
  }
  return table;
}

std::string SlaPolicyDetail(const v1::SlaPolicy& p) {
  Rows rows = {{"policy", absl::StrCat(p.display_name(), "  ", p.name(), "  revision ", p.revision())},
               {"unit", p.unit() + " and below"},
               {"types", TypeWords(p.types())},
               {"priorities", PriorityWords(p.priorities())},
               {"calendar", p.calendar() == 0 ? "work-calendar" : EnumWord(p.calendar())}};
  const std::vector<std::pair<std::string, const v1::SlaTarget*>> targets = {
      {"first response", &p.first_response()},
      {"on site", &p.on_site()},
      {"manager told", &p.manager_notification()},
      {"reply", &p.reply()},
      {"resolution", &p.resolution()},
      {"complaint closure", &p.complaint_closure()},
      {"callback", &p.callback()},
      {"follow-up gap", &p.follow_up_gap()}};
  for (const auto& [key, target] : targets) Add(rows, key, SlaTargetText(*target));
  rows.emplace_back("at risk", absl::StrCat("past ", RateText(p.at_risk_bp() == 0 ? 8000 : p.at_risk_bp())));
  rows.emplace_back("callbacks", absl::StrCat(p.callbacks_required(), " satisfied to close; ",
                                              p.max_callback_attempts() == 0 ? 3 : p.max_callback_attempts(),
                                              " unreachable before a supervisor may close"));
  rows.emplace_back("reply approval", p.reply_approval_required() ? "every reply" : "P1 and P2 replies");
  rows.emplace_back("escalate on breach", p.escalate_on_breach() ? "yes" : "no");
  Add(rows, "updated", TicketTimeText(p.update_time()));
  Add(rows, "etag", p.etag());
  return KeyValueBlock(rows);
}

Table SlaPolicyTable(const std::vector<v1::SlaPolicy>& policies) {
  Table table({"NAME", "DISPLAY NAME", "UNIT", "TYPES", "PRIORITIES", "REVISION", "RESOLUTION", "REPLY"});
  for (const v1::SlaPolicy& p : policies) {
    table.AddRow({p.name(), p.display_name(), p.unit(), TypeWords(p.types()), PriorityWords(p.priorities()),
                  absl::StrCat(p.revision()), SlaTargetText(p.resolution()), SlaTargetText(p.reply())});
  }
  return table;
}

Table ClockTable(const std::vector<v1::SlaClock>& clocks) {
  Table table({"CLOCK", "STATE", "STARTED", "AT RISK", "DUE", "STOPPED", "PAUSED", "POLICY"});
  for (const v1::SlaClock& c : clocks) {
    table.AddRow({EnumWord(c.kind()), EnumWord(c.state()), TicketTimeText(c.start_time()),
                  TicketTimeText(c.at_risk_time()), TicketTimeText(c.due_time()), TicketTimeText(c.stop_time()),
                  c.has_paused() ? DurationText(c.paused()) : "", absl::StrCat(c.policy(), " r", c.policy_revision())});
  }
  return table;
}

std::string CustomerDetail(const v1::Customer& c) {
  Rows rows = {{"customer", absl::StrCat(c.display_name(), "  ", c.name())}, {"phone", c.phone()}};
  Add(rows, "id card", c.id_card_number());
  Add(rows, "address", c.address());
  Add(rows, "unit", c.unit());
  rows.emplace_back("tier", c.tier() == 0 ? "standard" : EnumWord(c.tier()));
  const v1::ContactPreferences& p = c.preferences();
  std::vector<std::string> prefs = {p.preferred_channel() == 0 ? "phone" : EnumWord(p.preferred_channel())};
  if (!p.preferred_time().empty()) prefs.push_back(p.preferred_time());
  if (!p.language().empty()) prefs.push_back(p.language());
  if (p.do_not_call()) prefs.push_back("DO NOT CALL");
  rows.emplace_back("contact by", absl::StrJoin(prefs, ", "));
  Add(rows, "borrower", c.borrower());
  Add(rows, "note", c.note());
  rows.emplace_back("tickets", absl::StrCat(c.ticket_count(), " (", c.open_ticket_count(), " open)"));
  Add(rows, "last contact", TicketTimeText(c.last_contact_time()));
  Add(rows, "etag", c.etag());
  return KeyValueBlock(rows);
}

Table CustomerTable(const std::vector<v1::Customer>& customers) {
  Table table({"NAME", "DISPLAY NAME", "PHONE", "UNIT", "TIER", "TICKETS", "OPEN", "LAST CONTACT"});
  for (const v1::Customer& c : customers) {
    table.AddRow({c.name(), c.display_name(), c.phone(), c.unit(), c.tier() == 0 ? "standard" : EnumWord(c.tier()),
                  absl::StrCat(c.ticket_count()), absl::StrCat(c.open_ticket_count()),
                  TicketTimeText(c.last_contact_time())});
  }
  return table;
}

std::string KpiRateText(const v1::Rate& r) {
  if (r.denominator() == 0) return absl::StrCat(r.numerator(), "/0 = n/a");
  return absl::StrFormat("%d/%d = %d.%02d%%", r.numerator(), r.denominator(), r.rate_bp() / 100, r.rate_bp() % 100);
}

namespace {

// The KPI table: a label and one cell per column (the totals, then each slice).
class KpiRows {
 public:
  explicit KpiRows(std::vector<const v1::KpiFigures*> columns) : columns_(std::move(columns)) {}

  void Figure(const std::string& label, const std::function<std::string(const v1::KpiFigures&)>& cell) {
    std::vector<std::string> cells = {label};
    for (const v1::KpiFigures* f : columns_) cells.push_back(cell(*f));
    rows_.push_back(std::move(cells));
  }
  void Rate(const std::string& label, const v1::Rate& (v1::KpiFigures::*rate)() const) {
    Figure(label, [&](const v1::KpiFigures& f) { return KpiRateText((f.*rate)()); });
  }
  void Count(const std::string& label, int64_t (v1::KpiFigures::*count)() const) {
    Figure(label, [&](const v1::KpiFigures& f) { return absl::StrCat((f.*count)()); });
  }
  // One indented row per enum value any column counts, in the enum's order.
  template <typename Item, typename Enum>
  void Counts(const google::protobuf::RepeatedPtrField<Item>& (v1::KpiFigures::*list)() const,
              Enum (Item::*key)() const) {
    std::set<int> keys;
    for (const v1::KpiFigures* f : columns_) {
      for (const Item& item : (f->*list)()) keys.insert(static_cast<int>((item.*key)()));
    }
    for (const int k : keys) {
      Figure("  " + EnumWord(static_cast<Enum>(k)), [&](const v1::KpiFigures& f) {
        for (const Item& item : (f.*list)()) {
          if (static_cast<int>((item.*key)()) == k) return absl::StrCat(item.count());
        }
        return std::string("0");
      });
    }
  }
  // One indented row per age bucket, youngest first: "  under 24h", "  24h–72h", "  72h and over".
  void Ages() {
    std::map<int64_t, std::string> labels;
    for (const v1::KpiFigures* f : columns_) {
      for (const v1::AgeBucket& b : f->backlog_by_age()) {
        const std::string from = DurationText(b.min_age()), to = DurationText(b.max_age());
        labels[b.min_age().seconds()] = !b.has_max_age()          ? from + " and over"
                                        : b.min_age().seconds() == 0 ? "under " + to
                                                                     : absl::StrCat(from, "–", to);
      }
    }
    for (const auto& [min_seconds, label] : labels) {
      Figure("  " + label, [&](const v1::KpiFigures& f) {
        for (const v1::AgeBucket& b : f.backlog_by_age()) {
          if (b.min_age().seconds() == min_seconds) return absl::StrCat(b.count());
        }
        return std::string("0");
      });
    }
  }
  void AddTo(Table& table) const {
    for (const std::vector<std::string>& row : rows_) table.AddRow(row);
  }

 private:
  std::vector<const v1::KpiFigures*> columns_;
  std::vector<std::vector<std::string>> rows_;
};

std::string PeriodText(const type::v1::DateRange& period) {
  return absl::StrCat(DateText(period.start()), "..", DateText(period.end()));
}

// "TOTAL", then per slice its unit and/or period — whichever differ from the report's.
std::vector<std::string> KpiHeaders(const v1::KpiReport& report) {
  std::vector<std::string> headers = {"FIGURE", "TOTAL"};
  for (const v1::KpiSlice& s : report.slices()) {
    std::vector<std::string> parts;
    if (s.unit() != report.unit()) parts.push_back(s.unit());
    if (PeriodText(s.period()) != PeriodText(report.period())) parts.push_back(PeriodText(s.period()));
    headers.push_back(parts.empty() ? "SLICE" : absl::StrJoin(parts, " "));
  }
  return headers;
}

}  // namespace

std::string KpiReportText(const v1::KpiReport& report) {
  std::vector<const v1::KpiFigures*> columns = {&report.totals()};
  for (const v1::KpiSlice& s : report.slices()) columns.push_back(&s.figures());
  KpiRows rows(columns);
  using F = v1::KpiFigures;
  rows.Count("received", &F::received);
  rows.Figure("by type", [](const F&) { return ""; });
  rows.Counts(&F::by_type, &v1::TypeCount::type);
  rows.Figure("by channel", [](const F&) { return ""; });
  rows.Counts(&F::by_channel, &v1::ChannelCount::channel);
  rows.Figure("by priority", [](const F&) { return ""; });
  rows.Counts(&F::by_priority, &v1::PriorityCount::priority);
  rows.Rate("first-contact resolution", &F::first_contact_resolution);
  rows.Rate("first response on time", &F::first_response_on_time);
  rows.Rate("resolution on time (timely handling)", &F::resolution_on_time);
  rows.Rate("callback rate", &F::callback_rate);
  rows.Rate("satisfaction", &F::satisfaction);
  rows.Rate("major complaint rate (target ≤ 1%)", &F::major_complaint_rate);
  rows.Rate("reopen rate", &F::reopen_rate);
  rows.Rate("promise breach rate", &F::promise_breach_rate);
  rows.Rate("complaint closure on time", &F::complaint_closure_on_time);
  rows.Rate("P1 manager told on time", &F::manager_notified_on_time);
  rows.Count("SLA breaches", &F::sla_breaches);
  rows.Count("backlog at the period's end", &F::backlog);
  rows.Ages();
  rows.Count("stuck (no contact within the gap)", &F::stuck);
  rows.Count("cancelled", &F::cancelled);
  rows.Counts(&F::cancelled_by_reason, &v1::CancelReasonCount::reason);

  std::string out = KeyValueBlock({{"report", report.unit() + " and below"},
                                   {"period", PeriodText(report.period())},
                                   {"generated", TicketTimeText(report.generate_time())}});
  Table table(KpiHeaders(report));
  rows.AddTo(table);
  return out + "\n" + table.Render();
}

}  // namespace huinong::ctl
