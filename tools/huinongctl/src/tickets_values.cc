// Tickets values for the command line; see tickets_values.h.
#include "tools/huinongctl/src/tickets_values.h"

#include <cstdint>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "common/core/business_clock.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/command_common.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;

absl::Duration FromProto(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

google::protobuf::Duration ToProto(absl::Duration d) {
  google::protobuf::Duration out;
  const int64_t seconds = absl::IDivDuration(d, absl::Seconds(1), &d);
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(d)));
  return out;
}

type::v1::DateRange Days(absl::CivilDay first, absl::CivilDay last) {
  type::v1::DateRange range;
  *range.mutable_start() = rpc::ToDate(first);
  *range.mutable_end() = rpc::ToDate(last);
  return range;
}

// The Monday of ISO week 1 of `year`: the week holding 4 January.
absl::CivilDay FirstIsoMonday(int64_t year) {
  const absl::CivilDay jan4(year, 1, 4);
  const int from_monday = (static_cast<int>(absl::GetWeekday(jan4)) - static_cast<int>(absl::Weekday::monday) + 7) % 7;
  return jan4 - from_monday;
}

}  // namespace

const absl::TimeZone& CountyZone() {
  static const absl::TimeZone* zone = [] {
    auto* z = new absl::TimeZone(absl::FixedTimeZone(8 * 3600));
    (void)absl::LoadTimeZone(std::string(kDefaultCountyTimeZone), z);
    return z;
  }();
  return *zone;
}

absl::StatusOr<absl::Time> ParseTicketTime(absl::string_view text, absl::Time now) {
  const std::string s(absl::StripAsciiWhitespace(text));
  absl::Time t;
  std::string error;
  if (s.starts_with('+')) {
    absl::Duration ahead;
    if (absl::ParseDuration(s.substr(1), &ahead) && ahead >= absl::ZeroDuration()) return now + ahead;
  } else if (absl::ParseTime(absl::RFC3339_full, s, &t, &error)) {
    return t;
  } else {
    for (const char* layout : {"%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"}) {
      if (absl::ParseTime(layout, s, CountyZone(), &t, &error)) return t;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", s, "\" is not a time: \"2026-12-05 17:00\" (county time), RFC 3339 or +48h from now"));
}

std::string TicketTimeText(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  const absl::Time t = rpc::FromTimestamp(ts);
  const bool whole_minute = ts.seconds() % 60 == 0 && ts.nanos() == 0;
  return absl::FormatTime(whole_minute ? "%Y-%m-%d %H:%M" : "%Y-%m-%d %H:%M:%S", t, CountyZone());
}

std::string DurationText(const google::protobuf::Duration& duration) {
  absl::Duration rest = FromProto(duration);
  if (rest == absl::ZeroDuration()) return "0s";
  // Hours, never days: a target's time is working time, and "48h" reads
  // back as typed.
  std::string out;
  for (const auto& [unit, suffix] : {std::pair{absl::Hours(1), "h"}, {absl::Minutes(1), "m"}, {absl::Seconds(1), "s"}}) {
    const int64_t n = absl::IDivDuration(rest, unit, &rest);
    if (n != 0) absl::StrAppend(&out, n, suffix);
  }
  return out.empty() ? absl::FormatDuration(FromProto(duration)) : out;
}

absl::StatusOr<v1::SlaTarget> ParseSlaTarget(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  absl::string_view s = lower;
  v1::SlaTarget target;
  int days = 0;
  absl::Duration d;
  if (absl::ConsumeSuffix(&s, "wd")) {
    if (absl::SimpleAtoi(s, &days) && days >= 1 && days <= 60) {
      target.set_working_days(days);
      return target;
    }
  } else if (s == "0" || (absl::ParseDuration(s, &d) && d >= absl::ZeroDuration())) {
    *target.mutable_duration() = ToProto(s == "0" ? absl::ZeroDuration() : d);
    return target;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", text, "\" is not a target: working time (48h, 90m, 0s for at once) or working days (3wd, 1–60)"));
}

std::string SlaTargetText(const v1::SlaTarget& target) {
  switch (target.target_case()) {
    case v1::SlaTarget::kWorkingDays:
      return absl::StrCat(target.working_days(), target.working_days() == 1 ? " working day" : " working days");
    case v1::SlaTarget::kDuration:
      return FromProto(target.duration()) == absl::ZeroDuration() ? "at once" : DurationText(target.duration());
    default:
      return "-";
  }
}

absl::StatusOr<type::v1::DateRange> IsoWeekRange(absl::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(absl::AsciiStrToUpper(text), "-W");
  int year = 0, week = 0;
  if (parts.size() == 2 && parts[0].size() == 4 && parts[1].size() == 2 && absl::SimpleAtoi(parts[0], &year) &&
      absl::SimpleAtoi(parts[1], &week) && week >= 1) {
    const absl::CivilDay first = FirstIsoMonday(year);
    const int64_t weeks = (FirstIsoMonday(year + 1) - first) / 7;
    if (week <= weeks) {
      const absl::CivilDay monday = first + 7 * (week - 1);
      return Days(monday, monday + 6);
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not an ISO week such as 2026-W49"));
}

absl::StatusOr<type::v1::DateRange> MonthRange(absl::string_view text) {
  absl::CivilMonth month;
  if (text.size() == 7 && absl::ParseCivilTime(text, &month)) {
    return Days(absl::CivilDay(month), absl::CivilDay(month + 1) - 1);
  }
  return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a month such as 2026-12"));
}

absl::StatusOr<v1::RelatedResource> ParseRelated(absl::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 1));
  if (parts.size() != 2 || parts[0].empty() || parts[1].find('/') == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not SERVICE:NAME (loans:loans/ID, loans:applications/ID, org:units/ID)"));
  }
  v1::RelatedResource related;
  related.set_service(parts[0]);
  related.set_name(parts[1]);
  return related;
}

absl::StatusOr<v1::HandoverItem> ParseHandoverItem(absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 1));
  if (parts[0].empty()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not TICKET[:staff/ID][:NOTE]"));
  }
  v1::HandoverItem item;
  item.set_ticket(ResourceName("tickets", parts[0]));
  if (parts.size() == 2 && parts[1].starts_with("staff/")) {
    const std::vector<std::string> rest = absl::StrSplit(parts[1], absl::MaxSplits(':', 1));
    item.set_to_staff(rest[0]);
    if (rest.size() == 2) item.set_note(rest[1]);
  } else if (parts.size() == 2) {
    item.set_note(parts[1]);
  }
  return item;
}

}  // namespace huinong::ctl
