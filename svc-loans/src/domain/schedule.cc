// See schedule.h.
//
// Exactness. Interest: any int64 principal × int rate × int days is below
// 2^126, so one unsigned 128-bit division rounds it exactly. The
// annuity needs (1 + r)^n exactly, which no fixed width holds (n = 36 at
// 4.35% is a 600-bit fraction), so the closed form is evaluated on a small
// unbounded natural number and A found as the largest amount whose
// multiple does not exceed the numerator.
#include "svc-loans/src/domain/schedule.h"

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {

namespace {

using uint128 = unsigned __int128;

// (numerator + denominator ÷ 2) ÷ denominator: the quotient rounded half up.
uint128 DivideHalfUp(uint128 numerator, uint128 denominator) {
  return (2 * numerator + denominator) / (2 * denominator);
}

// An unbounded non-negative integer, little-endian base-2^32 limbs: just
// what the annuity's closed form needs (multiply by a 64-bit number, add,
// subtract a smaller one, compare).
class Natural {
 public:
  explicit Natural(uint64_t value) {
    for (; value != 0; value >>= 32) limbs_.push_back(static_cast<uint32_t>(value));
  }

  Natural& operator*=(uint64_t factor) {
    uint128 carry = 0;
    for (uint32_t& limb : limbs_) {
      carry += static_cast<uint128>(limb) * factor;
      limb = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
    for (; carry != 0; carry >>= 32) limbs_.push_back(static_cast<uint32_t>(carry));
    Trim();
    return *this;
  }

  Natural& operator+=(const Natural& other) {
    limbs_.resize(std::max(limbs_.size(), other.limbs_.size()), 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < limbs_.size(); ++i) {
      carry += static_cast<uint64_t>(limbs_[i]) + (i < other.limbs_.size() ? other.limbs_[i] : 0);
      limbs_[i] = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<uint32_t>(carry));
    return *this;
  }

  // Requires other ≤ *this.
  Natural& operator-=(const Natural& other) {
    int64_t borrow = 0;
    for (size_t i = 0; i < limbs_.size(); ++i) {
      int64_t d = static_cast<int64_t>(limbs_[i]) - (i < other.limbs_.size() ? other.limbs_[i] : 0) - borrow;
      borrow = d < 0 ? 1 : 0;
      limbs_[i] = static_cast<uint32_t>(d + (borrow << 32));
    }
    Trim();
    return *this;
  }

  friend bool operator<=(const Natural& a, const Natural& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size();
    for (size_t i = a.limbs_.size(); i-- > 0;) {
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i];
    }
    return true;
  }

 private:
  void Trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }
  std::vector<uint32_t> limbs_;
};

Natural operator*(Natural a, uint64_t factor) { return a *= factor; }

// A month's rate is rate_bp ÷ (10000 × 12).
constexpr uint64_t kMonthlyRateDenominator = 120'000;

// The fixed instalment repaying `principal_fen` over `periods` months at
// `rate_bp` a year, rounded half up: with q = 120000, u = q + rate_bp,
//   A = P × rate_bp × u^n ÷ (q × (u^n − q^n))
// i.e. floor((2·P·rate_bp·u^n + D) ÷ 2D) with D = q × (u^n − q^n). A falls
// as n grows, so A ≤ the one-period value P × u ÷ q bounds the search.
int64_t AnnuityFen(int64_t principal_fen, int rate_bp, int periods) {
  const uint64_t q = kMonthlyRateDenominator;
  const uint64_t u = q + static_cast<uint64_t>(rate_bp);
  Natural u_n(1), q_n(1);
  for (int i = 0; i < periods; ++i) {
    u_n *= u;
    q_n *= q;
  }
  Natural d = u_n;
  d -= q_n;
  d *= q;
  Natural numerator = u_n * (2 * static_cast<uint64_t>(principal_fen) * static_cast<uint64_t>(rate_bp));
  numerator += d;
  const Natural twice_d = d * 2;
  int64_t low = 0;  // low × 2D ≤ numerator
  int64_t high = static_cast<int64_t>(static_cast<uint128>(principal_fen) * u / q) + 2;  // high × 2D > numerator
  while (high - low > 1) {
    const int64_t mid = low + (high - low) / 2;
    if (twice_d * static_cast<uint64_t>(mid) <= numerator) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return low;
}

// The contractual due dates (anchored, clamped, the last on maturity), each
// moved to the next working day when the terms say so. Moving is monotone,
// so the dates never decrease.
std::vector<absl::CivilDay> DueDates(const ScheduleTerms& terms) {
  std::vector<absl::CivilDay> dates;
  for (int k = 1;; ++k) {
    const absl::CivilDay anchored = AddMonths(terms.disbursement_date, k);
    if (anchored >= terms.maturity_date) break;
    dates.push_back(anchored);
  }
  dates.push_back(terms.maturity_date);
  if (terms.move_due_dates_to_working_day) {
    for (absl::CivilDay& date : dates) {
      if (!terms.calendar->IsWorkingDay(date)) date = terms.calendar->NextWorkingDay(date);
    }
  }
  return dates;
}

std::vector<std::string> TermsViolations(const ScheduleTerms& t) {
  std::vector<std::string> v;
  if (t.principal_fen < 1 || t.principal_fen > kMaxSchedulePrincipalFen) {
    v.push_back(absl::StrCat("principal_fen must be 1…", kMaxSchedulePrincipalFen, " fen, not ", t.principal_fen));
  }
  if (t.rate_bp < 0 || t.rate_bp > kMaxScheduleRateBp) {
    v.push_back(absl::StrCat("rate_bp must be 0…", kMaxScheduleRateBp, ", not ", t.rate_bp));
  }
  if (t.maturity_date <= t.disbursement_date) {
    v.push_back("maturity_date must be after disbursement_date");
  } else if (t.maturity_date > AddMonths(t.disbursement_date, kMaxSchedulePeriods)) {
    v.push_back(absl::StrCat("maturity_date must be at most ", kMaxSchedulePeriods, " months after disbursement"));
  }
  if (t.method != RepaymentMethod::kMonthlyInterestBullet && t.method != RepaymentMethod::kEqualPrincipal &&
      t.method != RepaymentMethod::kEqualInstalments) {
    v.push_back(absl::StrCat("method ", static_cast<int>(t.method), " is unknown"));
  }
  if (t.day_count != DayCount::kActual365 && t.day_count != DayCount::kActual360) {
    v.push_back(absl::StrCat("day_count ", static_cast<int>(t.day_count), " is unknown"));
  }
  if (t.move_due_dates_to_working_day && t.calendar == nullptr) {
    v.push_back("move_due_dates_to_working_day needs a calendar");
  }
  return v;
}

absl::Status CheckTerms(const ScheduleTerms& terms) {
  const std::vector<std::string> v = TermsViolations(terms);
  if (v.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("schedule terms: ", absl::StrJoin(v, "; ")));
}

// `principal_fen` outstanding from `start`, repaid over `due_dates` by the
// terms' method; the first instalment gets index `first_index`.
std::vector<Instalment> Amortize(const ScheduleTerms& terms, absl::CivilDay start, int64_t principal_fen,
                                 const std::vector<absl::CivilDay>& due_dates, int first_index) {
  const int n = static_cast<int>(due_dates.size());
  const bool annuity = terms.method == RepaymentMethod::kEqualInstalments && terms.rate_bp > 0;
  const bool equal_principal = terms.method == RepaymentMethod::kEqualPrincipal ||
                               (terms.method == RepaymentMethod::kEqualInstalments && terms.rate_bp == 0);
  const int64_t fixed_instalment = annuity ? AnnuityFen(principal_fen, terms.rate_bp, n) : 0;
  const int64_t principal_share = principal_fen / n;  // rounded down: the last can never go negative

  std::vector<Instalment> out;
  out.reserve(due_dates.size());
  int64_t outstanding = principal_fen;
  absl::CivilDay period_start = start;
  for (int k = 0; k < n; ++k) {
    Instalment i;
    i.index = first_index + k;
    i.period_start = period_start;
    i.due_date = due_dates[k];
    i.days = static_cast<int>(i.due_date - i.period_start);
    i.interest_due_fen = InterestFen(outstanding, terms.rate_bp, terms.day_count, i.days);
    if (k == n - 1) {
      i.principal_due_fen = outstanding;
    } else if (annuity) {
      i.principal_due_fen = std::clamp<int64_t>(fixed_instalment - i.interest_due_fen, 0, outstanding);
    } else if (equal_principal) {
      i.principal_due_fen = principal_share;
    }
    outstanding -= i.principal_due_fen;
    period_start = i.due_date;
    out.push_back(i);
  }
  return out;
}

}  // namespace

ScheduleTerms TermsOfLoan(const Loan& loan) {
  ScheduleTerms t;
  t.principal_fen = loan.principal_fen;
  t.rate_bp = loan.rate_bp;
  t.disbursement_date = loan.disbursement_date;
  t.maturity_date = OriginalMaturity(loan);
  t.method = loan.repayment_method;
  t.day_count = loan.day_count;
  return t;
}

int64_t InterestFen(int64_t principal_fen, int rate_bp, DayCount day_count, int days) {
  if (principal_fen <= 0 || rate_bp <= 0 || days <= 0) return 0;
  const uint128 basis = day_count == DayCount::kActual360 ? 360 : 365;
  const uint128 numerator = static_cast<uint128>(principal_fen) * static_cast<uint128>(rate_bp) *
                            static_cast<uint128>(days);
  return static_cast<int64_t>(DivideHalfUp(numerator, 10'000 * basis));
}

absl::StatusOr<std::vector<Instalment>> BuildSchedule(const ScheduleTerms& terms) {
  if (absl::Status s = CheckTerms(terms); !s.ok()) return s;
  return Amortize(terms, terms.disbursement_date, terms.principal_fen, DueDates(terms), 1);
}

absl::StatusOr<std::vector<Instalment>> RebuildScheduleFrom(const ScheduleTerms& terms, absl::CivilDay from,
                                                            int64_t outstanding_principal_fen) {
  std::vector<std::string> v = TermsViolations(terms);
  if (outstanding_principal_fen < 0 || outstanding_principal_fen > terms.principal_fen) {
    v.push_back(absl::StrCat("outstanding principal must be 0…", terms.principal_fen, " fen, not ",
                             outstanding_principal_fen));
  }
  if (from < terms.disbursement_date) v.push_back("from must not be before disbursement_date");
  if (!v.empty()) return absl::InvalidArgumentError(absl::StrCat("schedule terms: ", absl::StrJoin(v, "; ")));
  if (outstanding_principal_fen == 0) return std::vector<Instalment>{};

  const std::vector<absl::CivilDay> all = DueDates(terms);
  const auto first_remaining = std::upper_bound(all.begin(), all.end(), from);
  if (first_remaining == all.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("schedule terms: from ", absl::FormatCivilTime(from), " is not before the last due date ",
                     absl::FormatCivilTime(all.back()), ": nothing is left to schedule"));
  }
  const std::vector<absl::CivilDay> remaining(first_remaining, all.end());
  return Amortize(terms, from, outstanding_principal_fen, remaining,
                  static_cast<int>(first_remaining - all.begin()) + 1);
}

}  // namespace huinong::loans
