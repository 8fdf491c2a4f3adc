// See staffing_calculator.h.
#include "svc-org/src/domain/staffing_calculator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/domain/overloaded.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/staffing_formula.h"
#include "svc-org/src/domain/staffing_standard.h"

namespace huinong::org {
namespace {

// A rule number the checks found present (CheckStandardFields).
Exact FromMicros(const std::optional<int64_t>& micros) { return Exact::Micros(micros.value_or(0)); }

std::string Percent(int bp) { return Exact::Micros(int64_t{bp} * 10000).Text() + "%"; }

absl::Status BadInput(const std::string& description) { return rpc::InvalidField("inputs", description); }

void Step(Calculation& c, std::string description, std::string working, const Exact& value) {
  c.steps.push_back({std::move(description), std::move(working), value});
}

// Rounds `exact` and applies `minimum` when `subject` (the driver, the sum,
// the result) is above zero, recording both steps; returns the headcount.
absl::StatusOr<int32_t> Whole(Calculation& c, const Exact& exact, Rounding rounding, int minimum,
                              const std::string& subject, bool above_zero) {
  ASSIGN_OR_RETURN(int32_t headcount, ToHeadcount(exact.Round(rounding), "the headcount"));
  Step(c, absl::StrCat("headcount, ", RoundingName(rounding)),
       absl::StrCat(exact.Text(), " ", RoundingName(rounding), " = ", headcount),
       Exact::Integer(headcount));
  if (minimum <= 0) return headcount;
  const std::string description = absl::StrCat("at least ", minimum, " when ", subject, " > 0");
  if (above_zero) {
    const int32_t before = headcount;
    headcount = std::max(headcount, minimum);
    Step(c, description, absl::StrCat("max(", before, ", ", minimum, ") = ", headcount),
         Exact::Integer(headcount));
  } else {
    Step(c, description, absl::StrCat(subject, " is 0, so the minimum does not apply: ", headcount),
         Exact::Integer(headcount));
  }
  return headcount;
}

void TotalLine(Calculation& c) {
  c.lines.push_back({"total", c.exact, c.headcount, c.headcount, c.headcount});
}

absl::Status PerUnit(const PerUnitRule& r, const Drivers& d, Calculation& c) {
  const Exact x = d.at(r.driver);
  const Exact per = FromMicros(r.per_micros);
  const int64_t posts = r.posts_per_step == 0 ? 1 : r.posts_per_step;
  ASSIGN_OR_RETURN(Exact ratio, Divide(x, per));
  ASSIGN_OR_RETURN(c.exact, Multiply(ratio, Exact::Integer(posts)));
  if (posts == 1) {
    Step(c, absl::StrCat("posts = ", r.driver, " ÷ ", per.Text(), " per post"),
         absl::StrCat(x.Text(), " ÷ ", per.Text(), " ", c.exact.Equals()), c.exact);
  } else {
    Step(c, absl::StrCat("posts = ", r.driver, " ÷ ", per.Text(), " × ", posts, " posts"),
         absl::StrCat(x.Text(), " ÷ ", per.Text(), " × ", posts, " ", c.exact.Equals()), c.exact);
  }
  ASSIGN_OR_RETURN(c.headcount, Whole(c, c.exact, r.rounding, r.minimum, r.driver, !x.is_zero()));
  TotalLine(c);
  return absl::OkStatus();
}

absl::Status ByFormula(const FormulaRule& r, const Drivers& d, Calculation& c) {
  ASSIGN_OR_RETURN(Formula formula, Formula::Parse(r.expression));
  Drivers values;
  for (const auto& var : r.variables) {
    auto it = d.find(var.name);
    const bool given = it != d.end();
    const Exact value = given ? it->second : FromMicros(var.default_micros);
    values[var.name] = value;
    const std::string what =
        var.description.empty() ? var.name : absl::StrCat(var.name, " (", var.description, ")");
    Step(c, what, absl::StrCat(given ? "given: " : "default: ", value.Text()), value);
  }
  const size_t before = c.steps.size();
  absl::StatusOr<Exact> result = formula.Evaluate(values, c.steps);
  if (!result.ok()) {
    if (absl::IsInvalidArgument(result.status())) return BadInput(std::string(result.status().message()));
    return result.status();
  }
  c.exact = *result;
  if (c.steps.size() == before) {
    Step(c, r.expression, absl::StrCat(r.expression, " ", c.exact.Equals()), c.exact);
  }
  if (c.exact.negative()) {
    return BadInput(absl::StrCat("the formula gives a negative headcount (", c.exact.Text(), ")"));
  }
  ASSIGN_OR_RETURN(c.headcount, Whole(c, c.exact, r.rounding, r.minimum, "the result",
                                      !c.exact.is_zero()));
  TotalLine(c);
  return absl::OkStatus();
}

absl::Status Fractions(const SummedFractionsRule& r, const Drivers& d, Calculation& c) {
  std::vector<std::string> parts;
  Exact sum;
  for (const auto& t : r.terms) {
    const Exact x = d.at(t.driver);
    const Exact cap = FromMicros(t.capacity_micros);
    ASSIGN_OR_RETURN(Exact share, Divide(x, cap));
    Step(c, absl::StrCat(t.driver, " ÷ ", cap.Text(), " (one full-time post covers ", cap.Text(), ")"),
         absl::StrCat(x.Text(), " ÷ ", cap.Text(), " ", share.Equals()), share);
    ASSIGN_OR_RETURN(sum, Add(sum, share));
    parts.push_back(share.Text());
  }
  c.exact = sum;
  Step(c, "full-time posts = sum of the fractions",
       absl::StrCat(absl::StrJoin(parts, " + "), " ", sum.Equals()), sum);
  ASSIGN_OR_RETURN(c.headcount, Whole(c, c.exact, r.rounding, r.minimum, "the sum", !sum.is_zero()));
  TotalLine(c);
  return absl::OkStatus();
}

absl::Status Bands(const PercentageBandsRule& r, const Drivers& d, Calculation& c) {
  const std::string total = BandsTotalDriver(r);
  const Exact t = d.at(total);
  if (!t.is_integer()) return BadInput(absl::StrCat(total, " must be a whole number of posts"));
  ASSIGN_OR_RETURN(int32_t establishment, ToHeadcount(t.num(), total));
  c.establishment = establishment;
  c.headcount = establishment;
  Step(c, absl::StrCat(total, " (the total the bands divide)"), absl::StrCat("given: ", establishment), t);
  for (const auto& b : r.bands) {
    const std::string label = KindLabel(b.kind);
    ASSIGN_OR_RETURN(Exact low, Multiply(t, Exact::BasisPoints(b.min_bp)));
    ASSIGN_OR_RETURN(Exact high, Multiply(t, Exact::BasisPoints(b.max_bp)));
    ASSIGN_OR_RETURN(int32_t min, ToHeadcount(low.Round(Rounding::kUp), label));
    ASSIGN_OR_RETURN(int32_t max, ToHeadcount(high.Round(Rounding::kDown), label));
    Step(c, absl::StrCat(label, ": at least ", Percent(b.min_bp), " of ", establishment, ", rounded up"),
         absl::StrCat(establishment, " × ", Percent(b.min_bp), " ", low.Equals(), ", rounded up = ", min),
         Exact::Integer(min));
    Step(c, absl::StrCat(label, ": at most ", Percent(b.max_bp), " of ", establishment, ", rounded down"),
         absl::StrCat(establishment, " × ", Percent(b.max_bp), " ", high.Equals(), ", rounded down = ", max),
         Exact::Integer(max));
    if (min > max) {
      Step(c, absl::StrCat(label, ": no whole headcount lies in the band"),
           absl::StrCat(min, " > ", max), Exact::Integer(0));
    }
    c.lines.push_back({label, low, min, min, max});
  }
  return absl::OkStatus();
}

absl::Status Pyramid(const RatioPyramidRule& r, const Drivers& d, Calculation& c) {
  Drivers known = {{r.base_driver, d.at(r.base_driver)}};
  Exact exact_sum;
  int64_t total = 0;
  std::vector<std::string> roles, counts;
  for (const auto& tier : r.tiers) {
    const Exact base = known.at(tier.relative_to);
    const Exact ratio = FromMicros(tier.ratio_micros);
    ASSIGN_OR_RETURN(Exact exact, Multiply(base, ratio));
    Step(c, absl::StrCat(tier.role, " = ", tier.relative_to, " × ", ratio.Text(), " (",
                         tier.relative_to, ":", tier.role, " = 1:", ratio.Text(), ")"),
         absl::StrCat(base.Text(), " × ", ratio.Text(), " ", exact.Equals()), exact);
    const Rounding rounding = tier.rounding;
    ASSIGN_OR_RETURN(int32_t headcount, ToHeadcount(exact.Round(rounding), tier.role));
    Step(c, absl::StrCat(tier.role, ", whole people ", RoundingName(rounding)),
         absl::StrCat(exact.Text(), " ", RoundingName(rounding), " = ", headcount),
         Exact::Integer(headcount));
    known[tier.role] = Exact::Integer(headcount);
    ASSIGN_OR_RETURN(exact_sum, Add(exact_sum, exact));
    total += headcount;
    roles.push_back(tier.role);
    counts.push_back(absl::StrCat(headcount));
    c.lines.push_back({tier.role, exact, headcount, headcount, headcount});
  }
  c.exact = exact_sum;
  ASSIGN_OR_RETURN(c.headcount, ToHeadcount(total, "the total"));
  Step(c, absl::StrCat("total = ", absl::StrJoin(roles, " + ")),
       absl::StrCat(absl::StrJoin(counts, " + "), " = ", c.headcount), Exact::Integer(c.headcount));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Calculation> Calculate(const StaffingRule& rule, const Drivers& drivers) {
  rpc::Violations missing;
  for (const auto& [name, optional] : DriversOf(rule)) {
    if (!optional && !drivers.count(name)) {
      missing.Add("inputs", absl::StrCat("missing driver \"", name, "\""));
    }
  }
  RETURN_IF_ERROR(missing.ToStatus());
  Calculation c;
  RETURN_IF_ERROR(std::visit(
      domain::Overloaded{
          [](const std::monostate&) {
            return rpc::FailedPrecondition("NO_RULE", "the staffing standard has no rule");
          },
          [&](const PerUnitRule& r) { return PerUnit(r, drivers, c); },
          [&](const FormulaRule& r) { return ByFormula(r, drivers, c); },
          [&](const SummedFractionsRule& r) { return Fractions(r, drivers, c); },
          [&](const PercentageBandsRule& r) { return Bands(r, drivers, c); },
          [&](const RatioPyramidRule& r) { return Pyramid(r, drivers, c); },
      },
      rule));
  return c;
}

}  // namespace huinong::org
