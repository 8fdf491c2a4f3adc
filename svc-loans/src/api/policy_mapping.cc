// See policy_mapping.h.
#include "svc-loans/src/api/policy_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"
#include "svc-loans/src/api/masked_fields.h"

namespace huinong::loans {
namespace {

constexpr int kDefaultNplDays = 90;

std::string At(const std::string& field, const char* member) { return absl::StrCat(field, ".", member); }

// Every setting of the proto (not the county, the day or the output-only
// fields); bad shapes named in v.
CountyPolicy SettingsFromProto(const v1::CountyPolicy& p, const std::string& f, rpc::Violations& v) {
  CountyPolicy out;
  const auto units = [&](const google::protobuf::RepeatedPtrField<std::string>& names, PartnerRole role) {
    std::vector<std::string>& ids = PartnersIn(out.partners, role);
    for (int i = 0; i < names.size(); ++i) {
      ids.push_back(rpc::ParseName(names[i], "units", absl::StrCat(f, ".", PartnerField(role), "[", i, "]"), v));
    }
  };
  units(p.cooperating_banks(), PartnerRole::kBank);
  units(p.guarantee_companies(), PartnerRole::kGuaranteeCompany);
  units(p.insurers(), PartnerRole::kInsurer);
  out.base_rate_bp = p.base_rate_bp();
  out.small_loan_model = EnumFromProto<SmallLoanModel>(p.small_loan_model(), v1::SmallLoanModel_IsValid,
                                                       std::nullopt, At(f, "small_loan_model"), v);
  out.small_loan_rate_multiple_bp = p.small_loan_rate_multiple_bp();
  out.max_industry_rate_multiple_bp = p.max_industry_rate_multiple_bp();
  out.surety_premium_bp = p.surety_premium_bp();
  out.guarantee_fee_bp = p.guarantee_fee_bp();
  out.fee_schedule = EnumFromProto<FeeSchedule>(p.fee_schedule(), v1::FeeSchedule_IsValid, FeeSchedule::kOnce,
                                                At(f, "fee_schedule"), v);
  out.ceilings.clear();
  for (int i = 0; i < p.ceilings_size(); ++i) {
    const v1::BorrowerCeiling& c = p.ceilings(i);
    const std::string at = absl::StrCat(f, ".ceilings[", i, "]");
    Ceiling one;
    one.type = EnumFromProto<BorrowerType>(c.type(), v1::BorrowerType_IsValid, std::nullopt, At(at, "type"), v);
    if (c.product_kind() != v1::PRODUCT_KIND_UNSPECIFIED) {
      one.product = EnumFromProto<ProductKind>(c.product_kind(), v1::ProductKind_IsValid, std::nullopt,
                                               At(at, "product_kind"), v);
    }
    one.fen = c.ceiling().fen();
    out.ceilings.push_back(one);
  }
  out.max_borrower_age = p.max_borrower_age();
  out.age_reference = EnumFromProto<AgeReference>(p.age_reference(), v1::AgeReference_IsValid,
                                                  AgeReference::kApplicationDate, At(f, "age_reference"), v);
  out.min_driven_households_share_bp = p.min_driven_households_share_bp();
  out.allowed_purposes.clear();
  for (int i = 0; i < p.allowed_purposes_size(); ++i) {
    out.allowed_purposes.push_back(EnumFromProto<Purpose>(p.allowed_purposes(i), v1::Purpose_IsValid, std::nullopt,
                                                          absl::StrCat(f, ".allowed_purposes[", i, "]"), v));
  }
  out.max_total_term_months = p.max_total_term_months();
  out.entrusted_payment_threshold_fen = p.entrusted_payment_threshold().fen();
  out.small_loan_review_working_days = p.small_loan_review_working_days();
  out.industry_loan_review_working_days = p.industry_loan_review_working_days();
  out.npl_days_past_due = p.npl_days_past_due() == 0 ? kDefaultNplDays : p.npl_days_past_due();
  out.breaker_threshold_bp = p.breaker_threshold_bp();
  out.npl_measure = EnumFromProto<NplMeasure>(p.npl_measure(), v1::NplMeasure_IsValid, NplMeasure::kByBalance,
                                              At(f, "npl_measure"), v);
  out.maturity_reminder_months = p.maturity_reminder_months();
  out.subsidy_trigger = EnumFromProto<SubsidyTrigger>(p.subsidy_trigger(), v1::SubsidyTrigger_IsValid,
                                                      SubsidyTrigger::kAfterFullRepayment, At(f, "subsidy_trigger"), v);
  out.subsidy_min_on_time_months = p.subsidy_min_on_time_months();
  out.subsidy_notice_days = p.subsidy_notice_days();
  out.household_subsidy_threshold_fen = p.household_subsidy_threshold().fen();
  out.household_above_threshold_rate_bp = p.household_above_threshold_rate_bp();
  out.organisation_subsidy_bands.clear();
  for (const v1::OrganisationSubsidyBand& b : p.organisation_subsidy_bands()) {
    out.organisation_subsidy_bands.push_back({b.min_households_lifted(), b.rate_bp()});
  }
  out.compensation_ratio_bp = p.compensation_ratio_bp();
  rpc::CheckText(p.note(), At(f, "note"), 0, 2000, v);
  out.note = p.note();
  out.decision_document = rpc::ReadDocument(p.decision_document(), At(f, "decision_document"), v);
  return out;
}

using Fields = MaskedFields<CountyPolicy>;
constexpr auto Member = [](auto member) { return Fields::Member(member); };
Fields::Copy Partners(PartnerRole role) {
  return [role](const CountyPolicy& from, CountyPolicy& to) {
    PartnersIn(to.partners, role) = PartnersIn(from.partners, role);
  };
}

// Each updatable field of the API, and the member it sets.
const Fields& Settings() {
  static const auto* settings = new Fields({
      {"cooperating_banks", Partners(PartnerRole::kBank)},
      {"guarantee_companies", Partners(PartnerRole::kGuaranteeCompany)},
      {"insurers", Partners(PartnerRole::kInsurer)},
      {"base_rate_bp", Member(&CountyPolicy::base_rate_bp)},
      {"small_loan_model", Member(&CountyPolicy::small_loan_model)},
      {"small_loan_rate_multiple_bp", Member(&CountyPolicy::small_loan_rate_multiple_bp)},
      {"max_industry_rate_multiple_bp", Member(&CountyPolicy::max_industry_rate_multiple_bp)},
      {"surety_premium_bp", Member(&CountyPolicy::surety_premium_bp)},
      {"guarantee_fee_bp", Member(&CountyPolicy::guarantee_fee_bp)},
      {"fee_schedule", Member(&CountyPolicy::fee_schedule)},
      {"ceilings", Member(&CountyPolicy::ceilings)},
      {"max_borrower_age", Member(&CountyPolicy::max_borrower_age)},
      {"age_reference", Member(&CountyPolicy::age_reference)},
      {"min_driven_households_share_bp", Member(&CountyPolicy::min_driven_households_share_bp)},
      {"allowed_purposes", Member(&CountyPolicy::allowed_purposes)},
      {"max_total_term_months", Member(&CountyPolicy::max_total_term_months)},
      {"entrusted_payment_threshold", Member(&CountyPolicy::entrusted_payment_threshold_fen)},
      {"small_loan_review_working_days", Member(&CountyPolicy::small_loan_review_working_days)},
      {"industry_loan_review_working_days", Member(&CountyPolicy::industry_loan_review_working_days)},
      {"npl_days_past_due", Member(&CountyPolicy::npl_days_past_due)},
      {"breaker_threshold_bp", Member(&CountyPolicy::breaker_threshold_bp)},
      {"npl_measure", Member(&CountyPolicy::npl_measure)},
      {"maturity_reminder_months", Member(&CountyPolicy::maturity_reminder_months)},
      {"subsidy_trigger", Member(&CountyPolicy::subsidy_trigger)},
      {"subsidy_min_on_time_months", Member(&CountyPolicy::subsidy_min_on_time_months)},
      {"subsidy_notice_days", Member(&CountyPolicy::subsidy_notice_days)},
      {"household_subsidy_threshold", Member(&CountyPolicy::household_subsidy_threshold_fen)},
      {"household_above_threshold_rate_bp", Member(&CountyPolicy::household_above_threshold_rate_bp)},
      {"organisation_subsidy_bands", Member(&CountyPolicy::organisation_subsidy_bands)},
      {"compensation_ratio_bp", Member(&CountyPolicy::compensation_ratio_bp)},
      {"note", Member(&CountyPolicy::note)},
      {"decision_document", Member(&CountyPolicy::decision_document)},
  });
  return *settings;
}

}  // namespace

std::string PolicyName(const std::string& id) { return rpc::FormatName("countyPolicies", id); }

CountyPolicy PolicyFromProto(const v1::CountyPolicy& p, const std::string& f, rpc::Violations& v) {
  CountyPolicy out = SettingsFromProto(p, f, v);
  out.county_id = rpc::ParseName(p.county(), "units", At(f, "county"), v);
  const std::optional<absl::CivilDay> from = rpc::FromDate(p.effective_from(), At(f, "effective_from"), v);
  if (!from && p.effective_from().ByteSizeLong() == 0) v.Add(At(f, "effective_from"), "required");
  out.effective_from = from.value_or(absl::CivilDay(1970, 1, 1));
  for (auto& [field, description] : PolicyViolations(out)) v.Add(absl::StrCat(f, ".", field), description);
  return out;
}

const std::set<std::string>& UpdatablePolicyFields() { return Settings().names(); }

std::function<void(CountyPolicy&)> PolicyEditFromProto(const v1::CountyPolicy& p, const std::set<std::string>& paths,
                                                       const std::string& f, rpc::Violations& v) {
  rpc::Violations all;
  CountyPolicy values = SettingsFromProto(p, f, all);
  rpc::KeepMasked(all, f, paths, v);
  return Settings().Edit(std::move(values), paths);
}

v1::CountyPolicy ToProto(const CountyPolicy& p) {
  v1::CountyPolicy out;
  out.set_name(PolicyName(p.id));
  out.set_county(rpc::FormatName("units", p.county_id));
  *out.mutable_effective_from() = rpc::ToDate(p.effective_from);
  for (const std::string& id : p.partners.bank_ids) out.add_cooperating_banks(rpc::FormatName("units", id));
  for (const std::string& id : p.partners.guarantee_company_ids) {
    out.add_guarantee_companies(rpc::FormatName("units", id));
  }
  for (const std::string& id : p.partners.insurer_ids) out.add_insurers(rpc::FormatName("units", id));
  out.set_base_rate_bp(p.base_rate_bp);
  out.set_small_loan_model(static_cast<v1::SmallLoanModel>(p.small_loan_model));
  out.set_small_loan_rate_multiple_bp(p.small_loan_rate_multiple_bp);
  out.set_max_industry_rate_multiple_bp(p.max_industry_rate_multiple_bp);
  out.set_surety_premium_bp(p.surety_premium_bp);
  out.set_guarantee_fee_bp(p.guarantee_fee_bp);
  out.set_fee_schedule(static_cast<v1::FeeSchedule>(p.fee_schedule));
  for (const Ceiling& c : p.ceilings) {
    v1::BorrowerCeiling* one = out.add_ceilings();
    one->set_type(static_cast<v1::BorrowerType>(c.type));
    *one->mutable_ceiling() = rpc::ToMoney(c.fen);
    if (c.product) one->set_product_kind(static_cast<v1::ProductKind>(*c.product));
  }
  out.set_max_borrower_age(p.max_borrower_age);
  out.set_age_reference(static_cast<v1::AgeReference>(p.age_reference));
  out.set_min_driven_households_share_bp(p.min_driven_households_share_bp);
  for (Purpose purpose : p.allowed_purposes) out.add_allowed_purposes(static_cast<v1::Purpose>(purpose));
  out.set_max_total_term_months(p.max_total_term_months);
  *out.mutable_entrusted_payment_threshold() = rpc::ToMoney(p.entrusted_payment_threshold_fen);
  out.set_small_loan_review_working_days(p.small_loan_review_working_days);
  out.set_industry_loan_review_working_days(p.industry_loan_review_working_days);
  out.set_npl_days_past_due(p.npl_days_past_due);
  out.set_breaker_threshold_bp(p.breaker_threshold_bp);
  out.set_npl_measure(static_cast<v1::NplMeasure>(p.npl_measure));
  out.set_maturity_reminder_months(p.maturity_reminder_months);
  out.set_subsidy_trigger(static_cast<v1::SubsidyTrigger>(p.subsidy_trigger));
  out.set_subsidy_min_on_time_months(p.subsidy_min_on_time_months);
  out.set_subsidy_notice_days(p.subsidy_notice_days);
  *out.mutable_household_subsidy_threshold() = rpc::ToMoney(p.household_subsidy_threshold_fen);
  out.set_household_above_threshold_rate_bp(p.household_above_threshold_rate_bp);
  for (const SubsidyBand& b : p.organisation_subsidy_bands) {
    v1::OrganisationSubsidyBand* band = out.add_organisation_subsidy_bands();
    band->set_min_households_lifted(b.min_households_lifted);
    band->set_rate_bp(b.rate_bp);
  }
  out.set_compensation_ratio_bp(p.compensation_ratio_bp);
  out.set_note(p.note);
  if (!p.decision_document.empty()) *out.mutable_decision_document() = rpc::ToProto(p.decision_document);
  *out.mutable_create_time() = rpc::ToTimestamp(p.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(p.update_time);
  out.set_etag(rpc::Etag(p.revision));
  return out;
}

}  // namespace huinong::loans
