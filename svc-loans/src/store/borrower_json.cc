// See borrower_json.h.
#include "svc-loans/src/store/borrower_json.h"

#include <nlohmann/json.hpp>

namespace huinong::loans::store {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& v, const char* key) {
  auto it = v.find(key);
  return it != v.end() && it->is_string() ? it->get<std::string>() : "";
}
int Int(const Json& v, const char* key) {
  auto it = v.find(key);
  return it != v.end() && it->is_number_integer() ? it->get<int>() : 0;
}
bool Bool(const Json& v, const char* key) {
  auto it = v.find(key);
  return it != v.end() && it->is_boolean() && it->get<bool>();
}
std::optional<absl::CivilDay> Day(const Json& v, const char* key) {
  absl::CivilDay d;
  const std::string text = Str(v, key);
  if (text.empty() || !absl::ParseCivilTime(text, &d)) return std::nullopt;
  return d;
}
std::string DayText(const std::optional<absl::CivilDay>& d) { return d ? absl::FormatCivilTime(*d) : ""; }

}  // namespace

std::string EncodeBody(const Borrower& b) {
  const BorrowerProfile& p = b.profile;
  Json registrations = Json::array();
  for (const PoorRegistration& r : p.poor_registrations) {
    registrations.push_back({{"registered", absl::FormatCivilTime(r.registered)}, {"lifted", DayText(r.lifted)}});
  }
  const Json body = {
      {"phone", b.phone},
      {"poverty_registration_number", b.poverty_registration_number},
      {"household_size", b.household_size},
      {"legal_representative", b.legal_representative},
      {"account", {{"bank", b.account.bank}, {"number", b.account.account_number},
                   {"holder", b.account.holder_name}}},
      {"birth_date", DayText(p.birth_date)},
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
  // Never throws: text that is not UTF-8 (the API refuses it) is replaced.
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void DecodeBody(const std::string& json, Borrower& b) {
  const Json v = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!v.is_object()) return;
  BorrowerProfile& p = b.profile;
  b.phone = Str(v, "phone");
  b.poverty_registration_number = Str(v, "poverty_registration_number");
  b.household_size = Int(v, "household_size");
  b.legal_representative = Str(v, "legal_representative");
  if (auto account = v.find("account"); account != v.end() && account->is_object()) {
    b.account = {Str(*account, "bank"), Str(*account, "number"), Str(*account, "holder")};
  }
  p.birth_date = Day(v, "birth_date");
  p.poor_registrations.clear();
  if (auto list = v.find("poor_registrations"); list != v.end() && list->is_array()) {
    for (const Json& r : *list) {
      if (std::optional<absl::CivilDay> registered = Day(r, "registered")) {
        p.poor_registrations.push_back({*registered, Day(r, "lifted")});
      }
    }
  }
  p.good_credit = Bool(v, "good_credit");
  p.bad_credit_record = Bool(v, "bad_credit_record");
  p.unresolved_legal_dispute = Bool(v, "unresolved_legal_dispute");
  p.settlement_account_at_cooperating_bank = Bool(v, "settlement_account_at_cooperating_bank");
  p.registered = Bool(v, "registered");
  p.sound_accounting = Bool(v, "sound_accounting");
  p.leading_enterprise_qualification = Bool(v, "leading_enterprise_qualification");
  p.shareholder_households = Int(v, "shareholder_households");
  p.poor_households_driven = Int(v, "poor_households_driven");
}

}  // namespace huinong::loans::store
