// Exact numbers for staffing rules: a rational num/den in lowest terms on
// 128-bit integers, so 600/1200 + 5/10 is exactly 1 and 14 × 30 ÷ 166.64 is
// exactly 5250/2083 — never a floating-point approximation. Values enter as
// integers, API Decimals (millionths) or decimal text, and leave as Decimal
// millionths (rounded half up, as the API promises) or as whole headcounts
// under an explicitly named rounding mode.
//
// Guarantees: every operation that could overflow 128 bits returns
// OUT_OF_RANGE instead of wrapping; division by zero is INVALID_ARGUMENT;
// comparison never overflows.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace huinong::org {

// How a fraction of a person becomes whole people. Numeric values match
// huinong.org.v1.RoundingMode.
enum class Rounding {
  kDown = 1,    // towards minus infinity: 6.5 → 6
  kUp = 2,      // towards plus infinity (ceiling): 2.4 → 3
  kHalfUp = 3,  // to the nearest, halves away from zero: 2.5 → 3, 2.4 → 2
};

absl::string_view RoundingName(Rounding mode);  // "rounded down", "rounded up", ...

class Exact {
 public:
  using Int = __int128;

  Exact() = default;
  static Exact Integer(int64_t n) { return Exact(n, 1); }
  // An API Decimal: micros / 1,000,000.
  static Exact Micros(int64_t micros);
  // Basis points: bp / 10,000.
  static Exact BasisPoints(int64_t bp);
  // Plain decimal text: "130000", "166.64", "0.2" (at most 18 digits, no sign).
  static absl::StatusOr<Exact> Parse(absl::string_view text);

  Int num() const { return num_; }
  Int den() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  bool negative() const { return num_ < 0; }
  bool is_integer() const { return den_ == 1; }

  // The value in millionths, rounded half up; OUT_OF_RANGE beyond int64.
  absl::StatusOr<int64_t> ToMicros() const;
  // True when the value is a whole number of millionths (shown without "≈").
  bool ExactInMicros() const;
  // The whole number under `mode`.
  Int Round(Rounding mode) const;

  // "6.5", "130000", "2.520403" (millionths, half up, trailing zeros dropped).
  std::string Text() const;
  // "= 6.5" when the text is the exact value, "≈ 2.520403" otherwise.
  std::string Equals() const;

  friend absl::StatusOr<Exact> Add(const Exact& a, const Exact& b);
  friend absl::StatusOr<Exact> Subtract(const Exact& a, const Exact& b);
  friend absl::StatusOr<Exact> Multiply(const Exact& a, const Exact& b);
  // INVALID_ARGUMENT when b is zero.
  friend absl::StatusOr<Exact> Divide(const Exact& a, const Exact& b);
  friend Exact Negate(const Exact& a);
  // -1, 0, 1; exact for any two values.
  friend int Compare(const Exact& a, const Exact& b);

 private:
  Exact(Int num, Int den) : num_(num), den_(den) {}
  // Reduces to lowest terms with den > 0.
  static absl::StatusOr<Exact> Make(Int num, Int den);

  Int num_ = 0;
  Int den_ = 1;
};

absl::StatusOr<Exact> Add(const Exact& a, const Exact& b);
absl::StatusOr<Exact> Subtract(const Exact& a, const Exact& b);
absl::StatusOr<Exact> Multiply(const Exact& a, const Exact& b);
absl::StatusOr<Exact> Divide(const Exact& a, const Exact& b);
Exact Negate(const Exact& a);
int Compare(const Exact& a, const Exact& b);

// Rounded headcounts must fit the API's int32; OUT_OF_RANGE otherwise.
absl::StatusOr<int32_t> ToHeadcount(Exact::Int whole, absl::string_view what);

}  // namespace huinong::org
