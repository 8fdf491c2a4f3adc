// See borrower_mapping.h.
#include "svc-loans/src/api/borrower_mapping.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/mask.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/rpc/shared_types.h"

namespace huinong::loans {
namespace {

std::string Field(const std::string& prefix, absl::string_view name) { return absl::StrCat(prefix, ".", name); }

bool Digits(const std::string& s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void CheckCount(int value, const std::string& field, rpc::Violations& v) {
  if (value < 0) v.Add(field, "0 or more");
}

// `person` into the record; the organisation's parts are cleared.
void ReadPerson(const v1::PersonProfile& in, const std::string& prefix, Borrower& b, rpc::Violations& v) {
  b.id_card_number = in.id_card_number();
  if (in.id_card_number().empty()) v.Add(Field(prefix, "id_card_number"), "required");
  b.profile.birth_date = rpc::FromDate(in.birth_date(), Field(prefix, "birth_date"), v);
  if (!in.has_birth_date()) v.Add(Field(prefix, "birth_date"), "required");
  if (!in.phone().empty() && !Digits(in.phone(), 5, 20)) v.Add(Field(prefix, "phone"), "5–20 digits");
  b.phone = in.phone();
  CheckCount(in.household_size(), Field(prefix, "household_size"), v);
  b.household_size = in.household_size();
  b.credit_code.clear();
  b.legal_representative.clear();
  b.business_registered = b.licensed = b.tax_paying = false;
  b.leading_enterprise_qualification = {};
  b.poor_households_lifted = 0;
  BorrowerProfile& p = b.profile;
  p.registered = p.sound_accounting = p.leading_enterprise_qualification = false;
  p.shareholder_households = p.poor_households_driven = 0;
}

// `organisation` into the record; the person's parts are cleared.
void ReadOrganisation(const v1::OrganisationProfile& in, const std::string& prefix, Borrower& b,
                      rpc::Violations& v) {
  b.credit_code = in.credit_code();
  if (in.credit_code().empty()) v.Add(Field(prefix, "credit_code"), "required");
  rpc::CheckText(in.legal_representative(), Field(prefix, "legal_representative"), 0, 100, v);
  b.legal_representative = in.legal_representative();
  b.business_registered = in.registered();
  b.licensed = in.licensed();
  b.tax_paying = in.tax_paying();
  b.leading_enterprise_qualification =
      rpc::ReadDocument(in.leading_enterprise_qualification(), Field(prefix, "leading_enterprise_qualification"), v);
  CheckCount(in.shareholder_households(), Field(prefix, "shareholder_households"), v);
  CheckCount(in.poor_households_driven(), Field(prefix, "poor_households_driven"), v);
  CheckCount(in.poor_households_lifted(), Field(prefix, "poor_households_lifted"), v);
  b.poor_households_lifted = in.poor_households_lifted();
  BorrowerProfile& p = b.profile;
  p.registered = in.registered() && in.licensed() && in.tax_paying();
  p.sound_accounting = in.sound_accounting();
  p.leading_enterprise_qualification = !b.leading_enterprise_qualification.empty();
  p.shareholder_households = in.shareholder_households();
  p.poor_households_driven = in.poor_households_driven();
  b.id_card_number.clear();
  b.phone.clear();
  b.household_size = 0;
  p.birth_date.reset();
}

// The profile the borrower's type takes; the other one is refused.
void ReadProfile(const v1::Borrower& in, const std::string& prefix, Borrower& b, rpc::Violations& v) {
  const bool organisation = IsOrganisation(b.profile.type);
  const std::string wanted = organisation ? "organisation" : "person";
  const std::string other = organisation ? "person" : "organisation";
  const bool has_wanted = organisation ? in.has_organisation() : in.has_person();
  if (!has_wanted) {
    v.Add(Field(prefix, wanted), absl::StrCat("required for a ", BorrowerTypeName(b.profile.type)));
  }
  if (in.profile_case() != v1::Borrower::PROFILE_NOT_SET && !has_wanted) {
    v.Add(Field(prefix, other), absl::StrCat("not for a ", BorrowerTypeName(b.profile.type)));
  }
  if (organisation) {
    ReadOrganisation(in.organisation(), Field(prefix, "organisation"), b, v);
  } else {
    ReadPerson(in.person(), Field(prefix, "person"), b, v);
  }
}

void ReadCredit(const v1::CreditStanding& in, const std::string& prefix, Borrower& b, rpc::Violations& v) {
  b.credit.checked_date = rpc::FromDate(in.checked_date(), Field(prefix, "checked_date"), v);
  if (!in.has_checked_date()) v.Add(Field(prefix, "checked_date"), "required");
  b.credit.report = rpc::ReadDocument(in.report(), Field(prefix, "report"), v);
  b.profile.good_credit = in.good_credit();
  b.profile.bad_credit_record = in.bad_credit_record();
  b.profile.unresolved_legal_dispute = in.unresolved_legal_dispute();
}

void ReadAccount(const v1::SettlementAccount& in, const std::string& prefix, Borrower& b, rpc::Violations& v) {
  rpc::CheckText(in.bank(), Field(prefix, "bank"), 1, 32, v);
  if (!Digits(in.account_number(), 8, 32)) v.Add(Field(prefix, "account_number"), "required, 8–32 digits");
  rpc::CheckText(in.holder_name(), Field(prefix, "holder_name"), 0, 100, v);
  b.account = {in.bank(), in.account_number(), in.holder_name()};
  // Any bank code the county configures is a cooperating bank's.
  b.profile.settlement_account_at_cooperating_bank = !in.bank().empty();
}

// The record's own rules, each under `prefix`, where no shape check has
// named the field already.
void AddRecordViolations(const Borrower& b, const std::string& prefix, rpc::Violations& v) {
  std::vector<std::string> named;
  for (const rpc::FieldViolation& f : v.list()) named.push_back(f.field);
  for (auto& [field, description] : BorrowerViolations(b)) {
    std::string full = Field(prefix, field);
    if (std::find(named.begin(), named.end(), full) == named.end()) v.Add(std::move(full), std::move(description));
  }
}

v1::PovertyRegistration RegistrationProto(const PoorRegistration& r) {
  v1::PovertyRegistration p;
  p.set_registration_number(r.number);
  *p.mutable_registered_date() = rpc::ToDate(r.registered);
  if (r.lifted) *p.mutable_lifted_date() = rpc::ToDate(*r.lifted);
  if (!r.registration_document.empty()) *p.mutable_registration_document() = rpc::ToProto(r.registration_document);
  if (!r.lifting_document.empty()) *p.mutable_lifting_document() = rpc::ToProto(r.lifting_document);
  p.set_registered_by(r.registered_by);
  if (!r.registered_by.empty()) *p.mutable_register_time() = rpc::ToTimestamp(r.register_time);
  p.set_lifted_by(r.lifted_by);
  if (!r.lifted_by.empty()) *p.mutable_lift_time() = rpc::ToTimestamp(r.lift_time);
  return p;
}

}  // namespace

std::string BorrowerName(const std::string& id) { return rpc::FormatName("borrowers", id); }
std::string BlacklistEntryName(const std::string& id) { return rpc::FormatName("blacklistEntries", id); }

v1::Borrower ToProto(const Borrower& b, absl::CivilDay as_of, PersonalData shown) {
  const bool clear = shown == PersonalData::kClear;
  v1::Borrower p;
  p.set_name(BorrowerName(b.id));
  p.set_type(static_cast<v1::BorrowerType>(b.profile.type));
  p.set_display_name(b.display_name);
  p.set_unit(rpc::FormatName("units", b.unit_id));
  if (IsOrganisation(b.profile.type)) {
    v1::OrganisationProfile* o = p.mutable_organisation();
    o->set_credit_code(b.credit_code);
    o->set_legal_representative(b.legal_representative);
    o->set_registered(b.business_registered);
    o->set_licensed(b.licensed);
    o->set_tax_paying(b.tax_paying);
    o->set_sound_accounting(b.profile.sound_accounting);
    if (!b.leading_enterprise_qualification.empty()) {
      *o->mutable_leading_enterprise_qualification() = rpc::ToProto(b.leading_enterprise_qualification);
    }
    o->set_shareholder_households(b.profile.shareholder_households);
    o->set_poor_households_driven(b.profile.poor_households_driven);
    o->set_poor_households_lifted(b.poor_households_lifted);
  } else {
    v1::PersonProfile* person = p.mutable_person();
    person->set_id_card_number(clear ? b.id_card_number : mask::IdCard(b.id_card_number));
    if (b.profile.birth_date) *person->mutable_birth_date() = rpc::ToDate(*b.profile.birth_date);
    if (!b.phone.empty()) person->set_phone(clear ? b.phone : mask::Phone(b.phone));
    person->set_household_size(b.household_size);
    for (const PoorRegistration& r : b.profile.poor_registrations) *person->add_poverty_registrations() = RegistrationProto(r);
    person->set_registered_poor(b.profile.PoorOn(as_of));
  }
  if (b.credit.checked_date) {
    v1::CreditStanding* c = p.mutable_credit();
    c->set_good_credit(b.profile.good_credit);
    c->set_bad_credit_record(b.profile.bad_credit_record);
    c->set_unresolved_legal_dispute(b.profile.unresolved_legal_dispute);
    *c->mutable_checked_date() = rpc::ToDate(*b.credit.checked_date);
    if (!b.credit.report.empty()) *c->mutable_report() = rpc::ToProto(b.credit.report);
  }
  if (!b.account.bank.empty()) {
    v1::SettlementAccount* a = p.mutable_settlement_account();
    a->set_bank(b.account.bank);
    a->set_account_number(clear ? b.account.account_number : mask::BankCard(b.account.account_number));
    a->set_holder_name(b.account.holder_name);
  }
  p.set_blacklisted(b.profile.blacklisted);
  if (b.profile.blacklisted) p.set_blacklist_entry(BlacklistEntryName(b.blacklist_entry_id));
  *p.mutable_create_time() = rpc::ToTimestamp(b.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(b.update_time);
  p.set_etag(rpc::Etag(b.version));
  return p;
}

v1::BlacklistEntry ToProto(const BlacklistEntry& e) {
  v1::BlacklistEntry p;
  p.set_name(BlacklistEntryName(e.id));
  p.set_borrower(BorrowerName(e.borrower_id));
  p.set_category(static_cast<v1::BlacklistCategory>(e.category));
  p.set_reason(e.reason);
  if (!e.loan_id.empty()) p.set_loan(rpc::FormatName("loans", e.loan_id));
  for (const domain::DocumentRef& d : e.evidence) *p.add_evidence() = rpc::ToProto(d);
  p.set_active(e.active);
  p.set_listed_by(e.listed_by);
  *p.mutable_list_time() = rpc::ToTimestamp(e.list_time);
  p.set_removed_by(e.removed_by);
  if (e.remove_time) *p.mutable_remove_time() = rpc::ToTimestamp(*e.remove_time);
  p.set_removal_reason(e.removal_reason);
  p.set_etag(rpc::Etag(e.version));
  return p;
}

void ReadBorrower(const v1::Borrower& in, const std::string& prefix, Borrower& b, rpc::Violations& v) {
  if (in.type() == v1::BORROWER_TYPE_UNSPECIFIED) {
    v.Add(Field(prefix, "type"), "required");
  } else if (!v1::BorrowerType_IsValid(in.type())) {
    v.Add(Field(prefix, "type"), absl::StrCat("unknown value ", in.type()));
  } else {
    b.profile.type = static_cast<BorrowerType>(in.type());
  }
  rpc::CheckText(in.display_name(), Field(prefix, "display_name"), 1, 200, v);
  b.display_name = in.display_name();
  b.unit_id = rpc::ParseName(in.unit(), "units", Field(prefix, "unit"), v);
  const bool typed = in.type() != v1::BORROWER_TYPE_UNSPECIFIED && v1::BorrowerType_IsValid(in.type());
  if (typed) ReadProfile(in, prefix, b, v);
  if (in.has_credit()) ReadCredit(in.credit(), Field(prefix, "credit"), b, v);
  if (in.has_settlement_account()) ReadAccount(in.settlement_account(), Field(prefix, "settlement_account"), b, v);
  if (typed) AddRecordViolations(b, prefix, v);
}

const std::set<std::string>& BorrowerUpdatableFields() {
  static const auto* fields = new std::set<std::string>{"display_name", "unit",   "person",
                                                        "organisation", "credit", "settlement_account"};
  return *fields;
}

void ApplyBorrowerMask(const v1::Borrower& in, const std::set<std::string>& paths, const std::string& prefix,
                       Borrower& b, rpc::Violations& v) {
  rpc::Violations fields;
  if (paths.contains("display_name")) {
    rpc::CheckText(in.display_name(), Field(prefix, "display_name"), 1, 200, fields);
    b.display_name = in.display_name();
  }
  if (paths.contains("unit")) b.unit_id = rpc::ParseName(in.unit(), "units", Field(prefix, "unit"), fields);
  if (paths.contains("person") || paths.contains("organisation")) {
    const std::string path = IsOrganisation(b.profile.type) ? "organisation" : "person";
    if (!paths.contains(path)) {
      const std::string named = path == "person" ? "organisation" : "person";
      fields.Add(Field(prefix, named), absl::StrCat("not for a ", BorrowerTypeName(b.profile.type)));
    } else {
      ReadProfile(in, prefix, b, fields);
    }
  }
  if (paths.contains("credit")) {
    if (!in.has_credit()) {
      fields.Add(Field(prefix, "credit"), "required when named in update_mask");
    } else {
      ReadCredit(in.credit(), Field(prefix, "credit"), b, fields);
    }
  }
  if (paths.contains("settlement_account")) {
    if (!in.has_settlement_account()) {
      fields.Add(Field(prefix, "settlement_account"), "required when named in update_mask");
    } else {
      ReadAccount(in.settlement_account(), Field(prefix, "settlement_account"), b, fields);
    }
  }
  AddRecordViolations(b, prefix, fields);
  rpc::KeepMasked(fields, prefix, paths, v);
}

PovertyChange ReadPovertyChange(const v1::PovertyStatusChange& in, const std::string& prefix, rpc::Violations& v) {
  PovertyChange change;
  if (in.kind() == v1::POVERTY_STATUS_CHANGE_KIND_UNSPECIFIED) {
    v.Add(Field(prefix, "kind"), "required");
  } else if (!v1::PovertyStatusChangeKind_IsValid(in.kind())) {
    v.Add(Field(prefix, "kind"), absl::StrCat("unknown value ", in.kind()));
  } else {
    change.kind = static_cast<PovertyChange::Kind>(in.kind());
  }
  const std::optional<absl::CivilDay> day = rpc::FromDate(in.effective_date(), Field(prefix, "effective_date"), v);
  if (!in.has_effective_date()) v.Add(Field(prefix, "effective_date"), "required");
  if (day) change.day = *day;
  rpc::CheckText(in.registration_number(), Field(prefix, "registration_number"), 0, 64, v);
  change.number = in.registration_number();
  change.document = rpc::ReadDocument(in.document(), Field(prefix, "document"), v);
  return change;
}

void ReadBlacklistEntry(const v1::BlacklistEntry& in, const std::string& prefix, BlacklistEntry& e,
                        rpc::Violations& v) {
  e.borrower_id = rpc::ParseName(in.borrower(), "borrowers", Field(prefix, "borrower"), v);
  if (in.category() == v1::BLACKLIST_CATEGORY_UNSPECIFIED) {
    v.Add(Field(prefix, "category"), "required");
  } else if (!v1::BlacklistCategory_IsValid(in.category())) {
    v.Add(Field(prefix, "category"), absl::StrCat("unknown value ", in.category()));
  } else {
    e.category = static_cast<BlacklistCategory>(in.category());
  }
  rpc::CheckText(in.reason(), Field(prefix, "reason"), 1, 4000, v);
  e.reason = in.reason();
  e.loan_id = rpc::ParseOptionalName(in.loan(), "loans", Field(prefix, "loan"), v);
  if (in.evidence_size() == 0) v.Add(Field(prefix, "evidence"), "at least one document");
  for (int i = 0; i < in.evidence_size(); ++i) {
    e.evidence.push_back(rpc::ReadDocument(in.evidence(i), absl::StrCat(prefix, ".evidence[", i, "]"), v));
  }
}

// A change's audit event, in its transaction; personal data always masked.
absl::Status RecordBorrower(server::Mutation& m, const BorrowerChange& c) {
  const v1::Borrower after = ToProto(c.after, m.today(), PersonalData::kMasked);
  std::optional<v1::Borrower> before;
  if (c.before) before = ToProto(*c.before, m.today(), PersonalData::kMasked);
  return m.Record({"borrower", after.name(), after.unit(), before ? &*before : nullptr, &after});
}

// The entry's event, then the borrower's when its `blacklisted` moved.
absl::Status RecordBlacklist(server::Mutation& m, const BlacklistChange& c) {
  const v1::BlacklistEntry after = ToProto(c.after);
  std::optional<v1::BlacklistEntry> before;
  if (c.before) before = ToProto(*c.before);
  RETURN_IF_ERROR(m.Record({"blacklist_entry", after.name(), rpc::FormatName("units", c.unit_id),
                            before ? &*before : nullptr, &after}));
  return c.borrower ? RecordBorrower(m, *c.borrower) : absl::OkStatus();
}


}  // namespace huinong::loans
