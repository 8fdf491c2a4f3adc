// See staffing_standard.h.
#include "svc-org/src/domain/staffing_standard.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/domain/overloaded.h"
#include "common/rpc/validate.h"
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
std::string At(const std::string& prefix, absl::string_view list, size_t i) {
  return absl::StrCat(prefix, ".", list, "[", i, "]");
}

void CheckName(const std::string& name, const std::string& field, rpc::Violations& v) {
  if (name.empty()) {
    v.Add(field, "required");
  } else if (!ValidDriverName(name)) {
    v.Add(field, "must be 1-64 of [a-z0-9_] starting with a letter or _");
  }
}

void CheckPositive(const std::optional<int64_t>& micros, const std::string& field, rpc::Violations& v) {
  if (!micros) {
    v.Add(field, "required");
  } else if (*micros <= 0) {
    v.Add(field, "must be greater than 0");
  }
}

void CheckRounding(Rounding rounding, const std::string& field, rpc::Violations& v) {
  const int mode = static_cast<int>(rounding);
  if (mode == 0) {
    v.Add(field, "required: DOWN, UP or HALF_UP");
  } else if (rounding != Rounding::kDown && rounding != Rounding::kUp && rounding != Rounding::kHalfUp) {
    v.Add(field, absl::StrCat("unknown value ", mode));
  }
}

bool ValidPostKind(PostKind kind) {
  return kind == PostKind::kManagement || kind == PostKind::kProfessionalTechnical ||
         kind == PostKind::kSupport;
}

void CheckMinimum(int minimum, const std::string& field, rpc::Violations& v) {
  if (minimum < 0) v.Add(field, "must not be negative");
}

void CheckCount(size_t n, const std::string& field, rpc::Violations& v) {
  if (n == 0) v.Add(field, "at least one is required");
  if (n > kMaxParts) v.Add(field, absl::StrCat("at most ", kMaxParts, " entries"));
}

void CheckPerUnit(const PerUnitRule& r, const std::string& p, rpc::Violations& v) {
  CheckName(r.driver, F(p, "driver"), v);
  CheckPositive(r.per_micros, F(p, "per"), v);
  if (r.posts_per_step < 0) v.Add(F(p, "posts_per_step"), "must not be negative");
  CheckRounding(r.rounding, F(p, "rounding"), v);
  CheckMinimum(r.minimum, F(p, "minimum"), v);
}

void CheckFormula(const FormulaRule& r, const std::string& p, rpc::Violations& v) {
  if (r.variables.size() > kMaxParts) v.Add(F(p, "variables"), absl::StrCat("at most ", kMaxParts, " entries"));
  std::set<std::string> declared;
  for (size_t i = 0; i < r.variables.size(); ++i) {
    const FormulaVariable& var = r.variables[i];
    const std::string at = At(p, "variables", i);
    CheckName(var.name, F(at, "name"), v);
    if (!declared.insert(var.name).second) v.Add(F(at, "name"), "declared twice");
    if (!var.description.empty()) {
      rpc::CheckText(var.description, F(at, "description"), 1, kMaxVariableDescription, v);
    }
    if (var.default_micros && *var.default_micros < 0) {
      v.Add(F(at, "default_value"), "must not be negative");
    }
  }
  const std::string expr = F(p, "expression");
  if (r.expression.empty()) {
    v.Add(expr, "required");
  } else if (r.expression.size() > kMaxExpression) {
    v.Add(expr, absl::StrCat("must be at most ", kMaxExpression, " characters"));
  } else {
    absl::StatusOr<Formula> f = Formula::Parse(r.expression);
    if (!f.ok()) {
      v.Add(expr, std::string(f.status().message()));
    } else {
      for (const auto& name : f->variables()) {
        if (!declared.count(name)) v.Add(expr, absl::StrCat("unknown variable \"", name, "\""));
      }
    }
  }
  CheckRounding(r.rounding, F(p, "rounding"), v);
  CheckMinimum(r.minimum, F(p, "minimum"), v);
}

void CheckFractions(const SummedFractionsRule& r, const std::string& p, rpc::Violations& v) {
  CheckCount(r.terms.size(), F(p, "terms"), v);
  std::set<std::string> seen;
  for (size_t i = 0; i < r.terms.size(); ++i) {
    const FractionTerm& t = r.terms[i];
    const std::string at = At(p, "terms", i);
    CheckName(t.driver, F(at, "driver"), v);
    if (!t.driver.empty() && !seen.insert(t.driver).second) {
      v.Add(F(at, "driver"), "appears in two terms");
    }
    CheckPositive(t.capacity_micros, F(at, "capacity"), v);
  }
  CheckRounding(r.rounding, F(p, "rounding"), v);
  CheckMinimum(r.minimum, F(p, "minimum"), v);
}

void CheckBands(const PercentageBandsRule& r, const std::string& p, rpc::Violations& v) {
  if (!r.total_driver.empty()) CheckName(r.total_driver, F(p, "total_driver"), v);
  CheckCount(r.bands.size(), F(p, "bands"), v);
  std::set<PostKind> kinds;
  int64_t sum_of_minimums = 0;
  for (size_t i = 0; i < r.bands.size(); ++i) {
    const PercentageBand& b = r.bands[i];
    const std::string at = At(p, "bands", i);
    if (b.kind == PostKind::kUnspecified) {
      v.Add(F(at, "kind"), "required");
    } else if (!ValidPostKind(b.kind)) {
      v.Add(F(at, "kind"), absl::StrCat("unknown value ", static_cast<int>(b.kind)));
    } else if (!kinds.insert(b.kind).second) {
      v.Add(F(at, "kind"), "has two bands");
    }
    const bool min_ok = b.min_bp >= 0 && b.min_bp <= 10000;
    const bool max_ok = b.max_bp >= 0 && b.max_bp <= 10000;
    if (!min_ok) v.Add(F(at, "min_bp"), "must be 0-10000");
    if (!max_ok) v.Add(F(at, "max_bp"), "must be 0-10000");
    if (min_ok && max_ok && b.min_bp > b.max_bp) v.Add(F(at, "min_bp"), "must not exceed max_bp");
    if (min_ok) sum_of_minimums += b.min_bp;
  }
  if (sum_of_minimums > 10000) v.Add(F(p, "bands"), "the minimums add up to more than 100%");
}

void CheckPyramid(const RatioPyramidRule& r, const std::string& p, rpc::Violations& v) {
  CheckName(r.base_driver, F(p, "base_driver"), v);
  CheckCount(r.tiers.size(), F(p, "tiers"), v);
  std::set<std::string> known = {r.base_driver};
  for (size_t i = 0; i < r.tiers.size(); ++i) {
    const RatioTier& t = r.tiers[i];
    const std::string at = At(p, "tiers", i);
    CheckName(t.role, F(at, "role"), v);
    if (!t.role.empty() && known.count(t.role)) {
      v.Add(F(at, "role"), "repeats the base driver or an earlier role");
    }
    if (t.relative_to.empty()) {
      v.Add(F(at, "relative_to"), "required");
    } else if (!known.count(t.relative_to)) {
      v.Add(F(at, "relative_to"), "must be the base driver or an earlier tier's role");
    }
    CheckPositive(t.ratio_micros, F(at, "ratio"), v);
    CheckRounding(t.rounding, F(at, "rounding"), v);
    known.insert(t.role);
  }
}

using domain::Overloaded;

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

bool ValidStandardStatus(StandardStatus status) {
  return status == StandardStatus::kDraft || status == StandardStatus::kActive ||
         status == StandardStatus::kRetired;
}

std::string BandsTotalDriver(const PercentageBandsRule& rule) {
  return rule.total_driver.empty() ? "establishment" : rule.total_driver;
}

void CheckStandardFields(const StaffingStandard& s, const std::string& prefix, rpc::Violations& v) {
  rpc::CheckText(s.title, F(prefix, "title"), 1, kMaxTitle, v);
  if (!s.source.empty()) rpc::CheckText(s.source, F(prefix, "source"), 1, kMaxSource, v);
  if (!s.description.empty()) {
    rpc::CheckText(s.description, F(prefix, "description"), 1, kMaxDescription, v);
  }
  CheckRule(s.rule, prefix, v);
}

void CheckRule(const StaffingRule& rule, const std::string& prefix, rpc::Violations& v) {
  std::visit(Overloaded{
                 [&](const std::monostate&) {
                   v.Add(F(prefix, "rule"), "required: one of per_unit, formula, summed_fractions, "
                                            "percentage_bands, ratio_pyramid");
                 },
                 [&](const PerUnitRule& r) { CheckPerUnit(r, F(prefix, "per_unit"), v); },
                 [&](const FormulaRule& r) { CheckFormula(r, F(prefix, "formula"), v); },
                 [&](const SummedFractionsRule& r) { CheckFractions(r, F(prefix, "summed_fractions"), v); },
                 [&](const PercentageBandsRule& r) { CheckBands(r, F(prefix, "percentage_bands"), v); },
                 [&](const RatioPyramidRule& r) { CheckPyramid(r, F(prefix, "ratio_pyramid"), v); },
             },
             rule);
}

std::map<std::string, bool> DriversOf(const StaffingRule& rule) {
  std::map<std::string, bool> out;
  std::visit(Overloaded{
                 [&](const std::monostate&) {},
                 [&](const PerUnitRule& r) { out[r.driver] = false; },
                 [&](const FormulaRule& r) {
                   for (const auto& var : r.variables) out[var.name] = var.default_micros.has_value();
                 },
                 [&](const SummedFractionsRule& r) {
                   for (const auto& t : r.terms) out[t.driver] = false;
                 },
                 [&](const PercentageBandsRule& r) { out[BandsTotalDriver(r)] = false; },
                 [&](const RatioPyramidRule& r) { out[r.base_driver] = false; },
             },
             rule);
  return out;
}

std::string KindLabel(PostKind kind) {
  switch (kind) {
    case PostKind::kManagement: return "management";
    case PostKind::kProfessionalTechnical: return "professional_technical";
    case PostKind::kSupport: return "support";
    case PostKind::kUnspecified: break;
  }
  return absl::StrCat("kind_", static_cast<int>(kind));
}

}  // namespace huinong::org
