// See business_clock.h.
#include "common/core/business_clock.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace huinong {
namespace {

class SystemClock final : public BusinessClock {
 public:
  SystemClock(absl::TimeZone zone, std::string name, absl::Duration offset)
      : BusinessClock(zone, std::move(name)), offset_(offset) {}
  absl::Time Now() const override { return absl::Now() + offset_; }

 private:
  const absl::Duration offset_;
};

class SettableClock final : public BusinessClock {
 public:
  SettableClock(absl::Time start, absl::TimeZone zone, std::string name)
      : BusinessClock(zone, std::move(name)), nanos_(absl::ToUnixNanos(start)) {}
  absl::Time Now() const override { return absl::FromUnixNanos(nanos_.load()); }
  void Set(absl::Time t) override { nanos_.store(absl::ToUnixNanos(t)); }
  void Advance(absl::Duration d) override { nanos_.fetch_add(absl::ToInt64Nanoseconds(d)); }

 private:
  std::atomic<int64_t> nanos_;
};

absl::StatusOr<absl::TimeZone> Zone(absl::string_view name) {
  absl::TimeZone zone;
  if (name.empty() || !absl::LoadTimeZone(std::string(name), &zone)) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown time zone \"", name, "\" (an IANA name such as Asia/Shanghai)"));
  }
  return zone;
}

}  // namespace

absl::StatusOr<std::shared_ptr<BusinessClock>> BusinessClock::System(absl::string_view zone_name,
                                                                     absl::Duration offset) {
  absl::StatusOr<absl::TimeZone> zone = Zone(zone_name);
  if (!zone.ok()) return zone.status();
  return std::make_shared<SystemClock>(*zone, std::string(zone_name), offset);
}

std::shared_ptr<BusinessClock> BusinessClock::Settable(absl::Time start, absl::string_view zone_name) {
  absl::StatusOr<absl::TimeZone> zone = Zone(zone_name);
  // Tests name their zone literally; an unknown one is a bug in the test.
  if (!zone.ok()) std::abort();
  return std::make_shared<SettableClock>(start, *zone, std::string(zone_name));
}

}  // namespace huinong
