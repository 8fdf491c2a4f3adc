// See sla_policy_mapping.h.
#include "svc-tickets/src/api/sla_policy_mapping.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"

namespace huinong::tickets {
namespace {

constexpr int kMaxWorkingDays = 60;
const absl::Duration kMaxWorkingTime = absl::Hours(24 * kMaxWorkingDays);

void SetTarget(const SlaTarget& t, v1::SlaTarget* out) {
  switch (t.kind) {
    case SlaTarget::Kind::kNone: break;
    case SlaTarget::Kind::kWorkingTime:
      out->mutable_duration()->set_seconds(absl::ToInt64Seconds(t.working_time));
      break;
    case SlaTarget::Kind::kWorkingDays: out->set_working_days(t.working_days); break;
  }
}

SlaTarget TargetFrom(const v1::SlaTarget& in, const std::string& field, rpc::Violations& v) {
  switch (in.target_case()) {
    case v1::SlaTarget::kDuration: {
      const absl::Duration d = absl::Seconds(in.duration().seconds()) + absl::Nanoseconds(in.duration().nanos());
      if (in.duration().nanos() != 0 || d < absl::ZeroDuration() || d > kMaxWorkingTime) {
        v.Add(field + ".duration", "whole seconds from 0 to 60 days");
      }
      return SlaTarget::Time(d);
    }
    case v1::SlaTarget::kWorkingDays:
      if (in.working_days() < 1 || in.working_days() > kMaxWorkingDays) {
        v.Add(field + ".working_days", "from 1 to 60");
      }
      return SlaTarget::Days(in.working_days());
    case v1::SlaTarget::TARGET_NOT_SET: break;
  }
  return SlaTarget::None();
}

// A list of enum values: each known and set, none twice.
template <typename Out, typename In, typename IsValid>
std::vector<Out> EnumList(const In& in, const std::string& field, IsValid is_valid, rpc::Violations& v) {
  std::vector<Out> out;
  for (int i = 0; i < in.size(); ++i) {
    const int value = in.Get(i);
    const Out e = static_cast<Out>(value);
    if (value == 0 || !is_valid(value)) {
      v.Add(absl::StrCat(field, "[", i, "]"), "not a known value");
    } else if (std::find(out.begin(), out.end(), e) != out.end()) {
      v.Add(absl::StrCat(field, "[", i, "]"), "listed twice");
    } else {
      out.push_back(e);
    }
  }
  return out;
}

void CheckRange(int value, int min, int max, const std::string& field, rpc::Violations& v) {
  if (value < min || value > max) v.Add(field, absl::StrCat("from ", min, " to ", max));
}

}  // namespace

v1::SlaPolicy SlaPolicyProto(const ConfiguredPolicy& p) {
  const SlaPolicy& r = p.rules;
  v1::SlaPolicy out;
  out.set_name(r.name);
  out.set_display_name(p.display_name);
  out.set_unit(rpc::FormatName("units", p.scope.unit));
  for (TicketType t : p.scope.types) out.add_types(static_cast<v1::TicketType>(t));
  for (Priority x : p.scope.priorities) out.add_priorities(static_cast<v1::Priority>(x));
  out.set_calendar(r.all_day ? v1::CLOCK_CALENDAR_ALL_DAY : v1::CLOCK_CALENDAR_WORK_CALENDAR);
  SetTarget(r.first_response, out.mutable_first_response());
  SetTarget(r.on_site, out.mutable_on_site());
  SetTarget(r.manager_notification, out.mutable_manager_notification());
  SetTarget(r.reply, out.mutable_reply());
  SetTarget(r.resolution, out.mutable_resolution());
  SetTarget(r.complaint_closure, out.mutable_complaint_closure());
  SetTarget(r.callback, out.mutable_callback());
  SetTarget(r.follow_up_gap, out.mutable_follow_up_gap());
  out.set_at_risk_bp(r.at_risk_bp);
  out.set_callbacks_required(r.callbacks_required);
  out.set_max_callback_attempts(r.max_callback_attempts);
  out.set_reply_approval_required(r.reply_approval_required);
  out.set_escalate_on_breach(r.escalate_on_breach);
  out.set_revision(r.revision);
  *out.mutable_create_time() = rpc::ToTimestamp(p.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(p.update_time);
  out.set_etag(rpc::Etag(r.revision));
  return out;
}

void ReadPolicyFields(const v1::SlaPolicy& in, const std::string& prefix, ConfiguredPolicy& out, rpc::Violations& v) {
  const std::string at = prefix + ".";
  rpc::CheckText(in.display_name(), at + "display_name", 1, 100, v);
  out.display_name = in.display_name();
  out.scope.types = EnumList<TicketType>(in.types(), at + "types", v1::TicketType_IsValid, v);
  out.scope.priorities = EnumList<Priority>(in.priorities(), at + "priorities", v1::Priority_IsValid, v);
  if (!v1::ClockCalendar_IsValid(in.calendar())) v.Add(at + "calendar", "not a clock calendar");
  SlaPolicy& r = out.rules;
  r.all_day = in.calendar() == v1::CLOCK_CALENDAR_ALL_DAY;
  r.first_response = TargetFrom(in.first_response(), at + "first_response", v);
  r.on_site = TargetFrom(in.on_site(), at + "on_site", v);
  r.manager_notification = TargetFrom(in.manager_notification(), at + "manager_notification", v);
  r.reply = TargetFrom(in.reply(), at + "reply", v);
  r.resolution = TargetFrom(in.resolution(), at + "resolution", v);
  r.complaint_closure = TargetFrom(in.complaint_closure(), at + "complaint_closure", v);
  r.callback = TargetFrom(in.callback(), at + "callback", v);
  r.follow_up_gap = TargetFrom(in.follow_up_gap(), at + "follow_up_gap", v);
  CheckRange(in.at_risk_bp(), 0, 9999, at + "at_risk_bp", v);
  r.at_risk_bp = in.at_risk_bp();
  CheckRange(in.callbacks_required(), 0, 2, at + "callbacks_required", v);
  r.callbacks_required = in.callbacks_required();
  CheckRange(in.max_callback_attempts(), 0, 10, at + "max_callback_attempts", v);
  r.max_callback_attempts = in.max_callback_attempts();
  r.reply_approval_required = in.reply_approval_required();
  r.escalate_on_breach = in.escalate_on_breach();
}

}  // namespace huinong::tickets
