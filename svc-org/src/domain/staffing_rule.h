// A staffing standard as plain values: its texts, status, first day and its
// one rule (standards.proto describes each rule kind). These are what the
// rules (staffing_standard.h), the calculator and the store work on; the
// proto mapping is api/staffing_mapping.h.
//
// Fixed-point numbers are millionths (2.5 is 2,500,000), as the API's
// Decimal. A number the API may leave out (a rule's `per`, a term's
// capacity, a tier's ratio) is optional here too, so "required" and "must be
// greater than 0" stay two different complaints. Enumerations may hold a
// value outside their enumerators until CheckStandardFields has refused it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staffing_number.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.StaffingStandardStatus.
enum class StandardStatus { kDraft = 1, kActive = 2, kRetired = 3 };

// One post per `per` units of a driver (1 seat per 20,000 households).
struct PerUnitRule {
  std::string driver;
  std::optional<int64_t> per_micros;
  int32_t posts_per_step = 0;  // 0 means 1
  Rounding rounding{};         // 0 until set
  int32_t minimum = 0;         // when the driver is above zero
};

struct FormulaVariable {
  std::string name;
  std::string description;
  std::optional<int64_t> default_micros;  // used when the calculation does not give it
};

struct FormulaRule {
  std::string expression;
  std::vector<FormulaVariable> variables;
  Rounding rounding{};
  int32_t minimum = 0;
};

// driver ÷ capacity of one full-time post.
struct FractionTerm {
  std::string driver;
  std::optional<int64_t> capacity_micros;
};

struct SummedFractionsRule {
  std::vector<FractionTerm> terms;
  Rounding rounding{};
  int32_t minimum = 0;
};

// A share of the establishment for one kind of post, in basis points.
struct PercentageBand {
  PostKind kind = PostKind::kUnspecified;
  int32_t min_bp = 0;
  int32_t max_bp = 0;
};

struct PercentageBandsRule {
  std::string total_driver;  // empty: "establishment"
  std::vector<PercentageBand> bands;
};

// role = relative_to × ratio.
struct RatioTier {
  std::string role;
  std::string relative_to;
  std::optional<int64_t> ratio_micros;
  Rounding rounding{};
};

struct RatioPyramidRule {
  std::string base_driver;
  std::vector<RatioTier> tiers;
};

// Exactly one rule; std::monostate while none is given.
using StaffingRule = std::variant<std::monostate, PerUnitRule, FormulaRule, SummedFractionsRule,
                                  PercentageBandsRule, RatioPyramidRule>;

// One version of a standard: what a client sets. Identity, version numbers
// and times are the store's (store::StandardRecord).
struct StaffingStandard {
  std::string title;
  std::string source;
  std::string description;
  StaffingRule rule;
  StandardStatus status = StandardStatus::kDraft;
  std::optional<absl::CivilDay> effective_from;
};

// The driver holding a percentage-bands rule's total: its total_driver, or
// "establishment" when that is empty.
std::string BandsTotalDriver(const PercentageBandsRule& rule);

}  // namespace huinong::org
