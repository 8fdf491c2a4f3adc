// See staffing_rule_json.h.
#include "svc-org/src/store/staffing_rule_json.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "common/domain/overloaded.h"

namespace huinong::org::store {
namespace {

using Json = nlohmann::json;

// Thrown inside DecodeRule only, for a member that is not one of its names.
struct UnknownName : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const char* RoundingText(Rounding r) {
  switch (r) {
    case Rounding::kDown: return "down";
    case Rounding::kUp: return "up";
    case Rounding::kHalfUp: return "half_up";
  }
  return "";
}
Rounding RoundingFrom(const Json& v) {
  const std::string text = v.get<std::string>();
  for (Rounding r : {Rounding::kDown, Rounding::kUp, Rounding::kHalfUp}) {
    if (text == RoundingText(r)) return r;
  }
  throw UnknownName(absl::StrCat("rounding \"", text, "\""));
}

const char* KindText(PostKind k) {
  switch (k) {
    case PostKind::kManagement: return "management";
    case PostKind::kProfessionalTechnical: return "professional_technical";
    case PostKind::kSupport: return "support";
    case PostKind::kUnspecified: break;
  }
  return "";
}
PostKind KindFrom(const Json& v) {
  const std::string text = v.get<std::string>();
  for (PostKind k : {PostKind::kManagement, PostKind::kProfessionalTechnical, PostKind::kSupport}) {
    if (text == KindText(k)) return k;
  }
  throw UnknownName(absl::StrCat("post kind \"", text, "\""));
}

void PutMicros(Json& obj, const char* key, const std::optional<int64_t>& micros) {
  if (micros) obj[key] = *micros;
}
std::optional<int64_t> MicrosFrom(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return it->get<int64_t>();
}

Json ToJson(const PerUnitRule& r) {
  Json j = {{"driver", r.driver}, {"posts_per_step", r.posts_per_step},
            {"rounding", RoundingText(r.rounding)}, {"minimum", r.minimum}};
  PutMicros(j, "per_micros", r.per_micros);
  return j;
}
Json ToJson(const FormulaRule& r) {
  Json vars = Json::array();
  for (const auto& var : r.variables) {
    Json v = {{"name", var.name}, {"description", var.description}};
    PutMicros(v, "default_micros", var.default_micros);
    vars.push_back(std::move(v));
  }
  return {{"expression", r.expression}, {"variables", std::move(vars)},
          {"rounding", RoundingText(r.rounding)}, {"minimum", r.minimum}};
}
Json ToJson(const SummedFractionsRule& r) {
  Json terms = Json::array();
  for (const auto& t : r.terms) {
    Json term = {{"driver", t.driver}};
    PutMicros(term, "capacity_micros", t.capacity_micros);
    terms.push_back(std::move(term));
  }
  return {{"terms", std::move(terms)}, {"rounding", RoundingText(r.rounding)}, {"minimum", r.minimum}};
}
Json ToJson(const PercentageBandsRule& r) {
  Json bands = Json::array();
  for (const auto& b : r.bands) {
    bands.push_back({{"kind", KindText(b.kind)}, {"min_bp", b.min_bp}, {"max_bp", b.max_bp}});
  }
  return {{"total_driver", r.total_driver}, {"bands", std::move(bands)}};
}
Json ToJson(const RatioPyramidRule& r) {
  Json tiers = Json::array();
  for (const auto& t : r.tiers) {
    Json tier = {{"role", t.role}, {"relative_to", t.relative_to}, {"rounding", RoundingText(t.rounding)}};
    PutMicros(tier, "ratio_micros", t.ratio_micros);
    tiers.push_back(std::move(tier));
  }
  return {{"base_driver", r.base_driver}, {"tiers", std::move(tiers)}};
}

PerUnitRule PerUnitFrom(const Json& j) {
  return {j.at("driver").get<std::string>(), MicrosFrom(j, "per_micros"), j.at("posts_per_step").get<int32_t>(),
          RoundingFrom(j.at("rounding")), j.at("minimum").get<int32_t>()};
}
FormulaRule FormulaFrom(const Json& j) {
  FormulaRule r{j.at("expression").get<std::string>(), {}, RoundingFrom(j.at("rounding")),
                j.at("minimum").get<int32_t>()};
  for (const Json& v : j.at("variables")) {
    r.variables.push_back(
        {v.at("name").get<std::string>(), v.at("description").get<std::string>(), MicrosFrom(v, "default_micros")});
  }
  return r;
}
SummedFractionsRule FractionsFrom(const Json& j) {
  SummedFractionsRule r{{}, RoundingFrom(j.at("rounding")), j.at("minimum").get<int32_t>()};
  for (const Json& t : j.at("terms")) {
    r.terms.push_back({t.at("driver").get<std::string>(), MicrosFrom(t, "capacity_micros")});
  }
  return r;
}
PercentageBandsRule BandsFrom(const Json& j) {
  PercentageBandsRule r{j.at("total_driver").get<std::string>(), {}};
  for (const Json& b : j.at("bands")) {
    r.bands.push_back({KindFrom(b.at("kind")), b.at("min_bp").get<int32_t>(), b.at("max_bp").get<int32_t>()});
  }
  return r;
}
RatioPyramidRule PyramidFrom(const Json& j) {
  RatioPyramidRule r{j.at("base_driver").get<std::string>(), {}};
  for (const Json& t : j.at("tiers")) {
    r.tiers.push_back({t.at("role").get<std::string>(), t.at("relative_to").get<std::string>(),
                       MicrosFrom(t, "ratio_micros"), RoundingFrom(t.at("rounding"))});
  }
  return r;
}

}  // namespace

std::string EncodeRule(const StaffingRule& rule) {
  const Json j = std::visit(
      domain::Overloaded{
          [](const std::monostate&) { return Json::object(); },
          [](const PerUnitRule& r) { return Json{{"per_unit", ToJson(r)}}; },
          [](const FormulaRule& r) { return Json{{"formula", ToJson(r)}}; },
          [](const SummedFractionsRule& r) { return Json{{"summed_fractions", ToJson(r)}}; },
          [](const PercentageBandsRule& r) { return Json{{"percentage_bands", ToJson(r)}}; },
          [](const RatioPyramidRule& r) { return Json{{"ratio_pyramid", ToJson(r)}}; },
      },
      rule);
  // Never throws: text that is not UTF-8 (the API refuses it) is replaced.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

absl::StatusOr<StaffingRule> DecodeRule(const std::string& json) {
  try {
    const Json j = Json::parse(json);
    if (!j.is_object() || j.size() > 1) return absl::InternalError("a stored staffing rule has no single kind");
    if (j.empty()) return StaffingRule{};
    const std::string kind = j.begin().key();
    const Json& body = j.begin().value();
    if (kind == "per_unit") return StaffingRule{PerUnitFrom(body)};
    if (kind == "formula") return StaffingRule{FormulaFrom(body)};
    if (kind == "summed_fractions") return StaffingRule{FractionsFrom(body)};
    if (kind == "percentage_bands") return StaffingRule{BandsFrom(body)};
    if (kind == "ratio_pyramid") return StaffingRule{PyramidFrom(body)};
    return absl::InternalError(absl::StrCat("a stored staffing rule has the unknown kind \"", kind, "\""));
  } catch (const std::exception& e) {  // nlohmann's parse/type errors and UnknownName
    return absl::InternalError(absl::StrCat("a stored staffing rule does not read: ", e.what()));
  }
}

int RuleKindColumn(const StaffingRule& rule) {
  // The variant's alternatives are in the oneof's order, fields 6 to 10.
  return rule.index() == 0 ? 0 : static_cast<int>(rule.index()) + 5;
}

}  // namespace huinong::org::store
