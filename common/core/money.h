// Money as an integer number of fen (CNY 0.01), never floating point.
//
// Arithmetic that can overflow returns OUT_OF_RANGE instead of wrapping, and
// every rounding is explicit: MulDivHalfUp rounds half away from zero on the
// exact (128-bit) product, so a rate applied to an amount gives the same fen
// whatever the magnitude. Rates are integers (basis points, or any
// numerator/denominator pair).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace huinong {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Fen(int64_t fen) { return Money(fen); }
  // The caller keeps |yuan| below 9.2e16 (a compile-time amount).
  static constexpr Money Yuan(int64_t yuan) { return Money(yuan * 100); }

  constexpr int64_t fen() const { return fen_; }

  // Yuan as text: "50000", "50000.5", "50,000.00", "-3.07", "+1". Commas
  // must group thousands correctly ("5,0000" is rejected); at most two
  // decimals. INVALID_ARGUMENT for anything else, OUT_OF_RANGE beyond int64
  // fen. Leading and trailing ASCII spaces are ignored.
  static absl::StatusOr<Money> Parse(std::string_view yuan_text);

  // "50000.00", "-3.07": always two decimals, no grouping; Parse() reads it.
  std::string ToString() const;

  auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  int64_t fen_ = 0;
};

// OUT_OF_RANGE on int64 overflow.
absl::StatusOr<Money> Add(Money a, Money b);
absl::StatusOr<Money> Subtract(Money a, Money b);

// a * numerator / denominator, rounded half away from zero, computed exactly
// in 128 bits. OUT_OF_RANGE if the result does not fit in int64 fen,
// INVALID_ARGUMENT if denominator is 0.
absl::StatusOr<Money> MulDivHalfUp(Money a, int64_t numerator, int64_t denominator);

// a * bp / 10000, half away from zero: 120 bp of 50,000.00 is 600.00.
absl::StatusOr<Money> ApplyBasisPoints(Money a, int64_t bp);

// Splits `total` into `parts` amounts that differ by at most 1 fen and sum
// exactly to `total`; the earlier parts get the extra fen (for a negative
// total, the extra -1 fen). SplitEvenly(100.00, 3) = 33.34, 33.33, 33.33.
// Empty if parts <= 0.
std::vector<Money> SplitEvenly(Money total, int parts);

}  // namespace huinong
