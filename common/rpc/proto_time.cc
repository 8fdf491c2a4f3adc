#include "common/rpc/proto_time.h"

namespace huinong::rpc {

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t micros = absl::ToUnixMicros(t);
  int64_t seconds = micros / 1000000;
  int64_t rem = micros % 1000000;
  if (rem < 0) {
    rem += 1000000;
    --seconds;
  }
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>(rem * 1000));
  return ts;
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

huinong::type::v1::Date ToDate(absl::CivilDay day) {
  huinong::type::v1::Date d;
  d.set_year(static_cast<int32_t>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

std::optional<absl::CivilDay> FromDate(const huinong::type::v1::Date& date, std::string field,
                                       Violations& v) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return std::nullopt;
  absl::CivilDay day(date.year(), date.month(), date.day());
  // CivilDay normalises out-of-range fields (Feb 30 -> Mar 2); a change means invalid input.
  if (date.year() < 1900 || date.year() > 9999 || day.year() != date.year() ||
      day.month() != date.month() || day.day() != date.day()) {
    v.Add(std::move(field), "is not a valid calendar date");
    return std::nullopt;
  }
  return day;
}

}  // namespace huinong::rpc
