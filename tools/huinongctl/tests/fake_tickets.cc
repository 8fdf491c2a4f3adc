// See fake_tickets.h.
#include "tools/huinongctl/tests/fake_tickets.h"

#include <array>
#include <cstdint>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::tickets::v1;

// A county (UTC+8) wall time.
google::protobuf::Timestamp County(int year, int month, int day, int hour, int minute) {
  return rpc::ToTimestamp(absl::FromCivil(absl::CivilMinute(year, month, day, hour, minute), absl::FixedTimeZone(8 * 3600)));
}

// numerator/denominator with rate_bp rounded half up, as kpi.proto defines it.
v1::Rate RateOf(int64_t numerator, int64_t denominator) {
  v1::Rate rate;
  rate.set_numerator(numerator);
  rate.set_denominator(denominator);
  rate.set_rate_bp(denominator == 0 ? 0 : static_cast<int32_t>((numerator * 20000 + denominator) / (2 * denominator)));
  return rate;
}

// The rates of `f`, each as numerator/denominator, in KpiFigures' order:
// first-contact resolution, first response on time, resolution on time,
// callback rate, satisfaction, major complaint rate, reopen rate, promise
// breach rate, complaint closure on time, P1 manager told on time.
void SetRates(v1::KpiFigures& f, const std::array<std::pair<int64_t, int64_t>, 10>& parts) {
  using F = v1::KpiFigures;
  const std::array<v1::Rate* (F::*)(), 10> rates = {
      &F::mutable_first_contact_resolution, &F::mutable_first_response_on_time, &F::mutable_resolution_on_time,
      &F::mutable_callback_rate,            &F::mutable_satisfaction,           &F::mutable_major_complaint_rate,
      &F::mutable_reopen_rate,              &F::mutable_promise_breach_rate,    &F::mutable_complaint_closure_on_time,
      &F::mutable_manager_notified_on_time};
  for (size_t i = 0; i < rates.size(); ++i) *(f.*rates[i])() = RateOf(parts[i].first, parts[i].second);
}

google::protobuf::Duration Days(int64_t days) {
  google::protobuf::Duration d;
  d.set_seconds(days * 86400);
  return d;
}

// One count of a breakdown, by its key's type.
void Count(v1::KpiFigures& f, v1::TicketType type, int64_t n) {
  v1::TypeCount& c = *f.add_by_type();
  c.set_type(type);
  c.set_count(n);
}
void Count(v1::KpiFigures& f, v1::TicketChannel channel, int64_t n) {
  v1::ChannelCount& c = *f.add_by_channel();
  c.set_channel(channel);
  c.set_count(n);
}
void Count(v1::KpiFigures& f, v1::Priority priority, int64_t n) {
  v1::PriorityCount& c = *f.add_by_priority();
  c.set_priority(priority);
  c.set_count(n);
}
void Count(v1::KpiFigures& f, v1::CancelReason reason, int64_t n) {
  v1::CancelReasonCount& c = *f.add_cancelled_by_reason();
  c.set_reason(reason);
  c.set_count(n);
}

void AddAge(v1::KpiFigures& f, int64_t min_days, int64_t max_days, int64_t count) {
  v1::AgeBucket& b = *f.add_backlog_by_age();
  *b.mutable_min_age() = Days(min_days);
  if (max_days > 0) *b.mutable_max_age() = Days(max_days);
  b.set_count(count);
}

// V1's week: 7 requests (2 complaints, one of them major), 3 answered at first contact.
v1::KpiFigures VillageOne() {
  v1::KpiFigures f;
  f.set_received(7);
  Count(f, v1::TICKET_TYPE_CONSULTATION, 3);
  Count(f, v1::TICKET_TYPE_COMPLAINT, 2);
  Count(f, v1::TICKET_TYPE_REPAIR, 2);
  Count(f, v1::TICKET_CHANNEL_PHONE, 5);
  Count(f, v1::TICKET_CHANNEL_VISIT, 2);
  Count(f, v1::PRIORITY_P2, 1);
  SetRates(f, {{{3, 7}, {6, 6}, {3, 4}, {2, 3}, {1, 2}, {1, 7}, {1, 4}, {1, 4}, {1, 1}, {0, 0}}});
  f.set_sla_breaches(2);
  f.set_backlog(3);
  AddAge(f, 0, 1, 2);
  AddAge(f, 3, 0, 1);
  f.set_stuck(1);
  return f;
}

// V2's week: 5 requests, 2 answered at first contact, one duplicate cancelled.
v1::KpiFigures VillageTwo() {
  v1::KpiFigures f;
  f.set_received(5);
  Count(f, v1::TICKET_TYPE_CONSULTATION, 3);
  Count(f, v1::TICKET_TYPE_COMPLAINT, 1);
  Count(f, v1::TICKET_TYPE_REPAIR, 1);
  Count(f, v1::TICKET_CHANNEL_PHONE, 3);
  Count(f, v1::TICKET_CHANNEL_VISIT, 2);
  SetRates(f, {{{2, 5}, {4, 5}, {3, 3}, {2, 2}, {2, 2}, {0, 5}, {0, 3}, {0, 2}, {0, 1}, {0, 0}}});
  f.set_backlog(1);
  AddAge(f, 1, 3, 1);
  f.set_cancelled(1);
  Count(f, v1::CANCEL_REASON_DUPLICATE, 1);
  return f;
}

}  // namespace

v1::Ticket LoanComplaint() {
  v1::Ticket t;
  t.set_name("tickets/T1");
  t.set_reference_number("T26-000123");
  t.set_type(v1::TICKET_TYPE_COMPLAINT);
  t.set_severity(v1::SEVERITY_SIMPLE);
  t.set_priority(v1::PRIORITY_P3);
  t.set_channel(v1::TICKET_CHANNEL_PHONE);
  t.set_summary("贷款放款延迟");
  t.set_customer("customers/C1");
  t.mutable_contact()->set_display_name("张秀英");
  t.mutable_contact()->set_phone("138****5678");
  t.mutable_contact()->set_id_card_number("1310**********0243");
  t.mutable_related()->set_service("loans");
  t.mutable_related()->set_name("loans/L1");
  t.set_intake_unit("units/V1");
  t.set_first_responder("staff/A1");
  t.set_accountable("staff/A1");
  t.set_state(v1::TICKET_STATE_REGISTERED);
  t.set_sla_policy("slaPolicies/P1");
  *t.mutable_create_time() = County(2026, 12, 3, 9, 15);
  t.set_etag("3");
  return t;
}

v1::Handover NightShiftHandover() {
  v1::Handover h;
  h.set_name("handovers/H1");
  h.set_unit("units/V1");
  h.set_kind(v1::HANDOVER_KIND_SHIFT);
  h.set_shift_label("night shift 2026-12-03");
  h.add_outgoing_staff("staff/A1");
  h.add_incoming_staff("staff/A2");
  v1::HandoverItem& item = *h.add_items();
  item.set_ticket("tickets/T1");
  item.set_state(v1::TICKET_STATE_IN_PROGRESS);
  item.set_priority(v1::PRIORITY_P3);
  item.set_summary("贷款放款延迟");
  *item.mutable_next_due_time() = County(2026, 12, 5, 9, 15);
  item.set_note("客户下午回电");
  h.set_state(v1::HANDOVER_STATE_PENDING);
  h.set_created_by("staff/A1");
  *h.mutable_create_time() = County(2026, 12, 3, 17, 30);
  h.set_etag("1");
  return h;
}

v1::SlaPolicy ComplaintPolicy() {
  v1::SlaPolicy p;
  p.set_name("slaPolicies/P1");
  p.set_display_name("投诉处理时限");
  p.set_unit("units/C");
  p.add_types(v1::TICKET_TYPE_COMPLAINT);
  p.add_types(v1::TICKET_TYPE_GRIEVANCE);
  p.set_calendar(v1::CLOCK_CALENDAR_WORK_CALENDAR);
  p.mutable_reply()->mutable_duration()->set_seconds(48 * 3600);
  p.mutable_complaint_closure()->set_working_days(3);
  p.mutable_callback()->set_working_days(3);
  p.mutable_follow_up_gap()->mutable_duration()->set_seconds(48 * 3600);
  p.set_callbacks_required(2);
  p.set_escalate_on_breach(true);
  p.set_revision(2);
  p.set_etag("2");
  return p;
}

v1::Customer ZhangXiuying() {
  v1::Customer c;
  c.set_name("customers/C1");
  c.set_display_name("张秀英");
  c.set_phone("138****5678");
  c.set_id_card_number("1310**********0243");
  c.set_unit("units/V1");
  c.set_tier(v1::CUSTOMER_TIER_PRIORITY);
  c.mutable_preferences()->set_preferred_time("weekday evenings");
  c.set_borrower("borrowers/B1");
  c.set_ticket_count(3);
  c.set_open_ticket_count(1);
  c.set_etag("5");
  return c;
}

v1::KpiReport TownshipWeek() {
  v1::KpiReport report;
  report.set_unit("units/T");
  report.mutable_period()->mutable_start()->set_year(2026);
  report.mutable_period()->mutable_start()->set_month(11);
  report.mutable_period()->mutable_start()->set_day(30);
  report.mutable_period()->mutable_end()->set_year(2026);
  report.mutable_period()->mutable_end()->set_month(12);
  report.mutable_period()->mutable_end()->set_day(6);
  *report.mutable_generate_time() = County(2026, 12, 7, 8, 0);
  const v1::KpiFigures one = VillageOne();
  const v1::KpiFigures two = VillageTwo();
  // The totals: the two villages added up, each rate from the summed parts.
  v1::KpiFigures& t = *report.mutable_totals();
  t.set_received(12);
  Count(t, v1::TICKET_TYPE_CONSULTATION, 6);
  Count(t, v1::TICKET_TYPE_COMPLAINT, 3);
  Count(t, v1::TICKET_TYPE_REPAIR, 3);
  Count(t, v1::TICKET_CHANNEL_PHONE, 8);
  Count(t, v1::TICKET_CHANNEL_VISIT, 4);
  Count(t, v1::PRIORITY_P2, 1);
  SetRates(t, {{{5, 12}, {10, 11}, {6, 7}, {4, 5}, {3, 4}, {1, 12}, {1, 7}, {1, 6}, {1, 2}, {0, 0}}});
  t.set_sla_breaches(2);
  t.set_backlog(4);
  AddAge(t, 0, 1, 2);
  AddAge(t, 1, 3, 1);
  AddAge(t, 3, 0, 1);
  t.set_stuck(1);
  t.set_cancelled(1);
  Count(t, v1::CANCEL_REASON_DUPLICATE, 1);
  for (const auto& [unit, figures] : {std::pair{"units/V1", &one}, {"units/V2", &two}}) {
    v1::KpiSlice& slice = *report.add_slices();
    *slice.mutable_period() = report.period();
    slice.set_unit(unit);
    *slice.mutable_figures() = *figures;
  }
  return report;
}

}  // namespace huinong::ctl::testing
