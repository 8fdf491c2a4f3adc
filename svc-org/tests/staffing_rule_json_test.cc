// The stored form of a staffing rule: every rule kind reads back as it was
// written (so a recalculation from the store gives the same headcount), the
// text is the documented domain JSON rather than proto JSON, and a stored
// rule that does not read is an error, never an empty rule.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_calculator.h"
#include "svc-org/src/store/staffing_rule_json.h"
#include "svc-org/tests/staffing_rule_samples.h"

namespace huinong::org::store {
namespace {

StaffingRule Rule(const std::string& text) {
  v1::StaffingStandard s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &s)) << text;
  return RuleFromProto(s);
}

// The proto text of a rule after a trip through the store's form.
std::string RoundTrip(const std::string& text) {
  absl::StatusOr<StaffingRule> back = DecodeRule(EncodeRule(Rule(text)));
  EXPECT_TRUE(back.ok()) << back.status();
  v1::StaffingStandard out;
  SetRule(back.ok() ? *back : StaffingRule{}, out);
  return out.ShortDebugString();
}

std::string Canonical(const std::string& text) {
  v1::StaffingStandard s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &s));
  return s.ShortDebugString();
}

TEST(StaffingRuleJson, PerUnitIsWrittenAsTheDomainRule) {
  // 1 seat per 20,000 households, rounded down (004:117).
  const StaffingRule seats = Rule(
      R"(per_unit { driver: "households" per { micros: 20000000000 } rounding: ROUNDING_MODE_DOWN })");
  EXPECT_EQ(EncodeRule(seats),
            R"({"per_unit":{"driver":"households","minimum":0,"per_micros":20000000000,)"
            R"("posts_per_step":0,"rounding":"down"}})");
  EXPECT_EQ(RuleKindColumn(seats), 6);
  absl::StatusOr<StaffingRule> back = DecodeRule(EncodeRule(seats));
  ASSERT_TRUE(back.ok()) << back.status();
  absl::StatusOr<Calculation> c = Calculate(*back, {{"households", Exact::Integer(130000)}});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->headcount, 6);
}

TEST(StaffingRuleJson, EveryKindReadsBackAsWritten) {
  for (const char* text : kEveryRuleKind) {
    EXPECT_EQ(RoundTrip(text), Canonical(text)) << text;
  }
  EXPECT_EQ(RuleKindColumn(Rule(R"(ratio_pyramid { base_driver: "beds" })")), 10);
  EXPECT_EQ(EncodeRule(StaffingRule{}), "{}");
  EXPECT_EQ(RuleKindColumn(StaffingRule{}), 0);
}

TEST(StaffingRuleJson, ARuleThatDoesNotReadIsAnError) {
  for (const char* bad : {
           "", "not json", "[]", R"({"per_unit":{},"formula":{}})", R"({"perUnit":{"driver":"x"}})",
           R"({"per_unit":{"driver":"x","per_micros":1,"posts_per_step":0,"rounding":"ROUNDING_MODE_DOWN",)"
           R"("minimum":0}})",
           R"({"percentage_bands":{"total_driver":"","bands":[{"kind":"POST_KIND_SUPPORT","min_bp":0,)"
           R"("max_bp":1}]}})",
           R"({"per_unit":{"driver":7,"per_micros":1,"posts_per_step":0,"rounding":"down","minimum":0}})",
       }) {
    absl::StatusOr<StaffingRule> r = DecodeRule(bad);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInternal) << bad;
  }
}

}  // namespace
}  // namespace huinong::org::store
