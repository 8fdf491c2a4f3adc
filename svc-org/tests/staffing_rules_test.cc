// The staffing calculator against the seeds' own numbers: the call-centre
// seats and their staffing (`004:117`), the technical managers per vehicle
// (`001:743`), the summed fractions of one full-time post (`004:77`), the
// hospital's percentage bands and their compliance (`004:111`), and the
// bed/doctor/nurse pyramid (`004:113`). Each result is checked with its
// working, so a wrong step fails even when the headcount happens to match.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_calculator.h"
#include "svc-org/src/domain/staffing_compliance.h"
#include "svc-org/src/domain/staffing_standard.h"

namespace huinong::org {
namespace {

v1::StaffingStandard Rule(const std::string& text) {
  v1::StaffingStandard s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &s)) << text;
  s.set_title("test");
  rpc::Violations v;
  CheckStandardFields(FromProto(s), "standard", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
  return s;
}

// The rules are written in the API's text format (as the seeds are quoted);
// the calculator gets the domain rule they map to.
absl::StatusOr<Calculation> Calculate(const v1::StaffingStandard& s, const Drivers& d) {
  return org::Calculate(RuleFromProto(s), d);
}

Exact N(const std::string& text) { return *Exact::Parse(text); }

Calculation Calc(const v1::StaffingStandard& s, const Drivers& d) {
  absl::StatusOr<Calculation> c = Calculate(s, d);
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : Calculation{};
}

std::vector<std::string> Working(const Calculation& c) {
  std::vector<std::string> out;
  for (const auto& s : c.steps) out.push_back(s.working);
  return out;
}

int64_t Micros(const Exact& e) { return *e.ToMicros(); }

// 1 seat per 20,000 households (004:117).
constexpr char kSeats[] = R"(
  per_unit { driver: "households" per { micros: 20000000000 } rounding: ROUNDING_MODE_DOWN })";

// 1 technical manager per 50 vehicles, at least one (001:743).
constexpr char kVehicles[] = R"(
  per_unit { driver: "vehicles" per { micros: 50000000 } rounding: ROUNDING_MODE_UP minimum: 1 })";

TEST(StaffingPerUnitRule, CallCentreSeatsFor130000HouseholdsRoundDownToSix) {
  Calculation c = Calc(Rule(kSeats), {{"households", Exact::Integer(130000)}});
  EXPECT_EQ(c.headcount, 6);
  EXPECT_EQ(Micros(c.exact), 6500000);
  EXPECT_EQ(Working(c), (std::vector<std::string>{"130000 ÷ 20000 = 6.5", "6.5 rounded down = 6"}));
  ASSERT_EQ(c.lines.size(), 1u);
  EXPECT_EQ(c.lines[0].label, "total");
  EXPECT_EQ(c.lines[0].min, 6);
  EXPECT_EQ(c.lines[0].max, 6);
}

TEST(StaffingPerUnitRule, VehicleTechnicalManagersCeilingGives1And2And3) {
  const v1::StaffingStandard s = Rule(kVehicles);
  EXPECT_EQ(Calc(s, {{"vehicles", Exact::Integer(30)}}).headcount, 1);
  EXPECT_EQ(Calc(s, {{"vehicles", Exact::Integer(100)}}).headcount, 2);
  Calculation c120 = Calc(s, {{"vehicles", Exact::Integer(120)}});
  EXPECT_EQ(c120.headcount, 3);
  EXPECT_EQ(Working(c120),
            (std::vector<std::string>{"120 ÷ 50 = 2.4", "2.4 rounded up = 3", "max(3, 1) = 3"}));
}

TEST(StaffingPerUnitRule, AtLeastOneBelowFiftyEvenWhenRoundingDown) {
  v1::StaffingStandard s = Rule(kVehicles);
  s.mutable_per_unit()->set_rounding(v1::ROUNDING_MODE_DOWN);
  Calculation c = Calc(s, {{"vehicles", Exact::Integer(30)}});
  EXPECT_EQ(c.headcount, 1);
  EXPECT_EQ(Working(c), (std::vector<std::string>{"30 ÷ 50 = 0.6", "0.6 rounded down = 0", "max(0, 1) = 1"}));
  EXPECT_EQ(Calc(s, {{"vehicles", Exact::Integer(49)}}).headcount, 1);
  EXPECT_EQ(Calc(s, {{"vehicles", Exact::Integer(99)}}).headcount, 1);
  // No vehicles, no manager: the minimum applies only above zero.
  Calculation none = Calc(s, {{"vehicles", Exact::Integer(0)}});
  EXPECT_EQ(none.headcount, 0);
  EXPECT_EQ(none.steps.back().working, "vehicles is 0, so the minimum does not apply: 0");
}

TEST(StaffingPerUnitRule, PostsPerStepMultiplies) {
  v1::StaffingStandard s = Rule(kSeats);
  s.mutable_per_unit()->set_posts_per_step(2);
  s.mutable_per_unit()->set_rounding(v1::ROUNDING_MODE_HALF_UP);
  Calculation c = Calc(s, {{"households", Exact::Integer(130000)}});
  EXPECT_EQ(c.headcount, 13);
  EXPECT_EQ(c.steps[0].working, "130000 ÷ 20000 × 2 = 13");
}

// Staff per seat = daily seat hours × working days per month ÷ statutory
// monthly hours (004:117). The seed serves 14 h a day (7:30–21:30) and says
// only "the statutory monthly working hours"; we use 30 service days a month
// and the statutory 166.64 h (20.83 days × 8 h).
constexpr char kStaffPerSeat[] = R"(
  formula {
    expression: "seat_hours_per_day * working_days_per_month / statutory_hours_per_month"
    variables { name: "seat_hours_per_day" description: "人工服务小时/天" }
    variables { name: "working_days_per_month" default_value { micros: 30000000 } has_default: true }
    variables { name: "statutory_hours_per_month" default_value { micros: 166640000 } has_default: true }
    rounding: ROUNDING_MODE_UP
  })";

TEST(StaffingFormulaRule, StaffPerSeatAt14HoursIsAbout2Point5) {
  Calculation c = Calc(Rule(kStaffPerSeat), {{"seat_hours_per_day", Exact::Integer(14)}});
  // 14 × 30 ÷ 166.64 = 420 ÷ 166.64 = 5250/2083, exactly.
  EXPECT_EQ(c.exact.num(), 5250);
  EXPECT_EQ(c.exact.den(), 2083);
  EXPECT_EQ(Micros(c.exact), 2520403);
  EXPECT_GT(Compare(c.exact, N("2.5")), 0);
  EXPECT_LT(Compare(c.exact, N("2.55")), 0);
  EXPECT_EQ(c.headcount, 3);  // rounded up: a seat needs 3 people on the rota
  EXPECT_EQ(Working(c), (std::vector<std::string>{"given: 14", "default: 30", "default: 166.64",
                                                  "14 × 30 = 420", "420 ÷ 166.64 ≈ 2.520403",
                                                  "2.520403 rounded up = 3"}));
  EXPECT_EQ(c.steps[0].description, "seat_hours_per_day (人工服务小时/天)");
  EXPECT_EQ(c.steps[3].description, "seat_hours_per_day * working_days_per_month");
}

TEST(StaffingFormulaRule, RoundingModesOfStaffPerSeat) {
  v1::StaffingStandard s = Rule(kStaffPerSeat);
  s.mutable_formula()->set_rounding(v1::ROUNDING_MODE_DOWN);
  EXPECT_EQ(Calc(s, {{"seat_hours_per_day", Exact::Integer(14)}}).headcount, 2);
  s.mutable_formula()->set_rounding(v1::ROUNDING_MODE_HALF_UP);
  EXPECT_EQ(Calc(s, {{"seat_hours_per_day", Exact::Integer(14)}}).headcount, 3);
  // A given value overrides the default: 21.75 days × 8 h = 174 h gives 2.41.
  Calculation c = Calc(s, {{"seat_hours_per_day", Exact::Integer(14)},
                           {"statutory_hours_per_month", Exact::Integer(174)}});
  EXPECT_EQ(Micros(c.exact), 2413793);
  EXPECT_EQ(c.headcount, 2);
}

TEST(StaffingFormulaRule, SixSeatsNeedSixteenPeople) {
  v1::StaffingStandard s = Rule(kStaffPerSeat);
  s.mutable_formula()->set_expression(
      "seats * seat_hours_per_day * working_days_per_month / statutory_hours_per_month");
  s.mutable_formula()->add_variables()->set_name("seats");
  Calculation c = Calc(s, {{"seat_hours_per_day", Exact::Integer(14)}, {"seats", Exact::Integer(6)}});
  EXPECT_EQ(Micros(c.exact), 15122420);  // 2520 ÷ 166.64 = 31500/2083
  EXPECT_EQ(c.headcount, 16);
}

TEST(StaffingFormulaRule, DivisionByZeroNamesTheDivisor) {
  absl::StatusOr<Calculation> c =
      Calculate(Rule(kStaffPerSeat), {{"seat_hours_per_day", Exact::Integer(14)},
                                      {"statutory_hours_per_month", Exact::Integer(0)}});
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  auto fields = rpc::FieldViolationsOf(c.status());
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].field, "inputs");
  EXPECT_NE(fields[0].description.find("statutory_hours_per_month is 0"), std::string::npos);
}

TEST(StaffingFormulaRule, NegativeResultIsRefused) {
  v1::StaffingStandard s = Rule(R"(formula { expression: "a - 10" variables { name: "a" }
                                             rounding: ROUNDING_MODE_DOWN })");
  EXPECT_EQ(Calculate(s, {{"a", Exact::Integer(3)}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Calc(s, {{"a", Exact::Integer(13)}}).headcount, 3);
}

// 600 households ÷ 1200 + 5 (10,000 m²) ÷ 10 (004:77).
constexpr char kComprehensive[] = R"(
  summed_fractions {
    terms { driver: "households" capacity { micros: 1200000000 } }
    terms { driver: "area_10k_m2" capacity { micros: 10000000 } }
    rounding: ROUNDING_MODE_DOWN
  })";

TEST(StaffingSummedFractionsRule, HalfPlusHalfIsOneFullTimePost) {
  Calculation c = Calc(Rule(kComprehensive), {{"households", Exact::Integer(600)},
                                              {"area_10k_m2", Exact::Integer(5)}});
  EXPECT_EQ(Micros(c.exact), 1000000);
  EXPECT_TRUE(c.exact.is_integer());
  EXPECT_EQ(c.headcount, 1);
  EXPECT_EQ(Working(c), (std::vector<std::string>{"600 ÷ 1200 = 0.5", "5 ÷ 10 = 0.5", "0.5 + 0.5 = 1",
                                                  "1 rounded down = 1"}));
}

TEST(StaffingSummedFractionsRule, BelowOnePostIsNoFullTimePostWhenRoundingDown) {
  Calculation c = Calc(Rule(kComprehensive), {{"households", Exact::Integer(600)},
                                              {"area_10k_m2", Exact::Integer(3)}});
  EXPECT_EQ(Micros(c.exact), 800000);
  EXPECT_EQ(c.headcount, 0);
}

TEST(StaffingSummedFractionsRule, ThirdsAddUpExactly) {
  // In millionths 1/3 + 1/3 + 1/3 would be 0.999999 and round down to 0.
  v1::StaffingStandard s = Rule(R"(summed_fractions {
      terms { driver: "a" capacity { micros: 3000000 } }
      terms { driver: "b" capacity { micros: 3000000 } }
      terms { driver: "c" capacity { micros: 3000000 } }
      rounding: ROUNDING_MODE_DOWN })");
  Calculation c = Calc(s, {{"a", Exact::Integer(1)}, {"b", Exact::Integer(1)}, {"c", Exact::Integer(1)}});
  EXPECT_EQ(c.headcount, 1);
  EXPECT_EQ(c.steps[0].working, "1 ÷ 3 ≈ 0.333333");
}

// Management 8–10%, technical 80–85%, support 5–10% (004:111).
constexpr char kHospitalBands[] = R"(
  percentage_bands {
    bands { kind: POST_KIND_MANAGEMENT min_bp: 800 max_bp: 1000 }
    bands { kind: POST_KIND_PROFESSIONAL_TECHNICAL min_bp: 8000 max_bp: 8500 }
    bands { kind: POST_KIND_SUPPORT min_bp: 500 max_bp: 1000 }
  })";

TEST(StaffingPercentageBandsRule, RangesOfAnEstablishmentOf100) {
  Calculation c = Calc(Rule(kHospitalBands), {{"establishment", Exact::Integer(100)}});
  EXPECT_EQ(c.headcount, 100);
  ASSERT_EQ(c.lines.size(), 3u);
  EXPECT_EQ(c.lines[0].label, "management");
  EXPECT_EQ(std::make_pair(c.lines[0].min, c.lines[0].max), std::make_pair(8, 10));
  EXPECT_EQ(std::make_pair(c.lines[1].min, c.lines[1].max), std::make_pair(80, 85));
  EXPECT_EQ(std::make_pair(c.lines[2].min, c.lines[2].max), std::make_pair(5, 10));
  EXPECT_EQ(c.steps[1].working, "100 × 8% = 8, rounded up = 8");
}

TEST(StaffingPercentageBandsRule, BoundsRoundInwards) {
  Calculation c = Calc(Rule(kHospitalBands), {{"establishment", Exact::Integer(37)}});
  // 37 × 8% = 2.96 → at least 3; 37 × 10% = 3.7 → at most 3.
  EXPECT_EQ(std::make_pair(c.lines[0].min, c.lines[0].max), std::make_pair(3, 3));
  EXPECT_EQ(c.steps[1].working, "37 × 8% = 2.96, rounded up = 3");
  // 37 × 80% = 29.6 → 30; 37 × 85% = 31.45 → 31.
  EXPECT_EQ(std::make_pair(c.lines[1].min, c.lines[1].max), std::make_pair(30, 31));
}

TEST(StaffingPercentageBandsRule, HospitalActualsAreUnderOverAndWithin) {
  Calculation c = Calc(Rule(kHospitalBands), {{"establishment", Exact::Integer(100)}});
  ComplianceResult r = CompareActuals(
      c, {{"management", 2}, {"professional_technical", 86}, {"support", 7}});
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(VerdictName(r.lines[0].verdict), "under");
  EXPECT_EQ(VerdictName(r.lines[1].verdict), "over");
  EXPECT_EQ(VerdictName(r.lines[2].verdict), "within");
  EXPECT_EQ(r.lines[0].actual_bp, 200);
  EXPECT_EQ(r.lines[1].actual_bp, 8600);
  EXPECT_EQ(r.lines[2].actual_bp, 700);
  EXPECT_FALSE(r.compliant);
  ComplianceResult ok = CompareActuals(
      c, {{"management", 9}, {"professional_technical", 83}, {"support", 8}});
  EXPECT_TRUE(ok.compliant);
}

TEST(StaffingPercentageBandsRule, FractionalEstablishmentIsRefused) {
  EXPECT_EQ(Calculate(Rule(kHospitalBands), {{"establishment", N("100.5")}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Beds : doctors = 1 : 0.2, doctors : nurses = 1 : 2 (004:113).
constexpr char kWard[] = R"(
  ratio_pyramid {
    base_driver: "beds"
    tiers { role: "doctors" relative_to: "beds" ratio { micros: 200000 } rounding: ROUNDING_MODE_DOWN }
    tiers { role: "nurses" relative_to: "doctors" ratio { micros: 2000000 } rounding: ROUNDING_MODE_DOWN }
  })";

TEST(StaffingRatioPyramidRule, FiveHundredBedsGiveOneHundredDoctorsAndTwoHundredNurses) {
  Calculation c = Calc(Rule(kWard), {{"beds", Exact::Integer(500)}});
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.lines[0].label, "doctors");
  EXPECT_EQ(c.lines[0].headcount, 100);
  EXPECT_EQ(c.lines[1].label, "nurses");
  EXPECT_EQ(c.lines[1].headcount, 200);
  EXPECT_EQ(c.headcount, 300);
  EXPECT_EQ(Working(c), (std::vector<std::string>{"500 × 0.2 = 100", "100 rounded down = 100",
                                                  "100 × 2 = 200", "200 rounded down = 200",
                                                  "100 + 200 = 300"}));
}

TEST(StaffingRatioPyramidRule, NursesFollowTheRoundedDoctors) {
  Calculation c = Calc(Rule(kWard), {{"beds", Exact::Integer(503)}});
  EXPECT_EQ(Micros(c.lines[0].exact), 100600000);  // 100.6 doctors before rounding
  EXPECT_EQ(c.lines[0].headcount, 100);
  EXPECT_EQ(c.lines[1].headcount, 200);  // not 201.2
}

TEST(StaffingCalculator, MissingDriversAreAllNamed) {
  absl::StatusOr<Calculation> c = Calculate(Rule(kComprehensive), {});
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  auto fields = rpc::FieldViolationsOf(c.status());
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].description, "missing driver \"area_10k_m2\"");
  EXPECT_EQ(fields[1].description, "missing driver \"households\"");
}

TEST(StaffingCompliance, PerUnitLinesAreExactAndActualsMayBeMissing) {
  Calculation c = Calc(Rule(kSeats), {{"households", Exact::Integer(130000)}});
  EXPECT_EQ(MissingActuals(c, {}), std::vector<std::string>{"total"});
  EXPECT_EQ(VerdictName(CompareActuals(c, {{"total", 5}}).lines[0].verdict), "under");
  EXPECT_EQ(VerdictName(CompareActuals(c, {{"total", 6}}).lines[0].verdict), "within");
  EXPECT_EQ(VerdictName(CompareActuals(c, {{"total", 7}}).lines[0].verdict), "over");
  EXPECT_FALSE(CompareActuals(c, {{"total", 6}}).lines[0].actual_bp.has_value());
}

}  // namespace
}  // namespace huinong::org
