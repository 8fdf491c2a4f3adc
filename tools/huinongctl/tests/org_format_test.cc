// The value parsers and text of org_format.h: dates, fixed-point decimals,
// enum names, the capability answer and a calculation's working in order.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

TEST(OrgValues, DecimalsRoundTripInMicros) {
  EXPECT_EQ(*ParseDecimalMicros("130000"), 130000000000);
  EXPECT_EQ(*ParseDecimalMicros("2.5"), 2500000);
  EXPECT_EQ(*ParseDecimalMicros("-0.75"), -750000);
  EXPECT_EQ(*ParseDecimalMicros(".5"), 500000);
  for (const char* bad : {"", "1.", "1.2345678", "abc", "1e5", "1,000", "-"}) {
    EXPECT_FALSE(ParseDecimalMicros(bad).ok()) << bad;
  }
  v1::Decimal d;
  d.set_micros(6500000);
  EXPECT_EQ(DecimalText(d), "6.5");
  d.set_micros(130000000000);
  EXPECT_EQ(DecimalText(d), "130000");
  d.set_micros(-1250000);
  EXPECT_EQ(DecimalText(d), "-1.25");
}

TEST(OrgValues, DatesAreCheckedCivilDays) {
  const auto date = ParseDate("2026-11-01");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2026);
  EXPECT_EQ(date->month(), 11);
  EXPECT_EQ(DateText(*date), "2026-11-01");
  EXPECT_FALSE(ParseDate("2026-02-30").ok());
  EXPECT_FALSE(ParseDate("2026-1-1").ok());
  EXPECT_EQ(DateText(type::v1::Date()), "");
}

TEST(OrgValues, KindsParseShortAndProtoNames) {
  EXPECT_EQ(*ParseAssignmentKind("Acting"), v1::ASSIGNMENT_KIND_ACTING);
  EXPECT_EQ(*ParseAssignmentKind("ASSIGNMENT_KIND_CONCURRENT"), v1::ASSIGNMENT_KIND_CONCURRENT);
  EXPECT_EQ(*ParsePostKind("technical"), v1::POST_KIND_PROFESSIONAL_TECHNICAL);
  EXPECT_FALSE(ParsePostKind("boss").ok());
  EXPECT_EQ(AssignmentKindName(v1::ASSIGNMENT_KIND_SECONDED), "seconded");
}

TEST(OrgFormat, CapabilityAnswerNamesTheGrantOrTheDenial) {
  v1::CheckCapabilityResponse r;
  r.set_denial(v1::CAPABILITY_DENIAL_OUT_OF_SCOPE);
  EXPECT_EQ(CapabilityAnswer(r), "refused: out of scope\n");
  r.set_allowed(true);
  r.mutable_via()->set_assignment("assignments/A1");
  r.mutable_via()->set_assignment_kind(v1::ASSIGNMENT_KIND_ACTING);
  r.mutable_via()->set_post("posts/P2");
  r.mutable_via()->set_post_unit("units/U6");
  r.mutable_via()->set_distance(1);
  r.mutable_via()->set_acting_for("staff/S9");
  EXPECT_EQ(CapabilityAnswer(r),
            "allowed via assignments/A1 (acting) on posts/P2 at units/U6 (distance 1), acting for staff/S9\n");
}

TEST(OrgFormat, CalculationPrintsLinesThenEveryStepInOrder) {
  v1::StaffingCalculation c;
  c.set_standard("staffingStandards/X");
  c.set_version(2);
  c.mutable_exact()->set_micros(1000000);
  c.set_headcount(1);
  for (const auto& [index, description, working] :
       std::vector<std::tuple<int, std::string, std::string>>{
           {1, "households share", "600 / 1200 = 0.5"}, {2, "area share", "5 / 10 = 0.5"},
           {3, "sum", "0.5 + 0.5 = 1"}, {4, "round down", ""}}) {
    v1::CalculationStep& step = *c.add_steps();
    step.set_index(index);
    step.set_description(description);
    step.set_working(working);
  }
  EXPECT_EQ(CalculationText(c),
            "standard   staffingStandards/X v2\n"
            "exact      1\n"
            "headcount  1\n"
            "working:\n"
            "  1. households share: 600 / 1200 = 0.5\n"
            "  2. area share: 5 / 10 = 0.5\n"
            "  3. sum: 0.5 + 0.5 = 1\n"
            "  4. round down\n");
}

}  // namespace
}  // namespace huinong::ctl
