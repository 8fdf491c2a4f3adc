// Value parsers and enum names of org_format.h: dates, decimals, kinds.
#include <cctype>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "common/core/string_views.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

// "Acting", "ACTING", "assignment_kind_acting" all become "acting".
std::string Normalized(std::string_view text, std::string_view prefix) {
  std::string out = absl::AsciiStrToLower(ToAbsl(text));
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  if (out.starts_with(prefix)) out = out.substr(prefix.size());
  return out;
}

}  // namespace

absl::StatusOr<type::v1::Date> ParseDate(std::string_view text) {
  absl::CivilDay day;
  if (text.size() != 10 || !absl::ParseCivilTime(ToAbsl(text), &day)) {
    return absl::InvalidArgumentError(absl::StrCat("not a date (YYYY-MM-DD): \"", ToAbsl(text), "\""));
  }
  type::v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

std::string DateText(const type::v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

absl::StatusOr<int64_t> ParseDecimalMicros(std::string_view text) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(absl::StrCat("not a number with at most 6 decimals: \"", ToAbsl(text), "\""));
  };
  std::string_view rest = text;
  bool negative = false;
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
    negative = rest.front() == '-';
    rest.remove_prefix(1);
  }
  const size_t dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  std::string fraction = dot == std::string_view::npos ? "" : std::string(rest.substr(dot + 1));
  if (whole.empty() && fraction.empty()) return bad();
  if (fraction.size() > 6 || (dot != std::string_view::npos && fraction.empty())) return bad();
  for (char c : whole) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
  }
  for (char c : fraction) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
  }
  if (whole.size() > 12) return bad();  // keeps value × 10^6 inside int64
  int64_t units = 0;
  if (!whole.empty() && !absl::SimpleAtoi(ToAbsl(whole), &units)) return bad();
  fraction.append(6 - fraction.size(), '0');
  int64_t micros = 0;
  if (!absl::SimpleAtoi(fraction, &micros)) return bad();
  const int64_t value = units * 1000000 + micros;
  return negative ? -value : value;
}

std::string DecimalText(const v1::Decimal& value) {
  const int64_t micros = value.micros();
  const uint64_t magnitude = micros < 0 ? static_cast<uint64_t>(-(micros + 1)) + 1 : static_cast<uint64_t>(micros);
  std::string out = absl::StrCat(micros < 0 ? "-" : "", magnitude / 1000000);
  uint64_t fraction = magnitude % 1000000;
  if (fraction == 0) return out;
  std::string digits = absl::StrFormat("%06d", fraction);
  while (digits.back() == '0') digits.pop_back();
  return absl::StrCat(out, ".", digits);
}

absl::StatusOr<v1::PostKind> ParsePostKind(std::string_view text) {
  const std::string key = Normalized(text, "post_kind_");
  if (key == "management") return v1::POST_KIND_MANAGEMENT;
  if (key == "technical" || key == "professional_technical") return v1::POST_KIND_PROFESSIONAL_TECHNICAL;
  if (key == "support") return v1::POST_KIND_SUPPORT;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown post kind \"", ToAbsl(text), "\" (management, technical, support)"));
}

absl::StatusOr<v1::AssignmentKind> ParseAssignmentKind(std::string_view text) {
  const std::string key = Normalized(text, "assignment_kind_");
  if (key == "primary") return v1::ASSIGNMENT_KIND_PRIMARY;
  if (key == "concurrent") return v1::ASSIGNMENT_KIND_CONCURRENT;
  if (key == "acting") return v1::ASSIGNMENT_KIND_ACTING;
  if (key == "seconded") return v1::ASSIGNMENT_KIND_SECONDED;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown assignment kind \"", ToAbsl(text), "\" (primary, concurrent, acting, seconded)"));
}

std::string PostKindName(v1::PostKind kind) {
  switch (kind) {
    case v1::POST_KIND_MANAGEMENT: return "management";
    case v1::POST_KIND_PROFESSIONAL_TECHNICAL: return "technical";
    case v1::POST_KIND_SUPPORT: return "support";
    default: return "?";
  }
}

std::string AssignmentKindName(v1::AssignmentKind kind) {
  switch (kind) {
    case v1::ASSIGNMENT_KIND_PRIMARY: return "primary";
    case v1::ASSIGNMENT_KIND_CONCURRENT: return "concurrent";
    case v1::ASSIGNMENT_KIND_ACTING: return "acting";
    case v1::ASSIGNMENT_KIND_SECONDED: return "seconded";
    default: return "?";
  }
}

std::string AssignmentStateName(v1::AssignmentState state) {
  switch (state) {
    case v1::ASSIGNMENT_STATE_SCHEDULED: return "scheduled";
    case v1::ASSIGNMENT_STATE_ACTIVE: return "active";
    case v1::ASSIGNMENT_STATE_ENDED: return "ended";
    default: return "?";
  }
}

std::string DenialName(v1::CapabilityDenial denial) {
  switch (denial) {
    case v1::CAPABILITY_DENIAL_STAFF_NOT_ACTIVE: return "staff not active";
    case v1::CAPABILITY_DENIAL_NOT_GRANTED: return "not granted";
    case v1::CAPABILITY_DENIAL_OUT_OF_SCOPE: return "out of scope";
    case v1::CAPABILITY_DENIAL_NOT_EFFECTIVE: return "not effective on the day";
    default: return "unspecified";
  }
}

}  // namespace huinong::ctl
