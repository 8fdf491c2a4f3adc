#include "common/core/utc_text.h"

#include <cstdint>

namespace huinong {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kFirstSecond = -30610224000LL;  // 1000-01-01T00:00:00Z
constexpr int64_t kEndSecond = 253402300800LL;    // 10000-01-01T00:00:00Z

// Proleptic Gregorian calendar (the one absl uses), after H. Hinnant's
// days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t days, int64_t& year, int& month, int& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

void PutDigits(char* at, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// Reads `width` decimal digits at `at`; false if any is not a digit.
bool GetDigits(const char* at, int width, int64_t& value) {
  value = 0;
  for (int i = 0; i < width; ++i) {
    if (at[i] < '0' || at[i] > '9') return false;
    value = value * 10 + (at[i] - '0');
  }
  return true;
}

}  // namespace

bool FormatUtcMicros(absl::Time t, char separator, char* out) {
  const int64_t micros = absl::ToUnixMicros(t);  // rounds toward the past
  if (micros < kFirstSecond * kMicrosPerSecond || micros >= kEndSecond * kMicrosPerSecond) {
    return false;
  }
  int64_t seconds = micros / kMicrosPerSecond;
  int64_t fraction = micros % kMicrosPerSecond;
  if (fraction < 0) {
    fraction += kMicrosPerSecond;
    --seconds;
  }
  int64_t days = seconds / kSecondsPerDay;
  int64_t second_of_day = seconds % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  int64_t year = 0;
  int month = 0, day = 0;
  CivilFromDays(days, year, month, day);
  PutDigits(out, year, 4);
  out[4] = '-';
  PutDigits(out + 5, month, 2);
  out[7] = '-';
  PutDigits(out + 8, day, 2);
  out[10] = separator;
  PutDigits(out + 11, second_of_day / 3600, 2);
  out[13] = ':';
  PutDigits(out + 14, second_of_day / 60 % 60, 2);
  out[16] = ':';
  PutDigits(out + 17, second_of_day % 60, 2);
  out[19] = '.';
  PutDigits(out + 20, fraction, 6);
  return true;
}

bool ParseUtcMicros(absl::string_view text, char separator, absl::Time* out) {
  if (text.size() < 19 || text.size() == 20 || text.size() > kUtcTextSize) return false;
  const char* s = text.data();
  if (s[4] != '-' || s[7] != '-' || s[10] != separator || s[13] != ':' || s[16] != ':') return false;
  int64_t year, month, day, hour, minute, second, fraction = 0;
  if (!GetDigits(s, 4, year) || !GetDigits(s + 5, 2, month) || !GetDigits(s + 8, 2, day) ||
      !GetDigits(s + 11, 2, hour) || !GetDigits(s + 14, 2, minute) || !GetDigits(s + 17, 2, second)) {
    return false;
  }
  if (text.size() > 19) {
    if (s[19] != '.') return false;
    const int digits = static_cast<int>(text.size()) - 20;
    if (!GetDigits(s + 20, digits, fraction)) return false;
    for (int i = digits; i < 6; ++i) fraction *= 10;
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, static_cast<int>(month)) || hour > 23 || minute > 59 || second > 59) {
    return false;
  }
  const int64_t days = DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day));
  const int64_t seconds = days * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  *out = absl::FromUnixMicros(seconds * kMicrosPerSecond + fraction);
  return true;
}

}  // namespace huinong
