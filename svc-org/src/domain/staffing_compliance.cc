// See staffing_compliance.h.
#include "svc-org/src/domain/staffing_compliance.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace huinong::org {

absl::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUnder: return "under";
    case Verdict::kWithin: return "within";
    case Verdict::kOver: return "over";
  }
  return "unknown";
}

std::string ActualInputName(absl::string_view label) { return absl::StrCat(kActualPrefix, label); }

std::vector<std::string> MissingActuals(const Calculation& calc,
                                        const std::map<std::string, int64_t>& actuals) {
  std::vector<std::string> out;
  for (const auto& line : calc.lines) {
    if (!actuals.count(line.label)) out.push_back(line.label);
  }
  return out;
}

ComplianceResult CompareActuals(const Calculation& calc, const std::map<std::string, int64_t>& actuals) {
  ComplianceResult result;
  for (const auto& line : calc.lines) {
    ComplianceLineResult r;
    r.label = line.label;
    r.min = line.min;
    r.max = line.max;
    auto it = actuals.find(line.label);
    r.actual = it == actuals.end() ? 0 : it->second;
    // An empty band (min > max) is never met: every actual misses a bound.
    if (r.actual < r.min) {
      r.verdict = Verdict::kUnder;
    } else if (r.actual > r.max) {
      r.verdict = Verdict::kOver;
    } else {
      r.verdict = Verdict::kWithin;
    }
    if (calc.establishment) {
      const int64_t total = *calc.establishment;
      if (total <= 0) {
        r.actual_bp = 0;
      } else {
        // Half up on whole numbers: ⌊(2·actual·10000 + total) ÷ (2·total)⌋.
        const __int128 bp = (__int128{r.actual} * 20000 + total) / (__int128{total} * 2);
        r.actual_bp = static_cast<int32_t>(std::min<__int128>(bp, INT32_MAX));
      }
    }
    result.compliant = result.compliant && r.compliant();
    result.lines.push_back(std::move(r));
  }
  return result;
}

}  // namespace huinong::org
