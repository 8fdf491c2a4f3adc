// Actual staffing against a calculation: each line's actual headcount is
// under, within or over the line's allowed range (a band's [⌈min⌉, ⌊max⌋],
// otherwise exactly the computed headcount). For whole people the rounded
// range is equivalent to comparing the exact share: 2 of 100 is under an
// 8–10% band, 86 over 80–85%, 7 within 5–10% (`004:111`). Pure.
//
// Until svc-org counts staff per line, actuals arrive as inputs named
// "actual_<label>" (actual_total, actual_management, actual_doctors, ...).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "svc-org/src/domain/staffing_calculator.h"

namespace huinong::org {

enum class Verdict { kUnder, kWithin, kOver };

absl::string_view VerdictName(Verdict verdict);  // "under", "within", "over"

inline constexpr absl::string_view kActualPrefix = "actual_";
std::string ActualInputName(absl::string_view label);

struct ComplianceLineResult {
  std::string label;
  int32_t min = 0;
  int32_t max = 0;
  int64_t actual = 0;
  Verdict verdict = Verdict::kWithin;
  // Percentage bands only: actual ÷ establishment in basis points, half up.
  std::optional<int32_t> actual_bp;

  bool compliant() const { return verdict == Verdict::kWithin; }
};

struct ComplianceResult {
  std::vector<ComplianceLineResult> lines;
  bool compliant = true;  // every line within
};

// The labels of `calc` with no entry in `actuals`, in line order.
std::vector<std::string> MissingActuals(const Calculation& calc,
                                        const std::map<std::string, int64_t>& actuals);

// Every line of `calc` against its actual (a missing actual counts as 0).
ComplianceResult CompareActuals(const Calculation& calc, const std::map<std::string, int64_t>& actuals);

}  // namespace huinong::org
