// See policy_json.h.
#include "svc-loans/src/store/policy_json.h"

#include <nlohmann/json.hpp>

namespace huinong::loans::store {
namespace {

using Json = nlohmann::json;

// Every setting once, for both directions: the name stored and the member.
template <class Visit>
void EachSetting(CountyPolicy& p, Visit&& visit) {
  visit("planned_industries", p.planned_industries);
  visit("base_rate_bp", p.base_rate_bp);
  visit("small_loan_model", p.small_loan_model);
  visit("household_small_loan_ceiling_fen", p.household_small_loan_ceiling_fen);
  visit("family_farm_ceiling_fen", p.family_farm_ceiling_fen);
  visit("cooperative_ceiling_fen", p.cooperative_ceiling_fen);
  visit("leading_enterprise_ceiling_fen", p.leading_enterprise_ceiling_fen);
  visit("share_cooperative_ceiling_fen", p.share_cooperative_ceiling_fen);
  visit("household_industry_ceiling_fen", p.household_industry_ceiling_fen);
  visit("max_term_months", p.max_term_months);
  visit("industry_rate_max_multiple_bp", p.industry_rate_max_multiple_bp);
  visit("surety_premium_bp", p.surety_premium_bp);
  visit("guarantee_fee_bp", p.guarantee_fee_bp);
  visit("fee_schedule", p.fee_schedule);
  visit("max_age_years", p.max_age_years);
  visit("age_reference", p.age_reference);
  visit("min_driven_share_bp", p.min_driven_share_bp);
  visit("counter_guarantee_above_fen", p.counter_guarantee_above_fen);
  visit("entrusted_payment_above_fen", p.entrusted_payment_above_fen);
  visit("small_loan_review_working_days", p.small_loan_review_working_days);
  visit("industry_loan_review_working_days", p.industry_loan_review_working_days);
  visit("npl_days_past_due", p.npl_days_past_due);
  visit("breaker_ratio_bp", p.breaker_ratio_bp);
  visit("breaker_by_count", p.breaker_by_count);
  visit("compensation_ratio_bp", p.compensation_ratio_bp);
  visit("subsidy_notice_days", p.subsidy_notice_days);
}

struct Writer {
  Json& out;
  template <class T>
  void operator()(const char* name, const T& value) {
    if constexpr (std::is_enum_v<T>) {
      out[name] = static_cast<int>(value);
    } else {
      out[name] = value;
    }
  }
  template <class T>
  void operator()(const char* name, const std::optional<T>& value) {
    if (value) out[name] = *value;
  }
};

// Takes a member only when it is there with the right type.
struct Reader {
  const Json& in;
  template <class T>
  void operator()(const char* name, T& value) {
    auto it = in.find(name);
    if (it == in.end()) return;
    if constexpr (std::is_enum_v<T>) {
      if (it->is_number_integer()) value = static_cast<T>(it->template get<int>());
    } else if constexpr (std::is_same_v<T, bool>) {
      if (it->is_boolean()) value = it->template get<bool>();
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      value.clear();
      if (!it->is_array()) return;
      for (const Json& e : *it) {
        if (e.is_string()) value.push_back(e.template get<std::string>());
      }
    } else {
      if (it->is_number_integer()) value = it->template get<T>();
    }
  }
  template <class T>
  void operator()(const char* name, std::optional<T>& value) {
    auto it = in.find(name);
    value = it != in.end() && it->is_number_integer() ? std::optional<T>(it->template get<T>()) : std::nullopt;
  }
};

}  // namespace

std::string EncodeSettings(const CountyPolicy& policy) {
  Json out = Json::object();
  CountyPolicy copy = policy;
  EachSetting(copy, Writer{out});
  // Never throws: text that is not UTF-8 (the API refuses it) is replaced.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void DecodeSettings(const std::string& json, CountyPolicy& out) {
  const Json in = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!in.is_object()) return;
  EachSetting(out, Reader{in});
}

}  // namespace huinong::loans::store
