// The fast UTC text must be byte for byte what absl writes and reads, over the
// whole range it claims (years 1000-9999), and refuse what it does not cover.
#include "common/core/utc_text.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace huinong {
namespace {

constexpr int64_t kFirstMicros = -30610224000LL * 1000000;  // 1000-01-01 00:00:00
constexpr int64_t kEndMicros = 253402300800LL * 1000000;    // 10000-01-01 00:00:00

std::string Format(absl::Time t) {
  char text[kUtcTextSize];
  if (!FormatUtcMicros(t, ' ', text)) return "(none)";
  return std::string(text, sizeof(text));
}

TEST(UtcText, AgreesWithAbslAcrossTheCalendar) {
  uint64_t step = 1;
  int checked = 0;
  for (int64_t micros = kFirstMicros; micros < kEndMicros;) {
    // Nanoseconds too: both truncate toward the past to whole microseconds.
    const absl::Time t = absl::FromUnixMicros(micros) + absl::Nanoseconds(static_cast<int64_t>(step % 1000));
    const std::string absl_text = absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
    ASSERT_EQ(Format(t), absl_text) << micros;
    absl::Time parsed;
    ASSERT_TRUE(ParseUtcMicros(absl_text, ' ', &parsed)) << absl_text;
    ASSERT_EQ(parsed, absl::FromUnixMicros(absl::ToUnixMicros(t))) << absl_text;
    ++checked;
    // An irregular stride (about 3 weeks) that visits every month, day and
    // time of day many times.
    step = step * 6364136223846793005ULL + 1442695040888963407ULL;
    micros += 1000000LL * 86400 * 7 + static_cast<int64_t>((step >> 11) % (1000000ULL * 86400 * 30));
  }
  EXPECT_GT(checked, 100000);
}

TEST(UtcText, KnownTexts) {
  EXPECT_EQ(Format(absl::FromUnixMicros(0)), "1970-01-01 00:00:00.000000");
  EXPECT_EQ(Format(absl::FromUnixMicros(-1)), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(Format(absl::FromUnixMicros(1709251199999999)), "2024-02-29 23:59:59.999999");
  EXPECT_EQ(Format(absl::FromUnixMicros(kFirstMicros)), "1000-01-01 00:00:00.000000");
  EXPECT_EQ(Format(absl::FromUnixMicros(kEndMicros - 1)), "9999-12-31 23:59:59.999999");
  char text[kUtcTextSize];
  EXPECT_TRUE(FormatUtcMicros(absl::FromUnixMicros(0), 'T', text));
  EXPECT_EQ(std::string(text, 11), "1970-01-01T");
}

TEST(UtcText, OutsideTheRangeIsLeftToTheCaller) {
  EXPECT_EQ(Format(absl::FromUnixMicros(kFirstMicros - 1)), "(none)");
  EXPECT_EQ(Format(absl::FromUnixMicros(kEndMicros)), "(none)");
  EXPECT_EQ(Format(absl::InfinitePast()), "(none)");
  EXPECT_EQ(Format(absl::InfiniteFuture()), "(none)");
}

TEST(UtcText, ParsesShorterFractionsLikeAbsl) {
  for (const char* text : {"2026-11-18 11:06:40", "2026-11-18 11:06:40.1", "2026-11-18 11:06:40.12345",
                           "2026-11-18 11:06:40.123456"}) {
    absl::Time fast, slow;
    std::string err;
    ASSERT_TRUE(ParseUtcMicros(text, ' ', &fast)) << text;
    ASSERT_TRUE(absl::ParseTime("%Y-%m-%d %H:%M:%E*S", text, absl::UTCTimeZone(), &slow, &err)) << err;
    EXPECT_EQ(fast, slow) << text;
  }
}

TEST(UtcText, RefusesWhatItDoesNotCover) {
  absl::Time t;
  for (const char* text : {"", "2026-11-18", "2026-11-18 11:06:40.", "2026-11-18 11:06:40.1234567",
                           "2026-11-18T11:06:40", "2026-13-01 00:00:00", "2026-02-29 00:00:00",
                           "2026-11-31 00:00:00", "2026-11-18 24:00:00", "2026-11-18 11:60:00",
                           "2026-11-18 11:06:60", "0999-12-31 23:59:59", "2026-1a-18 11:06:40",
                           "2026-11-18 11:06:40.12a"}) {
    EXPECT_FALSE(ParseUtcMicros(text, ' ', &t)) << text;
  }
  EXPECT_TRUE(ParseUtcMicros("2024-02-29 00:00:00", ' ', &t));
}

}  // namespace
}  // namespace huinong
