// See loan_json.h. Enums as their numbers; days as "YYYY-MM-DD".
#include "svc-loans/src/store/loan_json.h"

#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"

namespace huinong::loans::store {

using json::Json;

std::string EncodeLoanBody(const Loan& l) {
  Json body = {{"application_id", l.application_id},
               {"borrower_type", static_cast<int>(l.borrower_type)},
               {"product_kind", static_cast<int>(l.product_kind)},
               {"purpose", static_cast<int>(l.purpose)},
               {"rate_bp", l.rate_bp},
               {"repayment_method", static_cast<int>(l.repayment_method)},
               {"day_count", static_cast<int>(l.day_count)},
               {"term_months", l.term_months}};
  if (!l.extensions.empty()) {
    Json extensions = Json::array();
    for (const LoanExtension& e : l.extensions) {
      extensions.push_back({{"months", e.months},
                            {"effective_date", absl::FormatCivilTime(e.effective_date)},
                            {"previous_maturity_date", absl::FormatCivilTime(e.previous_maturity_date)},
                            {"new_maturity_date", absl::FormatCivilTime(e.new_maturity_date)},
                            {"reason", e.reason},
                            {"document", db::DocumentRefJson(e.document)},
                            {"policy_id", e.policy_id},
                            {"recorded_by", e.recorded_by},
                            {"record_time", json::InstantText(e.record_time)}});
    }
    body["extensions"] = std::move(extensions);
  }
  if (l.entrusted_payee) {
    const EntrustedPayee& p = *l.entrusted_payee;
    body["entrusted_payee"] = {{"payee_name", p.payee_name},
                               {"account_number", p.account_number},
                               {"bank", p.bank},
                               {"basis", db::DocumentRefJson(p.basis)}};
  }
  return json::Print(body);
}

void DecodeLoanBody(const std::string& text, Loan& l) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  l.application_id = json::String(v, "application_id");
  l.borrower_type = static_cast<BorrowerType>(json::Int(v, "borrower_type"));
  l.product_kind = static_cast<ProductKind>(json::Int(v, "product_kind"));
  l.purpose = static_cast<Purpose>(json::Int(v, "purpose"));
  l.rate_bp = static_cast<int>(json::Int(v, "rate_bp"));
  l.repayment_method = static_cast<RepaymentMethod>(json::Int(v, "repayment_method"));
  l.day_count = static_cast<DayCount>(json::Int(v, "day_count"));
  l.term_months = static_cast<int>(json::Int(v, "term_months"));
  l.extensions.clear();
  const absl::CivilDay none(1970, 1, 1);
  for (const Json& e : json::Array(v, "extensions")) {
    LoanExtension x;
    x.months = static_cast<int>(json::Int(e, "months"));
    x.effective_date = json::Day(e, "effective_date").value_or(none);
    x.previous_maturity_date = json::Day(e, "previous_maturity_date").value_or(none);
    x.new_maturity_date = json::Day(e, "new_maturity_date").value_or(none);
    x.reason = json::String(e, "reason");
    x.document = db::DocumentRefOf(json::Field(e, "document"));
    x.policy_id = json::String(e, "policy_id");
    x.recorded_by = json::String(e, "recorded_by");
    x.record_time = json::Instant(e, "record_time").value_or(absl::UnixEpoch());
    l.extensions.push_back(std::move(x));
  }
  l.entrusted_payee.reset();
  const Json& p = json::Field(v, "entrusted_payee");
  if (p.is_object()) {
    l.entrusted_payee = EntrustedPayee{json::String(p, "payee_name"), json::String(p, "account_number"),
                                       json::String(p, "bank"), db::DocumentRefOf(json::Field(p, "basis"))};
  }
}

std::string EncodeCreditLineBody(const CreditLineRecord& c) {
  return json::Print(Json{{"product_id", c.place.product_id},
                          {"expiry", absl::FormatCivilTime(c.line.expiry)},
                          {"rate_bp", c.rate_bp},
                          {"start_date", absl::FormatCivilTime(c.start_date)},
                          {"entrusted_payment", c.entrusted_payment},
                          {"draw_count", c.draw_count}});
}

void DecodeCreditLineBody(const std::string& text, CreditLineRecord& c) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  c.place.product_id = json::String(v, "product_id");
  c.line.expiry = json::Day(v, "expiry").value_or(absl::CivilDay(1970, 1, 1));
  c.rate_bp = static_cast<int>(json::Int(v, "rate_bp"));
  c.start_date = json::Day(v, "start_date").value_or(absl::CivilDay(1970, 1, 1));
  c.entrusted_payment = json::Bool(v, "entrusted_payment");
  c.draw_count = static_cast<int>(json::Int(v, "draw_count"));
}

}  // namespace huinong::loans::store
