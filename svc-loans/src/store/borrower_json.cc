// See borrower_json.h.
#include "svc-loans/src/store/borrower_json.h"

#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"

namespace huinong::loans::store {

using json::Json;

std::string EncodeBody(const Borrower& b) {
  const BorrowerProfile& p = b.profile;
  Json registrations = Json::array();
  for (const PoorRegistration& r : p.poor_registrations) {
    registrations.push_back({{"registered", absl::FormatCivilTime(r.registered)},
                             {"lifted", json::DayText(r.lifted)},
                             {"number", r.number},
                             {"registration_document", db::DocumentRefJson(r.registration_document)},
                             {"lifting_document", db::DocumentRefJson(r.lifting_document)},
                             {"registered_by", r.registered_by},
                             {"register_time", json::InstantText(r.register_time)},
                             {"lifted_by", r.lifted_by},
                             {"lift_time", json::InstantText(r.lift_time)}});
  }
  const Json body = {
      {"phone", b.phone},
      {"poverty_registration_number", b.poverty_registration_number},
      {"household_size", b.household_size},
      {"legal_representative", b.legal_representative},
      {"business_registered", b.business_registered},
      {"licensed", b.licensed},
      {"tax_paying", b.tax_paying},
      {"leading_enterprise_qualification_document", db::DocumentRefJson(b.leading_enterprise_qualification)},
      {"poor_households_lifted", b.poor_households_lifted},
      {"credit_checked_date", json::DayText(b.credit.checked_date)},
      {"credit_report", db::DocumentRefJson(b.credit.report)},
      {"blacklist_entry", b.blacklist_entry_id},
      {"account", {{"bank", b.account.bank}, {"number", b.account.account_number},
                   {"holder", b.account.holder_name}}},
      {"birth_date", json::DayText(p.birth_date)},
      {"poor_registrations", registrations},
      {"good_credit", p.good_credit},
      {"bad_credit_record", p.bad_credit_record},
      {"unresolved_legal_dispute", p.unresolved_legal_dispute},
      {"settlement_account_at_cooperating_bank", p.settlement_account_at_cooperating_bank},
      {"registered", p.registered},
      {"sound_accounting", p.sound_accounting},
      {"leading_enterprise_qualification", p.leading_enterprise_qualification},
      {"shareholder_households", p.shareholder_households},
      {"poor_households_driven", p.poor_households_driven},
  };
  return json::Print(body);
}

void DecodeBody(const std::string& text, Borrower& b) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  BorrowerProfile& p = b.profile;
  b.phone = json::String(v, "phone");
  b.poverty_registration_number = json::String(v, "poverty_registration_number");
  b.household_size = static_cast<int>(json::Int(v, "household_size"));
  b.legal_representative = json::String(v, "legal_representative");
  b.business_registered = json::Bool(v, "business_registered");
  b.licensed = json::Bool(v, "licensed");
  b.tax_paying = json::Bool(v, "tax_paying");
  b.leading_enterprise_qualification = db::DocumentRefOf(json::Field(v, "leading_enterprise_qualification_document"));
  b.poor_households_lifted = static_cast<int>(json::Int(v, "poor_households_lifted"));
  b.credit = {json::Day(v, "credit_checked_date"), db::DocumentRefOf(json::Field(v, "credit_report"))};
  b.blacklist_entry_id = json::String(v, "blacklist_entry");
  if (auto account = v.find("account"); account != v.end() && account->is_object()) {
    b.account = {json::String(*account, "bank"), json::String(*account, "number"), json::String(*account, "holder")};
  }
  p.birth_date = json::Day(v, "birth_date");
  p.poor_registrations.clear();
  if (auto list = v.find("poor_registrations"); list != v.end() && list->is_array()) {
    for (const Json& r : *list) {
      if (std::optional<absl::CivilDay> registered = json::Day(r, "registered")) {
        PoorRegistration period{*registered, json::Day(r, "lifted")};
        period.number = json::String(r, "number");
        period.registration_document = db::DocumentRefOf(json::Field(r, "registration_document"));
        period.lifting_document = db::DocumentRefOf(json::Field(r, "lifting_document"));
        period.registered_by = json::String(r, "registered_by");
        period.register_time = json::Instant(r, "register_time").value_or(absl::Time());
        period.lifted_by = json::String(r, "lifted_by");
        period.lift_time = json::Instant(r, "lift_time").value_or(absl::Time());
        p.poor_registrations.push_back(std::move(period));
      }
    }
  }
  p.good_credit = json::Bool(v, "good_credit");
  p.bad_credit_record = json::Bool(v, "bad_credit_record");
  p.unresolved_legal_dispute = json::Bool(v, "unresolved_legal_dispute");
  p.settlement_account_at_cooperating_bank = json::Bool(v, "settlement_account_at_cooperating_bank");
  p.registered = json::Bool(v, "registered");
  p.sound_accounting = json::Bool(v, "sound_accounting");
  p.leading_enterprise_qualification = json::Bool(v, "leading_enterprise_qualification");
  p.shareholder_households = static_cast<int>(json::Int(v, "shareholder_households"));
  p.poor_households_driven = static_cast<int>(json::Int(v, "poor_households_driven"));
}

}  // namespace huinong::loans::store
