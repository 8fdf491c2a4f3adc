// The business clock: the one source of "now" and "today" for handlers, use
// cases and jobs.
//
// Instants are UTC; business dates (effective dates, "today", due dates) are
// days in the county's time zone (default Asia/Shanghai), never UTC days: at
// 23:30 UTC it is already the next day in Beijing. Services build one clock at
// start-up from configuration and inject it; tests build a settable one and
// move it. Guarantees: Today() is always ToCivilDay(Now()) in zone(); a
// settable clock never moves unless told to; thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong {

inline constexpr absl::string_view kDefaultCountyTimeZone = "Asia/Shanghai";

class BusinessClock {
 public:
  // The system clock in the named IANA time zone; INVALID_ARGUMENT naming the
  // zone when it is unknown (tzdata missing or a typo). `offset` runs the
  // clock that far ahead of (or behind) the wall clock: zero in production;
  // a demonstration or acceptance run sets it (service setting clock_offset)
  // to show what days later look like — an overdue review, a due instalment.
  static absl::StatusOr<std::shared_ptr<BusinessClock>> System(absl::string_view zone_name,
                                                               absl::Duration offset = absl::ZeroDuration());
  // A clock standing at `start` until Set or Advance moves it (tests, tools).
  static std::shared_ptr<BusinessClock> Settable(absl::Time start, absl::string_view zone_name);

  virtual ~BusinessClock() = default;

  virtual absl::Time Now() const = 0;
  absl::CivilDay Today() const { return absl::ToCivilDay(Now(), zone_); }
  // The business day that `t` falls on.
  absl::CivilDay DayOf(absl::Time t) const { return absl::ToCivilDay(t, zone_); }
  // The instant a business day starts (00:00 local).
  absl::Time StartOf(absl::CivilDay day) const { return absl::FromCivil(day, zone_); }
  const absl::TimeZone& zone() const { return zone_; }
  const std::string& zone_name() const { return zone_name_; }

  // Only a settable clock moves; on the system clock these are no-ops.
  virtual void Set(absl::Time) {}
  virtual void Advance(absl::Duration) {}

 protected:
  BusinessClock(absl::TimeZone zone, std::string zone_name)
      : zone_(zone), zone_name_(std::move(zone_name)) {}

 private:
  absl::TimeZone zone_;
  std::string zone_name_;
};

}  // namespace huinong
