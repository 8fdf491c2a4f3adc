// The shape rules of a staffing standard: one error names every bad field of
// every rule kind, formulas are parsed and their variables declared, and
// the status moves only forward.
#include <set>

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_standard.h"

namespace huinong::org {
namespace {

std::set<std::string> Fields(const std::string& text, const std::string& title = "t") {
  v1::StaffingStandard s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &s)) << text;
  s.set_title(title);
  rpc::Violations v;
  CheckStandardFields(FromProto(s), "standard", v);
  std::set<std::string> out;
  for (const auto& fv : v.list()) out.insert(fv.field);
  return out;
}

TEST(StaffingStandardShape, NoRuleAndNoTitleAreBothNamed) {
  EXPECT_EQ(Fields("", ""), (std::set<std::string>{"standard.title", "standard.rule"}));
}

TEST(StaffingStandardShape, PerUnitNamesEveryBadField) {
  EXPECT_EQ(Fields(R"(per_unit { driver: "Households" per { micros: 0 } posts_per_step: -1
                                 rounding: ROUNDING_MODE_UNSPECIFIED minimum: -1 })"),
            (std::set<std::string>{"standard.per_unit.driver", "standard.per_unit.per",
                                   "standard.per_unit.posts_per_step", "standard.per_unit.rounding",
                                   "standard.per_unit.minimum"}));
  EXPECT_EQ(Fields(R"(per_unit { driver: "households" rounding: ROUNDING_MODE_DOWN })"),
            std::set<std::string>{"standard.per_unit.per"});  // per is required, not 0
}

TEST(StaffingStandardShape, FormulaChecksSyntaxAndDeclaredVariables) {
  EXPECT_EQ(Fields(R"(formula { expression: "a * b" variables { name: "a" } variables { name: "a" }
                                rounding: ROUNDING_MODE_UP })"),
            (std::set<std::string>{"standard.formula.expression", "standard.formula.variables[1].name"}));
  v1::StaffingStandard s;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"(title: "t" formula { expression: "a * b" variables { name: "a" } rounding: ROUNDING_MODE_UP })", &s));
  rpc::Violations v;
  CheckStandardFields(FromProto(s), "standard", v);
  ASSERT_EQ(v.list().size(), 1u);
  EXPECT_EQ(v.list()[0].description, "unknown variable \"b\"");
  EXPECT_EQ(Fields(R"(formula { expression: "a +" variables { name: "a" } })"),
            (std::set<std::string>{"standard.formula.expression", "standard.formula.rounding"}));
  EXPECT_EQ(Fields(R"(formula { variables { name: "a" default_value { micros: -1 } has_default: true }
                                rounding: ROUNDING_MODE_UP })"),
            (std::set<std::string>{"standard.formula.expression",
                                   "standard.formula.variables[0].default_value"}));
}

TEST(StaffingStandardShape, SummedFractionsNeedPositiveCapacitiesAndDistinctDrivers) {
  EXPECT_EQ(Fields(R"(summed_fractions { rounding: ROUNDING_MODE_DOWN })"),
            std::set<std::string>{"standard.summed_fractions.terms"});
  EXPECT_EQ(Fields(R"(summed_fractions {
                        terms { driver: "households" capacity { micros: 1200000000 } }
                        terms { driver: "households" capacity { micros: -5 } }
                        rounding: ROUNDING_MODE_DOWN })"),
            (std::set<std::string>{"standard.summed_fractions.terms[1].driver",
                                   "standard.summed_fractions.terms[1].capacity"}));
}

TEST(StaffingStandardShape, BandsNeedKindsAndOrderedBounds) {
  EXPECT_EQ(Fields(R"(percentage_bands {
                        bands { kind: POST_KIND_MANAGEMENT min_bp: 1000 max_bp: 800 }
                        bands { kind: POST_KIND_MANAGEMENT min_bp: 0 max_bp: 20000 }
                        bands { min_bp: -1 max_bp: 100 } })"),
            (std::set<std::string>{"standard.percentage_bands.bands[0].min_bp",
                                   "standard.percentage_bands.bands[1].kind",
                                   "standard.percentage_bands.bands[1].max_bp",
                                   "standard.percentage_bands.bands[2].kind",
                                   "standard.percentage_bands.bands[2].min_bp"}));
  EXPECT_EQ(Fields(R"(percentage_bands {
                        bands { kind: POST_KIND_MANAGEMENT min_bp: 6000 max_bp: 7000 }
                        bands { kind: POST_KIND_SUPPORT min_bp: 5000 max_bp: 6000 } })"),
            std::set<std::string>{"standard.percentage_bands.bands"});  // minimums above 100%
}

TEST(StaffingStandardShape, PyramidTiersReferToTheBaseOrEarlierRoles) {
  EXPECT_EQ(Fields(R"(ratio_pyramid {
                        base_driver: "beds"
                        tiers { role: "nurses" relative_to: "doctors" ratio { micros: 2000000 }
                                rounding: ROUNDING_MODE_DOWN }
                        tiers { role: "beds" relative_to: "beds" ratio { micros: 0 }
                                rounding: ROUNDING_MODE_DOWN } })"),
            (std::set<std::string>{"standard.ratio_pyramid.tiers[0].relative_to",
                                   "standard.ratio_pyramid.tiers[1].role",
                                   "standard.ratio_pyramid.tiers[1].ratio"}));
}

TEST(StaffingStandardDrivers, FormulaDefaultsAreOptional) {
  v1::StaffingStandard s;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"(formula { expression: "a / b" variables { name: "a" }
                   variables { name: "b" default_value { micros: 1 } has_default: true } })", &s));
  EXPECT_EQ(DriversOf(RuleFromProto(s)), (std::map<std::string, bool>{{"a", false}, {"b", true}}));
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"(percentage_bands { bands { kind: POST_KIND_SUPPORT max_bp: 10 } })", &s));
  EXPECT_EQ(DriversOf(RuleFromProto(s)), (std::map<std::string, bool>{{"establishment", false}}));
}

TEST(StaffingStandardStatusTransitions, OnlyForward) {
  using S = StandardStatus;
  EXPECT_TRUE(TransitionAllowed(S::kDraft, S::kActive));
  EXPECT_TRUE(TransitionAllowed(S::kDraft, S::kRetired));
  EXPECT_TRUE(TransitionAllowed(S::kActive, S::kActive));
  EXPECT_TRUE(TransitionAllowed(S::kActive, S::kRetired));
  EXPECT_FALSE(TransitionAllowed(S::kActive, S::kDraft));
  EXPECT_FALSE(TransitionAllowed(S::kRetired, S::kActive));
  EXPECT_FALSE(TransitionAllowed(S::kRetired, S::kDraft));
  absl::Status s = CheckTransition(S::kRetired, S::kActive);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(s), "INVALID_TRANSITION");
  EXPECT_TRUE(EditsInPlace(S::kDraft));
  EXPECT_FALSE(EditsInPlace(S::kActive));
}

}  // namespace
}  // namespace huinong::org
