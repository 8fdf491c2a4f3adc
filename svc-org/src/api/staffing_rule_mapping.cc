// See staffing_rule_mapping.h.
#include "svc-org/src/api/staffing_rule_mapping.h"

#include "common/domain/overloaded.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/status_details.h"

namespace huinong::org {
namespace {

std::optional<int64_t> Micros(bool present, const v1::Decimal& d) {
  return present ? std::optional<int64_t>(d.micros()) : std::nullopt;
}

template <class Message, class Mutable>
void SetOptional(const std::optional<int64_t>& micros, Message& m, Mutable mutable_field) {
  if (micros) (m.*mutable_field)()->set_micros(*micros);
}

Rounding RoundingOf(int mode) { return static_cast<Rounding>(mode); }
v1::RoundingMode ModeOf(Rounding r) { return static_cast<v1::RoundingMode>(static_cast<int>(r)); }

PerUnitRule FromProto(const v1::PerUnitRule& p) {
  return {p.driver(), Micros(p.has_per(), p.per()), p.posts_per_step(), RoundingOf(p.rounding()), p.minimum()};
}

FormulaRule FromProto(const v1::FormulaRule& p) {
  FormulaRule r{p.expression(), {}, RoundingOf(p.rounding()), p.minimum()};
  for (const auto& var : p.variables()) {
    r.variables.push_back({var.name(), var.description(),
                           var.has_default() ? std::optional<int64_t>(var.default_value().micros())
                                             : std::nullopt});
  }
  return r;
}

SummedFractionsRule FromProto(const v1::SummedFractionsRule& p) {
  SummedFractionsRule r{{}, RoundingOf(p.rounding()), p.minimum()};
  for (const auto& t : p.terms()) r.terms.push_back({t.driver(), Micros(t.has_capacity(), t.capacity())});
  return r;
}

PercentageBandsRule FromProto(const v1::PercentageBandsRule& p) {
  PercentageBandsRule r{p.total_driver(), {}};
  for (const auto& b : p.bands()) r.bands.push_back({static_cast<PostKind>(b.kind()), b.min_bp(), b.max_bp()});
  return r;
}

RatioPyramidRule FromProto(const v1::RatioPyramidRule& p) {
  RatioPyramidRule r{p.base_driver(), {}};
  for (const auto& t : p.tiers()) {
    r.tiers.push_back({t.role(), t.relative_to(), Micros(t.has_ratio(), t.ratio()), RoundingOf(t.rounding())});
  }
  return r;
}

void ToProto(const PerUnitRule& r, v1::PerUnitRule& p) {
  p.set_driver(r.driver);
  SetOptional(r.per_micros, p, &v1::PerUnitRule::mutable_per);
  p.set_posts_per_step(r.posts_per_step);
  p.set_rounding(ModeOf(r.rounding));
  p.set_minimum(r.minimum);
}

void ToProto(const FormulaRule& r, v1::FormulaRule& p) {
  p.set_expression(r.expression);
  for (const auto& var : r.variables) {
    v1::FormulaVariable* v = p.add_variables();
    v->set_name(var.name);
    v->set_description(var.description);
    if (var.default_micros) {
      v->mutable_default_value()->set_micros(*var.default_micros);
      v->set_has_default(true);
    }
  }
  p.set_rounding(ModeOf(r.rounding));
  p.set_minimum(r.minimum);
}

void ToProto(const SummedFractionsRule& r, v1::SummedFractionsRule& p) {
  for (const auto& t : r.terms) {
    v1::FractionTerm* term = p.add_terms();
    term->set_driver(t.driver);
    SetOptional(t.capacity_micros, *term, &v1::FractionTerm::mutable_capacity);
  }
  p.set_rounding(ModeOf(r.rounding));
  p.set_minimum(r.minimum);
}

void ToProto(const PercentageBandsRule& r, v1::PercentageBandsRule& p) {
  p.set_total_driver(r.total_driver);
  for (const auto& b : r.bands) {
    v1::PercentageBand* band = p.add_bands();
    band->set_kind(static_cast<v1::PostKind>(static_cast<int>(b.kind)));
    band->set_min_bp(b.min_bp);
    band->set_max_bp(b.max_bp);
  }
}

void ToProto(const RatioPyramidRule& r, v1::RatioPyramidRule& p) {
  p.set_base_driver(r.base_driver);
  for (const auto& t : r.tiers) {
    v1::RatioTier* tier = p.add_tiers();
    tier->set_role(t.role);
    tier->set_relative_to(t.relative_to);
    SetOptional(t.ratio_micros, *tier, &v1::RatioTier::mutable_ratio);
    tier->set_rounding(ModeOf(t.rounding));
  }
}

}  // namespace

StaffingRule RuleFromProto(const v1::StaffingStandard& in) {
  switch (in.rule_case()) {
    case v1::StaffingStandard::kPerUnit: return FromProto(in.per_unit());
    case v1::StaffingStandard::kFormula: return FromProto(in.formula());
    case v1::StaffingStandard::kSummedFractions: return FromProto(in.summed_fractions());
    case v1::StaffingStandard::kPercentageBands: return FromProto(in.percentage_bands());
    case v1::StaffingStandard::kRatioPyramid: return FromProto(in.ratio_pyramid());
    case v1::StaffingStandard::RULE_NOT_SET: break;
  }
  return std::monostate{};
}

StaffingStandard FromProto(const v1::StaffingStandard& in) {
  StaffingStandard s;
  s.title = in.title();
  s.source = in.source();
  s.description = in.description();
  s.rule = RuleFromProto(in);
  s.status = static_cast<StandardStatus>(in.status());
  rpc::Violations ignored;  // an impossible date is named by the request checks
  s.effective_from = rpc::FromDate(in.effective_from(), "effective_from", ignored);
  return s;
}

void SetRule(const StaffingRule& rule, v1::StaffingStandard& out) {
  out.clear_rule();
  std::visit(domain::Overloaded{
                 [](const std::monostate&) {},
                 [&](const PerUnitRule& r) { ToProto(r, *out.mutable_per_unit()); },
                 [&](const FormulaRule& r) { ToProto(r, *out.mutable_formula()); },
                 [&](const SummedFractionsRule& r) { ToProto(r, *out.mutable_summed_fractions()); },
                 [&](const PercentageBandsRule& r) { ToProto(r, *out.mutable_percentage_bands()); },
                 [&](const RatioPyramidRule& r) { ToProto(r, *out.mutable_ratio_pyramid()); },
             },
             rule);
}

v1::StaffingStandard ToProto(const StaffingStandard& s) {
  v1::StaffingStandard out;
  out.set_title(s.title);
  out.set_source(s.source);
  out.set_description(s.description);
  SetRule(s.rule, out);
  out.set_status(static_cast<v1::StaffingStandardStatus>(static_cast<int>(s.status)));
  if (s.effective_from) *out.mutable_effective_from() = rpc::ToDate(*s.effective_from);
  return out;
}

}  // namespace huinong::org
