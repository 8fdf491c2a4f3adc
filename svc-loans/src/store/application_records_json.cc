// See application_records_json.h. Enums as their numbers; days as
// "YYYY-MM-DD".
#include "svc-loans/src/store/application_records_json.h"

#include "common/db/document_ref_json.h"

namespace huinong::loans::store {
namespace {

using json::Json;

domain::DocumentRef DocOf(const Json& v, const char* key) { return db::DocumentRefOf(json::Field(v, key)); }

std::string DayText(absl::CivilDay d) { return absl::FormatCivilTime(d); }
absl::CivilDay DayOf(const Json& v, const char* key) { return json::Day(v, key).value_or(absl::CivilDay(1970, 1, 1)); }

}  // namespace

Json CollateralJson(const std::vector<Collateral>& list) {
  Json out = Json::array();
  for (const Collateral& c : list) {
    out.push_back({{"kind", c.kind},
                   {"description", c.description},
                   {"estimated_value_fen", c.estimated_value_fen},
                   {"document", db::DocumentRefJson(c.document)}});
  }
  return out;
}

std::vector<Collateral> CollateralOf(const Json& v) {
  std::vector<Collateral> out;
  if (!v.is_array()) return out;
  for (const Json& c : v) {
    out.push_back({static_cast<int>(json::Int(c, "kind")), json::String(c, "description"),
                   json::Int(c, "estimated_value_fen"), DocOf(c, "document")});
  }
  return out;
}

Json SurveyJson(const Survey& s) {
  Json members = Json::array();
  for (const SurveyMember& m : s.members) {
    members.push_back({{"staff", m.staff}, {"display_name", m.display_name}, {"role", static_cast<int>(m.role)}});
  }
  return {{"lead", s.lead},
          {"members", members},
          {"visit_date", DayText(s.visit_date)},
          {"findings", s.findings},
          {"recommended_amount_fen", s.recommended_amount_fen},
          {"report", db::DocumentRefJson(s.report)},
          {"guarantee_application", db::DocumentRefJson(s.guarantee_application)},
          {"benefit_sharing_agreement", db::DocumentRefJson(s.benefit_sharing_agreement)}};
}

Survey SurveyOf(const Json& v) {
  Survey s;
  s.lead = json::String(v, "lead");
  for (const Json& m : json::Array(v, "members")) {
    s.members.push_back({json::String(m, "staff"), json::String(m, "display_name"),
                         static_cast<SurveyRole>(json::Int(m, "role"))});
  }
  s.visit_date = DayOf(v, "visit_date");
  s.findings = json::String(v, "findings");
  s.recommended_amount_fen = json::Int(v, "recommended_amount_fen");
  s.report = DocOf(v, "report");
  s.guarantee_application = DocOf(v, "guarantee_application");
  s.benefit_sharing_agreement = DocOf(v, "benefit_sharing_agreement");
  return s;
}

Json ReviewJson(const Review& r) {
  return {{"approved_amount_fen", r.approved_amount_fen},
          {"approved_term_months", r.approved_term_months},
          {"rate_bp", r.rate_bp},
          {"recommended_bank_id", r.recommended_bank_id},
          {"comment", r.comment},
          {"documents", db::DocumentRefsJson(r.documents)},
          {"on_time", r.on_time},
          {"policy_id", r.policy_id}};
}

Review ReviewOf(const Json& v) {
  Review r;
  r.approved_amount_fen = json::Int(v, "approved_amount_fen");
  r.approved_term_months = static_cast<int>(json::Int(v, "approved_term_months"));
  r.rate_bp = static_cast<int>(json::Int(v, "rate_bp"));
  r.recommended_bank_id = json::String(v, "recommended_bank_id");
  r.comment = json::String(v, "comment");
  r.documents = db::DocumentRefsOf(v, "documents");
  r.on_time = json::Bool(v, "on_time");
  r.policy_id = json::String(v, "policy_id");
  return r;
}

Json GuaranteeJson(const Guarantee& g) {
  return {{"contract_number", g.contract_number},
          {"guarantor_id", g.guarantor_id},
          {"guaranteed_amount_fen", g.guaranteed_amount_fen},
          {"contract", db::DocumentRefJson(g.contract)},
          {"counter_guarantees", CollateralJson(g.counter_guarantees)},
          {"service_fee_fen", g.service_fee_fen}};
}

Guarantee GuaranteeOf(const Json& v) {
  Guarantee g;
  g.contract_number = json::String(v, "contract_number");
  g.guarantor_id = json::String(v, "guarantor_id");
  g.guaranteed_amount_fen = json::Int(v, "guaranteed_amount_fen");
  g.contract = DocOf(v, "contract");
  g.counter_guarantees = CollateralOf(json::Field(v, "counter_guarantees"));
  g.service_fee_fen = json::Int(v, "service_fee_fen");
  return g;
}

Json InsuranceJson(const Insurance& i) {
  return {{"kind", static_cast<int>(i.kind)},
          {"policy_number", i.policy_number},
          {"insurer_id", i.insurer_id},
          {"insured_amount_fen", i.insured_amount_fen},
          {"premium_fen", i.premium_fen},
          {"cover_from", DayText(i.cover_from)},
          {"cover_to", DayText(i.cover_to)},
          {"policy_document", db::DocumentRefJson(i.policy_document)}};
}

Insurance InsuranceOf(const Json& v) {
  Insurance i;
  i.kind = static_cast<InsuranceKind>(json::Int(v, "kind"));
  i.policy_number = json::String(v, "policy_number");
  i.insurer_id = json::String(v, "insurer_id");
  i.insured_amount_fen = json::Int(v, "insured_amount_fen");
  i.premium_fen = json::Int(v, "premium_fen");
  i.cover_from = DayOf(v, "cover_from");
  i.cover_to = DayOf(v, "cover_to");
  i.policy_document = DocOf(v, "policy_document");
  return i;
}

Json ContractJson(const Contract& c) {
  return {{"contract_number", c.contract_number},
          {"bank_id", c.bank_id},
          {"signed_date", DayText(c.signed_date)},
          {"amount_fen", c.amount_fen},
          {"term_months", c.term_months},
          {"rate_bp", c.rate_bp},
          {"contract", db::DocumentRefJson(c.contract)},
          {"maturity_date", DayText(c.maturity_date)},
          {"entrusted_payment", c.entrusted_payment},
          {"policy_id", c.policy_id}};
}

Contract ContractOf(const Json& v) {
  Contract c;
  c.contract_number = json::String(v, "contract_number");
  c.bank_id = json::String(v, "bank_id");
  c.signed_date = DayOf(v, "signed_date");
  c.amount_fen = json::Int(v, "amount_fen");
  c.term_months = static_cast<int>(json::Int(v, "term_months"));
  c.rate_bp = static_cast<int>(json::Int(v, "rate_bp"));
  c.contract = DocOf(v, "contract");
  c.maturity_date = DayOf(v, "maturity_date");
  c.entrusted_payment = json::Bool(v, "entrusted_payment");
  c.policy_id = json::String(v, "policy_id");
  return c;
}

Json DisbursementJson(const Disbursement& d) {
  Json out = {{"amount_fen", d.amount_fen},
              {"value_date", DayText(d.value_date)},
              {"bank_reference", d.bank_reference},
              {"fees_charged_fen", d.fees_charged_fen}};
  if (d.entrusted_payee) {
    const EntrustedPayee& p = *d.entrusted_payee;
    out["entrusted_payee"] = {{"payee_name", p.payee_name},
                              {"account_number", p.account_number},
                              {"bank", p.bank},
                              {"basis", db::DocumentRefJson(p.basis)}};
  }
  return out;
}

Disbursement DisbursementOf(const Json& v) {
  Disbursement d;
  d.amount_fen = json::Int(v, "amount_fen");
  d.value_date = DayOf(v, "value_date");
  d.bank_reference = json::String(v, "bank_reference");
  d.fees_charged_fen = json::Int(v, "fees_charged_fen");
  const Json& p = json::Field(v, "entrusted_payee");
  if (p.is_object()) {
    d.entrusted_payee = EntrustedPayee{json::String(p, "payee_name"), json::String(p, "account_number"),
                                       json::String(p, "bank"), DocOf(p, "basis")};
  }
  return d;
}

Json RejectionJson(const Rejection& r) {
  return {{"at", static_cast<int>(r.at)}, {"category", r.category}, {"reason", r.reason}};
}

Rejection RejectionOf(const Json& v) {
  return {static_cast<ApplicationState>(json::Int(v, "at")), static_cast<int>(json::Int(v, "category")),
          json::String(v, "reason")};
}

}  // namespace huinong::loans::store
