// See kpi_mapping.h.
#include "svc-tickets/src/api/kpi_mapping.h"

#include <algorithm>
#include <tuple>

#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::tickets {
namespace {

void SetRate(const Rate& rate, v1::Rate& out) {
  out.set_numerator(rate.numerator);
  out.set_denominator(rate.denominator);
  out.set_rate_bp(rate.bp);
}

// The bucket bounds are whole days (kpi.h), so seconds are exact.
google::protobuf::Duration AgeProto(absl::Duration age) {
  google::protobuf::Duration out;
  out.set_seconds(absl::ToInt64Seconds(age));
  return out;
}

type::v1::DateRange DateRangeProto(const KpiPeriod& period) {
  type::v1::DateRange out;
  *out.mutable_start() = rpc::ToDate(period.first_day);
  *out.mutable_end() = rpc::ToDate(period.last_day);
  return out;
}

}  // namespace

v1::KpiFigures KpiFiguresProto(const KpiFigures& f) {
  v1::KpiFigures out;
  out.set_received(f.received);
  for (const auto& [type, count] : f.by_type) {
    v1::TypeCount* c = out.add_by_type();
    c->set_type(static_cast<v1::TicketType>(type));
    c->set_count(count);
  }
  for (const auto& [channel, count] : f.by_channel) {
    v1::ChannelCount* c = out.add_by_channel();
    c->set_channel(static_cast<v1::TicketChannel>(channel));
    c->set_count(count);
  }
  for (const auto& [priority, count] : f.by_priority) {
    v1::PriorityCount* c = out.add_by_priority();
    c->set_priority(static_cast<v1::Priority>(priority));
    c->set_count(count);
  }
  SetRate(f.first_contact_resolution, *out.mutable_first_contact_resolution());
  SetRate(f.first_response_on_time, *out.mutable_first_response_on_time());
  SetRate(f.resolution_on_time, *out.mutable_resolution_on_time());
  SetRate(f.callback_rate, *out.mutable_callback_rate());
  SetRate(f.satisfaction, *out.mutable_satisfaction());
  SetRate(f.major_complaint_rate, *out.mutable_major_complaint_rate());
  SetRate(f.reopen_rate, *out.mutable_reopen_rate());
  SetRate(f.promise_breach_rate, *out.mutable_promise_breach_rate());
  out.set_sla_breaches(f.sla_breaches);
  out.set_backlog(f.backlog);
  for (const AgeBucket& b : f.backlog_by_age) {
    v1::AgeBucket* bucket = out.add_backlog_by_age();
    *bucket->mutable_min_age() = AgeProto(b.min_age);
    if (b.max_age != absl::InfiniteDuration()) *bucket->mutable_max_age() = AgeProto(b.max_age);
    bucket->set_count(b.count);
  }
  out.set_stuck(f.stuck);
  SetRate(f.complaint_closure_on_time, *out.mutable_complaint_closure_on_time());
  out.set_cancelled(f.cancelled);
  for (const auto& [reason, count] : f.cancelled_by_reason) {
    v1::CancelReasonCount* c = out.add_cancelled_by_reason();
    c->set_reason(static_cast<v1::CancelReason>(reason));
    c->set_count(count);
  }
  SetRate(f.manager_notified_on_time, *out.mutable_manager_notified_on_time());
  return out;
}

v1::KpiReport KpiReportProto(const std::string& unit_id, const KpiPeriod& period, const KpiFigures& totals,
                             std::vector<KpiSlice> slices, absl::Time generate_time) {
  v1::KpiReport out;
  out.set_unit(rpc::FormatName("units", unit_id));
  *out.mutable_period() = DateRangeProto(period);
  *out.mutable_totals() = KpiFiguresProto(totals);
  std::stable_sort(slices.begin(), slices.end(), [](const KpiSlice& a, const KpiSlice& b) {
    return std::tie(a.period.first_day, a.unit_id) < std::tie(b.period.first_day, b.unit_id);
  });
  for (const KpiSlice& s : slices) {
    v1::KpiSlice* slice = out.add_slices();
    *slice->mutable_period() = DateRangeProto(s.period);
    slice->set_unit(rpc::FormatName("units", s.unit_id));
    *slice->mutable_figures() = KpiFiguresProto(s.figures);
  }
  *out.mutable_generate_time() = rpc::ToTimestamp(generate_time);
  return out;
}

}  // namespace huinong::tickets
