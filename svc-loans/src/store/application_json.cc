// See application_json.h. Enums as their numbers; instants as UTC text.
#include "svc-loans/src/store/application_json.h"

#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "svc-loans/src/store/application_records_json.h"

namespace huinong::loans::store {

using json::Json;

std::string EncodeBody(const Application& a) {
  const LoanRequest& r = a.request;
  Json pledges = Json::array();
  for (AssetKind k : r.counter_guarantee) pledges.push_back(static_cast<int>(k));
  Json documents = Json::array();
  for (const auto& d : a.documents) documents.push_back(db::DocumentRefJson(d));
  Json steps = Json::array();
  for (const StepRecord& s : a.steps) {
    Json docs = Json::array();
    for (const auto& d : s.documents) docs.push_back(db::DocumentRefJson(d));
    steps.push_back({{"event", static_cast<int>(s.event)}, {"by", s.by}, {"at", json::InstantText(s.at)},
                     {"note", s.note}, {"documents", docs}});
  }
  Json body = {
      {"product", static_cast<int>(r.product)},
      {"term_months", r.term_months},
      {"rate_bp", r.rate_bp},
      {"purpose", static_cast<int>(r.purpose)},
      {"counter_guarantee", pledges},
      {"application_date", absl::FormatCivilTime(r.application_date)},
      {"guarantee_required", a.guarantee_required},
      {"submitted_by", a.submitted_by},
      {"steps", steps},
      {"purpose_detail", a.purpose_detail},
      {"collateral", CollateralJson(a.collateral)},
      {"documents", documents},
      {"credit_line_id", a.credit_line_id},
      {"loan_id", a.loan_id},
  };
  if (a.survey) body["survey"] = SurveyJson(*a.survey);
  if (a.review) body["review"] = ReviewJson(*a.review);
  if (a.guarantee) body["guarantee"] = GuaranteeJson(*a.guarantee);
  if (a.insurance) body["insurance"] = InsuranceJson(*a.insurance);
  if (a.contract) body["contract"] = ContractJson(*a.contract);
  if (a.disbursement) body["disbursement"] = DisbursementJson(*a.disbursement);
  if (a.rejection) body["rejection"] = RejectionJson(*a.rejection);
  return json::Print(body);
}

void DecodeBody(const std::string& text, Application& a) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  LoanRequest& r = a.request;
  r.product = static_cast<ProductKind>(json::Int(v, "product"));
  r.term_months = static_cast<int>(json::Int(v, "term_months"));
  r.rate_bp = static_cast<int>(json::Int(v, "rate_bp"));
  r.purpose = static_cast<Purpose>(json::Int(v, "purpose"));
  r.counter_guarantee.clear();
  for (const Json& k : json::Array(v, "counter_guarantee")) {
    if (k.is_number_integer()) r.counter_guarantee.push_back(static_cast<AssetKind>(k.get<int>()));
  }
  absl::CivilDay day;
  if (absl::ParseCivilTime(json::String(v, "application_date"), &day)) r.application_date = day;
  // Fails closed: a body without the member keeps the guarantee step.
  a.guarantee_required = !json::Field(v, "guarantee_required").is_boolean() || json::Bool(v, "guarantee_required");
  a.submitted_by = json::String(v, "submitted_by");
  a.steps.clear();
  for (const Json& s : json::Array(v, "steps")) {
    StepRecord step;
    step.event = static_cast<ApplicationEvent>(json::Int(s, "event"));
    step.by = json::String(s, "by");
    step.at = json::Instant(s, "at").value_or(absl::InfinitePast());
    step.note = json::String(s, "note");
    for (const Json& d : json::Array(s, "documents")) step.documents.push_back(db::DocumentRefOf(d));
    a.steps.push_back(std::move(step));
  }
  a.purpose_detail = json::String(v, "purpose_detail");
  a.collateral = CollateralOf(json::Field(v, "collateral"));
  a.documents.clear();
  for (const Json& d : json::Array(v, "documents")) a.documents.push_back(db::DocumentRefOf(d));
  a.credit_line_id = json::String(v, "credit_line_id");
  a.loan_id = json::String(v, "loan_id");
  const auto record = [&v](const char* key) -> const Json* {
    const Json& member = json::Field(v, key);
    return member.is_object() ? &member : nullptr;
  };
  a.survey.reset();
  a.review.reset();
  a.guarantee.reset();
  a.insurance.reset();
  a.contract.reset();
  a.disbursement.reset();
  a.rejection.reset();
  if (const Json* o = record("survey")) a.survey = SurveyOf(*o);
  if (const Json* o = record("review")) a.review = ReviewOf(*o);
  if (const Json* o = record("guarantee")) a.guarantee = GuaranteeOf(*o);
  if (const Json* o = record("insurance")) a.insurance = InsuranceOf(*o);
  if (const Json* o = record("contract")) a.contract = ContractOf(*o);
  if (const Json* o = record("disbursement")) a.disbursement = DisbursementOf(*o);
  if (const Json* o = record("rejection")) a.rejection = RejectionOf(*o);
}

}  // namespace huinong::loans::store
