// See staffing_standard.h.
#include "svc-org/src/domain/staffing_standard.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/rpc/validate.h"
#include "huinong/org/v1/posts.pb.h"
#include "svc-org/src/domain/staffing_formula.h"

namespace huinong::org {
namespace {

constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxSource = 500;
constexpr size_t kMaxDescription = 2000;
constexpr size_t kMaxExpression = 1000;
constexpr size_t kMaxVariableDescription = 200;
constexpr int kMaxParts = 50;  // terms, bands, tiers, variables

std::string F(const std::string& prefix, absl::string_view name) { return absl::StrCat(prefix, ".", name); }
std::string At(const std::string& prefix, absl::string_view list, int i) {
  return absl::StrCat(prefix, ".", list, "[", i, "]");
}

void CheckName(const std::string& name, const std::string& field, rpc::Violations& v) {
  if (name.empty()) {
    v.Add(field, "required");
  } else if (!ValidDriverName(name)) {
    v.Add(field, "must be 1-64 of [a-z0-9_] starting with a letter or _");
  }
}

void CheckPositive(const v1::Decimal& d, bool present, const std::string& field, rpc::Violations& v) {
  if (!present) {
    v.Add(field, "required");
  } else if (d.micros() <= 0) {
    v.Add(field, "must be greater than 0");
  }
}

void CheckRounding(int mode, const std::string& field, rpc::Violations& v) {
  if (mode == 0) {
    v.Add(field, "required: DOWN, UP or HALF_UP");
  } else if (!v1::RoundingMode_IsValid(mode)) {
    v.Add(field, absl::StrCat("unknown value ", mode));
  }
}

void CheckMinimum(int minimum, const std::string& field, rpc::Violations& v) {
  if (minimum < 0) v.Add(field, "must not be negative");
}

void CheckCount(int n, const std::string& field, rpc::Violations& v) {
  if (n == 0) v.Add(field, "at least one is required");
  if (n > kMaxParts) v.Add(field, absl::StrCat("at most ", kMaxParts, " entries"));
}

void CheckPerUnit(const v1::PerUnitRule& r, const std::string& p, rpc::Violations& v) {
  CheckName(r.driver(), F(p, "driver"), v);
  CheckPositive(r.per(), r.has_per(), F(p, "per"), v);
  if (r.posts_per_step() < 0) v.Add(F(p, "posts_per_step"), "must not be negative");
  CheckRounding(r.rounding(), F(p, "rounding"), v);
  CheckMinimum(r.minimum(), F(p, "minimum"), v);
}

void CheckFormula(const v1::FormulaRule& r, const std::string& p, rpc::Violations& v) {
  if (r.variables_size() > kMaxParts) v.Add(F(p, "variables"), absl::StrCat("at most ", kMaxParts, " entries"));
  std::set<std::string> declared;
  for (int i = 0; i < r.variables_size(); ++i) {
    const auto& var = r.variables(i);
    const std::string at = At(p, "variables", i);
    CheckName(var.name(), F(at, "name"), v);
    if (!declared.insert(var.name()).second) v.Add(F(at, "name"), "declared twice");
    if (!var.description().empty()) {
      rpc::CheckText(var.description(), F(at, "description"), 1, kMaxVariableDescription, v);
    }
    if (var.has_default() && var.default_value().micros() < 0) {
      v.Add(F(at, "default_value"), "must not be negative");
    }
  }
  const std::string expr = F(p, "expression");
  if (r.expression().empty()) {
    v.Add(expr, "required");
  } else if (r.expression().size() > kMaxExpression) {
    v.Add(expr, absl::StrCat("must be at most ", kMaxExpression, " characters"));
  } else {
    absl::StatusOr<Formula> f = Formula::Parse(r.expression());
    if (!f.ok()) {
      v.Add(expr, std::string(f.status().message()));
    } else {
      for (const auto& name : f->variables()) {
        if (!declared.count(name)) v.Add(expr, absl::StrCat("unknown variable \"", name, "\""));
      }
    }
  }
  CheckRounding(r.rounding(), F(p, "rounding"), v);
  CheckMinimum(r.minimum(), F(p, "minimum"), v);
}

void CheckFractions(const v1::SummedFractionsRule& r, const std::string& p, rpc::Violations& v) {
  CheckCount(r.terms_size(), F(p, "terms"), v);
  std::set<std::string> seen;
  for (int i = 0; i < r.terms_size(); ++i) {
    const std::string at = At(p, "terms", i);
    CheckName(r.terms(i).driver(), F(at, "driver"), v);
    if (!r.terms(i).driver().empty() && !seen.insert(r.terms(i).driver()).second) {
      v.Add(F(at, "driver"), "appears in two terms");
    }
    CheckPositive(r.terms(i).capacity(), r.terms(i).has_capacity(), F(at, "capacity"), v);
  }
  CheckRounding(r.rounding(), F(p, "rounding"), v);
  CheckMinimum(r.minimum(), F(p, "minimum"), v);
}

void CheckBands(const v1::PercentageBandsRule& r, const std::string& p, rpc::Violations& v) {
  if (!r.total_driver().empty()) CheckName(r.total_driver(), F(p, "total_driver"), v);
  CheckCount(r.bands_size(), F(p, "bands"), v);
  std::set<int> kinds;
  int64_t sum_of_minimums = 0;
  for (int i = 0; i < r.bands_size(); ++i) {
    const auto& b = r.bands(i);
    const std::string at = At(p, "bands", i);
    if (b.kind() == 0) {
      v.Add(F(at, "kind"), "required");
    } else if (!v1::PostKind_IsValid(b.kind())) {
      v.Add(F(at, "kind"), absl::StrCat("unknown value ", b.kind()));
    } else if (!kinds.insert(b.kind()).second) {
      v.Add(F(at, "kind"), "has two bands");
    }
    const bool min_ok = b.min_bp() >= 0 && b.min_bp() <= 10000;
    const bool max_ok = b.max_bp() >= 0 && b.max_bp() <= 10000;
    if (!min_ok) v.Add(F(at, "min_bp"), "must be 0-10000");
    if (!max_ok) v.Add(F(at, "max_bp"), "must be 0-10000");
    if (min_ok && max_ok && b.min_bp() > b.max_bp()) v.Add(F(at, "min_bp"), "must not exceed max_bp");
    if (min_ok) sum_of_minimums += b.min_bp();
  }
  if (sum_of_minimums > 10000) v.Add(F(p, "bands"), "the minimums add up to more than 100%");
}

void CheckPyramid(const v1::RatioPyramidRule& r, const std::string& p, rpc::Violations& v) {
  CheckName(r.base_driver(), F(p, "base_driver"), v);
  CheckCount(r.tiers_size(), F(p, "tiers"), v);
  std::set<std::string> known = {r.base_driver()};
  for (int i = 0; i < r.tiers_size(); ++i) {
    const auto& t = r.tiers(i);
    const std::string at = At(p, "tiers", i);
    CheckName(t.role(), F(at, "role"), v);
    if (!t.role().empty() && known.count(t.role())) {
      v.Add(F(at, "role"), "repeats the base driver or an earlier role");
    }
    if (t.relative_to().empty()) {
      v.Add(F(at, "relative_to"), "required");
    } else if (!known.count(t.relative_to())) {
      v.Add(F(at, "relative_to"), "must be the base driver or an earlier tier's role");
    }
    CheckPositive(t.ratio(), t.has_ratio(), F(at, "ratio"), v);
    CheckRounding(t.rounding(), F(at, "rounding"), v);
    known.insert(t.role());
  }
}

}  // namespace

absl::string_view StandardStatusName(StandardStatus status) {
  switch (status) {
    case StandardStatus::kDraft: return "DRAFT";
    case StandardStatus::kActive: return "ACTIVE";
    case StandardStatus::kRetired: return "RETIRED";
  }
  return "UNKNOWN";
}

absl::string_view StandardEventName(StandardEvent event) {
  switch (event) {
    case StandardEvent::kActivate: return "ACTIVATE";
    case StandardEvent::kRetire: return "RETIRE";
    case StandardEvent::kRedraft: return "REDRAFT";
  }
  return "UNKNOWN";
}

StandardEvent StandardEventTo(StandardStatus target) {
  switch (target) {
    case StandardStatus::kActive: return StandardEvent::kActivate;
    case StandardStatus::kRetired: return StandardEvent::kRetire;
    case StandardStatus::kDraft: break;
  }
  return StandardEvent::kRedraft;
}

const domain::StateTable<StandardStatus, StandardEvent>& StandardLifecycle() {
  using S = StandardStatus;
  using E = StandardEvent;
  static const domain::StateTable<S, E> table(
      "a staffing standard", {S::kDraft, S::kActive, S::kRetired},
      {E::kActivate, E::kRetire, E::kRedraft}, StandardStatusName, StandardEventName,
      {
          {S::kDraft, E::kActivate, S::kActive},
          {S::kDraft, E::kRetire, S::kRetired},
          {S::kActive, E::kRetire, S::kRetired},
      });
  return table;
}

bool TransitionAllowed(StandardStatus from, StandardStatus to) { return CheckTransition(from, to).ok(); }

absl::Status CheckTransition(StandardStatus from, StandardStatus to) {
  return StandardLifecycle().CheckMove(from, to, StandardEventTo(to));
}

void CheckStandardFields(const v1::StaffingStandard& s, const std::string& prefix,
                         rpc::Violations& v) {
  rpc::CheckText(s.title(), F(prefix, "title"), 1, kMaxTitle, v);
  if (!s.source().empty()) rpc::CheckText(s.source(), F(prefix, "source"), 1, kMaxSource, v);
  if (!s.description().empty()) {
    rpc::CheckText(s.description(), F(prefix, "description"), 1, kMaxDescription, v);
  }
  CheckRule(s, prefix, v);
}

void CheckRule(const v1::StaffingStandard& s, const std::string& prefix, rpc::Violations& v) {
  switch (s.rule_case()) {
    case v1::StaffingStandard::kPerUnit: CheckPerUnit(s.per_unit(), F(prefix, "per_unit"), v); break;
    case v1::StaffingStandard::kFormula: CheckFormula(s.formula(), F(prefix, "formula"), v); break;
    case v1::StaffingStandard::kSummedFractions:
      CheckFractions(s.summed_fractions(), F(prefix, "summed_fractions"), v);
      break;
    case v1::StaffingStandard::kPercentageBands:
      CheckBands(s.percentage_bands(), F(prefix, "percentage_bands"), v);
      break;
    case v1::StaffingStandard::kRatioPyramid:
      CheckPyramid(s.ratio_pyramid(), F(prefix, "ratio_pyramid"), v);
      break;
    case v1::StaffingStandard::RULE_NOT_SET:
      v.Add(F(prefix, "rule"),
            "required: one of per_unit, formula, summed_fractions, percentage_bands, ratio_pyramid");
      break;
  }
}

std::map<std::string, bool> DriversOf(const v1::StaffingStandard& s) {
  std::map<std::string, bool> out;
  switch (s.rule_case()) {
    case v1::StaffingStandard::kPerUnit: out[s.per_unit().driver()] = false; break;
    case v1::StaffingStandard::kFormula:
      for (const auto& var : s.formula().variables()) out[var.name()] = var.has_default();
      break;
    case v1::StaffingStandard::kSummedFractions:
      for (const auto& t : s.summed_fractions().terms()) out[t.driver()] = false;
      break;
    case v1::StaffingStandard::kPercentageBands: {
      const std::string& total = s.percentage_bands().total_driver();
      out[total.empty() ? "establishment" : total] = false;
      break;
    }
    case v1::StaffingStandard::kRatioPyramid: out[s.ratio_pyramid().base_driver()] = false; break;
    case v1::StaffingStandard::RULE_NOT_SET: break;
  }
  return out;
}

std::string KindLabel(int post_kind) {
  switch (post_kind) {
    case v1::POST_KIND_MANAGEMENT: return "management";
    case v1::POST_KIND_PROFESSIONAL_TECHNICAL: return "professional_technical";
    case v1::POST_KIND_SUPPORT: return "support";
    default: return absl::StrCat("kind_", post_kind);
  }
}

}  // namespace huinong::org
