// See policy_json.h.
#include "svc-loans/src/store/policy_json.h"

#include <type_traits>

#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"

namespace huinong::loans::store {
namespace {

using json::Json;

// Every setting once, for both directions: the name stored and the member.
template <class Visit>
void EachSetting(CountyPolicy& p, Visit&& visit) {
  visit(PartnerKey(PartnerRole::kBank), p.partners.bank_ids);
  visit(PartnerKey(PartnerRole::kGuaranteeCompany), p.partners.guarantee_company_ids);
  visit(PartnerKey(PartnerRole::kInsurer), p.partners.insurer_ids);
  visit("base_rate_bp", p.base_rate_bp);
  visit("small_loan_model", p.small_loan_model);
  visit("small_loan_rate_multiple_bp", p.small_loan_rate_multiple_bp);
  visit("max_industry_rate_multiple_bp", p.max_industry_rate_multiple_bp);
  visit("surety_premium_bp", p.surety_premium_bp);
  visit("guarantee_fee_bp", p.guarantee_fee_bp);
  visit("fee_schedule", p.fee_schedule);
  visit("ceilings", p.ceilings);
  visit("max_borrower_age", p.max_borrower_age);
  visit("age_reference", p.age_reference);
  visit("min_driven_households_share_bp", p.min_driven_households_share_bp);
  visit("allowed_purposes", p.allowed_purposes);
  visit("max_total_term_months", p.max_total_term_months);
  visit("entrusted_payment_threshold_fen", p.entrusted_payment_threshold_fen);
  visit("small_loan_review_working_days", p.small_loan_review_working_days);
  visit("industry_loan_review_working_days", p.industry_loan_review_working_days);
  visit("npl_days_past_due", p.npl_days_past_due);
  visit("breaker_threshold_bp", p.breaker_threshold_bp);
  visit("npl_measure", p.npl_measure);
  visit("maturity_reminder_months", p.maturity_reminder_months);
  visit("subsidy_trigger", p.subsidy_trigger);
  visit("subsidy_min_on_time_months", p.subsidy_min_on_time_months);
  visit("subsidy_notice_days", p.subsidy_notice_days);
  visit("household_subsidy_threshold_fen", p.household_subsidy_threshold_fen);
  visit("household_above_threshold_rate_bp", p.household_above_threshold_rate_bp);
  visit("organisation_subsidy_bands", p.organisation_subsidy_bands);
  visit("compensation_ratio_bp", p.compensation_ratio_bp);
  visit("note", p.note);
  visit("decision_document", p.decision_document);
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
  void operator()(const char* name, const std::vector<Purpose>& purposes) {
    Json list = Json::array();
    for (Purpose p : purposes) list.push_back(static_cast<int>(p));
    out[name] = list;
  }
  void operator()(const char* name, const std::vector<Ceiling>& ceilings) {
    Json list = Json::array();
    for (const Ceiling& c : ceilings) {
      Json one = {{"type", static_cast<int>(c.type)}, {"fen", c.fen}};
      if (c.product) one["product"] = static_cast<int>(*c.product);
      list.push_back(one);
    }
    out[name] = list;
  }
  void operator()(const char* name, const domain::DocumentRef& d) { out[name] = db::DocumentRefJson(d); }
  void operator()(const char* name, const std::vector<std::string>& ids) { out[name] = ids; }
  void operator()(const char* name, const std::vector<SubsidyBand>& bands) {
    Json list = Json::array();
    for (const SubsidyBand& b : bands) {
      list.push_back({{"min_households_lifted", b.min_households_lifted}, {"rate_bp", b.rate_bp}});
    }
    out[name] = list;
  }
};

// A member missing, or of the wrong type, leaves the domain's default.
struct Reader {
  const Json& in;
  template <class T>
  void operator()(const char* name, T& value) {
    const Json& v = json::Field(in, name);
    if constexpr (std::is_enum_v<T>) {
      if (v.is_number_integer()) value = static_cast<T>(v.template get<int>());
    } else if constexpr (std::is_same_v<T, bool>) {
      if (v.is_boolean()) value = v.template get<bool>();
    } else {
      if (v.is_number_integer()) value = v.template get<T>();
    }
  }
  void operator()(const char* name, std::string& text) {
    if (json::Field(in, name).is_string()) text = json::String(in, name);
  }
  void operator()(const char* name, domain::DocumentRef& d) {
    if (json::Field(in, name).is_object()) d = db::DocumentRefOf(json::Field(in, name));
  }
  void operator()(const char* name, std::vector<std::string>& ids) {
    if (!json::Field(in, name).is_array()) return;
    ids.clear();
    for (const Json& id : json::Array(in, name)) {
      if (id.is_string()) ids.push_back(id.get<std::string>());
    }
  }
  void operator()(const char* name, std::vector<Purpose>& purposes) {
    if (!json::Field(in, name).is_array()) return;
    purposes.clear();
    for (const Json& p : json::Array(in, name)) {
      if (p.is_number_integer()) purposes.push_back(static_cast<Purpose>(p.get<int>()));
    }
  }
  void operator()(const char* name, std::vector<Ceiling>& ceilings) {
    if (!json::Field(in, name).is_array()) return;
    ceilings.clear();
    for (const Json& c : json::Array(in, name)) {
      Ceiling one{static_cast<BorrowerType>(json::Int(c, "type")), std::nullopt, json::Int(c, "fen")};
      if (json::Field(c, "product").is_number_integer()) {
        one.product = static_cast<ProductKind>(json::Int(c, "product"));
      }
      ceilings.push_back(one);
    }
  }
  void operator()(const char* name, std::vector<SubsidyBand>& bands) {
    if (!json::Field(in, name).is_array()) return;
    bands.clear();
    for (const Json& b : json::Array(in, name)) {
      bands.push_back({static_cast<int>(json::Int(b, "min_households_lifted")),
                       static_cast<int>(json::Int(b, "rate_bp"))});
    }
  }
};

}  // namespace

const char* PartnerKey(PartnerRole role) {
  switch (role) {
    case PartnerRole::kBank: return "bank_ids";
    case PartnerRole::kGuaranteeCompany: return "guarantee_company_ids";
    case PartnerRole::kInsurer: return "insurer_ids";
  }
  return "";
}

std::string EncodeSettings(const CountyPolicy& policy) {
  Json out = Json::object();
  CountyPolicy copy = policy;
  EachSetting(copy, Writer{out});
  return json::Print(out);
}

void DecodeSettings(const std::string& text, CountyPolicy& out) {
  const Json in = json::Parse(text);
  if (!in.is_object()) return;
  EachSetting(out, Reader{in});
}

}  // namespace huinong::loans::store
