// See staffing_number.h.
#include "svc-org/src/domain/staffing_number.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace huinong::org {
namespace {

using Int = Exact::Int;

// Operands stay below 10^30 so that a product with 10^6 (millionths) or 10
// (long division) still fits in 128 bits; larger values are OUT_OF_RANGE.
constexpr Int kPow10_6 = 1000000;
constexpr Int Pow10(int n) {
  Int r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}
constexpr Int kLimit = Pow10(30);

Int Abs(Int x) { return x < 0 ? -x : x; }

Int Gcd(Int a, Int b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    Int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Floor division for den > 0.
Int FloorDiv(Int num, Int den) {
  Int q = num / den;
  if ((num % den != 0) && (num < 0)) --q;
  return q;
}

absl::Status TooLarge() {
  return absl::OutOfRangeError("a number in the calculation is too large to compute exactly");
}

absl::StatusOr<Int> Mul(Int a, Int b) {
  Int out;
  if (__builtin_mul_overflow(a, b, &out)) return TooLarge();
  return out;
}

std::string IntText(Int v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  std::string digits;
  for (Int x = Abs(v); x > 0; x /= 10) digits.insert(digits.begin(), static_cast<char>('0' + x % 10));
  return neg ? "-" + digits : digits;
}

}  // namespace

absl::string_view RoundingName(Rounding mode) {
  switch (mode) {
    case Rounding::kDown: return "rounded down";
    case Rounding::kUp: return "rounded up";
    case Rounding::kHalfUp: return "rounded half up";
  }
  return "rounded";
}

Exact Exact::Micros(int64_t micros) {
  Int g = Gcd(micros, kPow10_6);
  return Exact(micros / g, kPow10_6 / g);
}

Exact Exact::BasisPoints(int64_t bp) {
  Int g = Gcd(bp, 10000);
  return Exact(bp / g, 10000 / g);
}

absl::StatusOr<Exact> Exact::Parse(absl::string_view text) {
  Int num = 0;
  Int den = 1;
  int digits = 0;
  bool point = false;
  for (char c : text) {
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a number"));
    }
    if (++digits > 18) {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" has more than 18 digits"));
    }
    num = num * 10 + (c - '0');
    if (point) den *= 10;
  }
  if (digits == 0) return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a number"));
  return Make(num, den);
}

absl::StatusOr<Exact> Exact::Make(Int num, Int den) {
  if (den == 0) return absl::InvalidArgumentError("division by zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (Abs(num) >= kLimit || den >= kLimit) return TooLarge();
  return Exact(num, den);
}

absl::StatusOr<int64_t> Exact::ToMicros() const {
  Int scaled = num_ * kPow10_6;  // |num| < 10^30: fits
  Int micros = Exact(scaled, den_).Round(Rounding::kHalfUp);
  if (micros > std::numeric_limits<int64_t>::max() || micros < std::numeric_limits<int64_t>::min()) {
    return absl::OutOfRangeError("a result does not fit in a Decimal");
  }
  return static_cast<int64_t>(micros);
}

bool Exact::ExactInMicros() const { return (num_ * kPow10_6) % den_ == 0; }

Exact::Int Exact::Round(Rounding mode) const {
  switch (mode) {
    case Rounding::kDown:
      return FloorDiv(num_, den_);
    case Rounding::kUp:
      return -FloorDiv(-num_, den_);
    case Rounding::kHalfUp:
      if (num_ >= 0) return FloorDiv(2 * num_ + den_, 2 * den_);
      return -FloorDiv(-2 * num_ + den_, 2 * den_);
  }
  return FloorDiv(num_, den_);
}

std::string Exact::Text() const {
  const Int micros = Exact(num_ * kPow10_6, den_).Round(Rounding::kHalfUp);
  const Int whole = Abs(micros) / kPow10_6;
  Int frac = Abs(micros) % kPow10_6;
  std::string out = micros < 0 ? "-" : "";
  out += IntText(whole);
  if (frac != 0) {
    std::string f = IntText(frac);
    f.insert(f.begin(), 6 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    absl::StrAppend(&out, ".", f);
  }
  return out;
}

std::string Exact::Equals() const {
  return absl::StrCat(ExactInMicros() ? "= " : "≈ ", Text());
}

absl::StatusOr<Exact> Add(const Exact& a, const Exact& b) {
  const Int g = Gcd(a.den_, b.den_);
  const Int bd = b.den_ / g;
  // a/ad + b/bd = (a·(bd/g) + b·(ad/g)) / (ad·bd/g)
  absl::StatusOr<Int> left = Mul(a.num_, bd);
  absl::StatusOr<Int> right = Mul(b.num_, a.den_ / g);
  absl::StatusOr<Int> den = Mul(a.den_, bd);
  if (!left.ok() || !right.ok() || !den.ok()) return TooLarge();
  Int num;
  if (__builtin_add_overflow(*left, *right, &num)) return TooLarge();
  return Exact::Make(num, *den);
}

absl::StatusOr<Exact> Subtract(const Exact& a, const Exact& b) { return Add(a, Negate(b)); }

absl::StatusOr<Exact> Multiply(const Exact& a, const Exact& b) {
  // Cross-reduce first so that products stay small. Denominators are never
  // zero, so neither gcd is.
  const Int g1 = Gcd(a.num_, b.den_);
  const Int g2 = Gcd(b.num_, a.den_);
  absl::StatusOr<Int> num = Mul(a.num_ / g1, b.num_ / g2);
  absl::StatusOr<Int> den = Mul(a.den_ / g2, b.den_ / g1);
  if (!num.ok() || !den.ok()) return TooLarge();
  return Exact::Make(*num, *den);
}

absl::StatusOr<Exact> Divide(const Exact& a, const Exact& b) {
  if (b.num_ == 0) return absl::InvalidArgumentError("division by zero");
  // The reciprocal may carry its sign in the denominator; Make normalises it.
  return Multiply(a, Exact(b.den_, b.num_));
}

Exact Negate(const Exact& a) { return Exact(-a.num_, a.den_); }

int Compare(const Exact& a, const Exact& b) {
  // Continued-fraction comparison: whole parts first, then the reciprocals
  // of the remainders (which reverses the order). No product is ever formed,
  // so it cannot overflow.
  Int an = a.num_, ad = a.den_, bn = b.num_, bd = b.den_;
  int sign = 1;
  while (true) {
    const Int aq = FloorDiv(an, ad), bq = FloorDiv(bn, bd);
    if (aq != bq) return aq < bq ? -sign : sign;
    const Int ar = an - aq * ad, br = bn - bq * bd;  // 0 <= remainder < denominator
    if (ar == 0 && br == 0) return 0;
    if (ar == 0) return -sign;
    if (br == 0) return sign;
    // ar/ad vs br/bd has the opposite order of ad/ar vs bd/br.
    an = ad;
    ad = ar;
    bn = bd;
    bd = br;
    sign = -sign;
  }
}

absl::StatusOr<int32_t> ToHeadcount(Exact::Int whole, absl::string_view what) {
  if (whole > std::numeric_limits<int32_t>::max() || whole < std::numeric_limits<int32_t>::min()) {
    return absl::OutOfRangeError(absl::StrCat(what, " is too large a headcount"));
  }
  return static_cast<int32_t>(whole);
}

}  // namespace huinong::org
