// Exact numbers and the formula language of the staffing calculator:
// rounding modes on halves and negatives, exactness where millionths would
// drift, overflow refused instead of wrapping, and formula parsing and
// evaluation with their working.
#include <gtest/gtest.h>

#include "svc-org/src/domain/staffing_formula.h"
#include "svc-org/src/domain/staffing_number.h"

namespace huinong::org {
namespace {

Exact N(const std::string& text) {
  absl::StatusOr<Exact> e = Exact::Parse(text);
  EXPECT_TRUE(e.ok()) << text << ": " << e.status();
  return e.ok() ? *e : Exact();
}

int64_t Round(const std::string& text, Rounding mode) { return static_cast<int64_t>(N(text).Round(mode)); }

TEST(StaffingExact, RoundingModesOnHalvesAndNegatives) {
  EXPECT_EQ(Round("6.5", Rounding::kDown), 6);
  EXPECT_EQ(Round("6.5", Rounding::kUp), 7);
  EXPECT_EQ(Round("6.5", Rounding::kHalfUp), 7);
  EXPECT_EQ(Round("6.4", Rounding::kHalfUp), 6);
  EXPECT_EQ(Round("6.1", Rounding::kUp), 7);
  EXPECT_EQ(Round("6", Rounding::kUp), 6);
  EXPECT_EQ(Round("6", Rounding::kDown), 6);
  const Exact minus = Negate(N("2.5"));
  EXPECT_EQ(static_cast<int64_t>(minus.Round(Rounding::kDown)), -3);
  EXPECT_EQ(static_cast<int64_t>(minus.Round(Rounding::kUp)), -2);
  EXPECT_EQ(static_cast<int64_t>(minus.Round(Rounding::kHalfUp)), -3);  // away from zero
}

TEST(StaffingExact, DecimalsInAndOut) {
  EXPECT_EQ(Exact::Micros(2500000).Text(), "2.5");
  EXPECT_EQ(Exact::Micros(21750000).Text(), "21.75");
  EXPECT_EQ(Exact::Micros(-3070000).Text(), "-3.07");
  EXPECT_EQ(Exact::BasisPoints(850).Text(), "0.085");
  EXPECT_EQ(N("166.64").num(), 4166);
  EXPECT_EQ(N("166.64").den(), 25);
  EXPECT_EQ(*N("0.0000005").ToMicros(), 1);  // half up at the seventh decimal
  EXPECT_EQ(*N("0.0000004").ToMicros(), 0);
  EXPECT_EQ(N("1").Equals(), "= 1");
  EXPECT_EQ((*Divide(N("2"), N("3"))).Equals(), "≈ 0.666667");
  EXPECT_FALSE(Exact::Parse("").ok());
  EXPECT_FALSE(Exact::Parse("1.2.3").ok());
  EXPECT_FALSE(Exact::Parse("-1").ok());
  EXPECT_FALSE(Exact::Parse("1234567890123456789").ok());  // 19 digits
}

TEST(StaffingExact, ArithmeticIsExact) {
  Exact third = *Divide(N("1"), N("3"));
  Exact sum = *Add(*Add(third, third), third);
  EXPECT_TRUE(sum.is_integer());
  EXPECT_EQ(sum.num(), 1);
  EXPECT_EQ(Compare(*Subtract(N("0.3"), N("0.1")), N("0.2")), 0);
  EXPECT_EQ(Compare(*Multiply(N("500"), N("0.2")), N("100")), 0);
  EXPECT_EQ(Divide(N("1"), N("0")).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(StaffingExact, CompareOrdersCloseAndNegativeValues) {
  const Exact a = *Divide(N("5250"), N("2083"));  // 2.5204032645...
  const Exact b = *Divide(N("2520403"), N("1000000"));
  EXPECT_EQ(Compare(a, b), 1);
  EXPECT_EQ(Compare(b, a), -1);
  EXPECT_EQ(Compare(a, a), 0);
  EXPECT_EQ(Compare(Negate(N("1.5")), N("0")), -1);
  EXPECT_EQ(Compare(Negate(N("1.5")), Negate(N("1.4"))), -1);
  EXPECT_EQ(Compare(*Divide(N("1"), N("3")), *Divide(N("1"), N("4"))), 1);
}

TEST(StaffingExact, OverflowIsOutOfRangeNotWrapped) {
  Exact big = N("999999999999999999");  // 10^18 - 1
  absl::StatusOr<Exact> square = Multiply(big, big);
  EXPECT_EQ(square.status().code(), absl::StatusCode::kOutOfRange);
  absl::StatusOr<Exact> tiny = Divide(N("1"), big);
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(Multiply(*tiny, *Divide(N("1"), N("999999999999999997"))).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(ToHeadcount(Exact::Int{3000000000LL}, "x").status().code(), absl::StatusCode::kOutOfRange);
}

TEST(StaffingFormula, EvaluatesWithPrecedenceAndRecordsEachOperation) {
  absl::StatusOr<Formula> f = Formula::Parse("a + b * (c - 1) / 2");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->variables(), (std::set<std::string>{"a", "b", "c"}));
  std::vector<WorkingStep> steps;
  absl::StatusOr<Exact> v = f->Evaluate({{"a", N("1")}, {"b", N("3")}, {"c", N("6")}}, steps);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->Text(), "8.5");
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].description, "c - 1");
  EXPECT_EQ(steps[0].working, "6 - 1 = 5");
  EXPECT_EQ(steps[1].working, "3 × 5 = 15");
  EXPECT_EQ(steps[2].working, "15 ÷ 2 = 7.5");
  EXPECT_EQ(steps[3].description, "a + b * (c - 1) / 2");
  EXPECT_EQ(steps[3].working, "1 + 7.5 = 8.5");
}

TEST(StaffingFormula, FunctionsAndUnaryMinus) {
  std::vector<WorkingStep> steps;
  auto eval = [&](const std::string& text) {
    absl::StatusOr<Formula> f = Formula::Parse(text);
    EXPECT_TRUE(f.ok()) << text << ": " << f.status();
    absl::StatusOr<Exact> v = f->Evaluate({{"x", N("2.4")}}, steps);
    EXPECT_TRUE(v.ok()) << v.status();
    return v->Text();
  };
  EXPECT_EQ(eval("ceil(x)"), "3");
  EXPECT_EQ(eval("floor(x)"), "2");
  EXPECT_EQ(eval("max(1, min(x, 2))"), "2");
  EXPECT_EQ(eval("-x + 5"), "2.6");
  EXPECT_EQ(eval("floor(-x)"), "-3");
  EXPECT_EQ(eval("x"), "2.4");
  EXPECT_EQ(steps.back().working, "floor(-2.4) = -3");
}

TEST(StaffingFormula, ParseErrorsSayWhatAndWhere) {
  auto message = [](const std::string& text) {
    absl::StatusOr<Formula> f = Formula::Parse(text);
    EXPECT_FALSE(f.ok()) << text;
    return std::string(f.status().message());
  };
  EXPECT_EQ(message("a + * b"), "unexpected '*' at character 5");
  EXPECT_EQ(message("a + "), "the expression ends too early");
  EXPECT_EQ(message("(a"), "the expression ends too early");
  EXPECT_EQ(message("a)"), "unexpected ')' at character 2");
  EXPECT_EQ(message("sqrt(a)"), "unknown function \"sqrt\" (known: min, max, floor, ceil)");
  EXPECT_EQ(message("min(a)"), "min() takes 2 argument(s), not 1");
  EXPECT_EQ(message("A + 1"), "unexpected 'A' at character 1");
  EXPECT_EQ(message("1.2.3"), "\"1.2.3\" is not a number (at character 1)");
  EXPECT_EQ(message(std::string(70, '(') + "1" + std::string(70, ')')), "the expression is nested too deeply");
}

TEST(StaffingFormula, DivisionByZeroNamesTheDivisorAsWritten) {
  absl::StatusOr<Formula> f = Formula::Parse("a / (b - 2)");
  ASSERT_TRUE(f.ok());
  std::vector<WorkingStep> steps;
  absl::StatusOr<Exact> v = f->Evaluate({{"a", N("1")}, {"b", N("2")}}, steps);
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(v.status().message(), "division by zero: b - 2 is 0 in a / (b - 2)");
}

TEST(StaffingDriverName, LowerCaseLettersDigitsAndUnderscore) {
  EXPECT_TRUE(ValidDriverName("households"));
  EXPECT_TRUE(ValidDriverName("area_10k_m2"));
  EXPECT_TRUE(ValidDriverName("_x"));
  EXPECT_FALSE(ValidDriverName(""));
  EXPECT_FALSE(ValidDriverName("10k"));
  EXPECT_FALSE(ValidDriverName("Beds"));
  EXPECT_FALSE(ValidDriverName("a-b"));
  EXPECT_FALSE(ValidDriverName(std::string(65, 'a')));
}

}  // namespace
}  // namespace huinong::org
