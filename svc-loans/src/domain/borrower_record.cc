// See borrower_record.h.
#include "svc-loans/src/domain/borrower_record.h"

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/credit_code.h"
#include "svc-loans/src/domain/id_card.h"

namespace huinong::loans {
std::vector<std::pair<std::string, std::string>> BorrowerViolations(const Borrower& b) {
  std::vector<std::pair<std::string, std::string>> v;
  auto add = [&](std::string field, std::string description) {
    v.emplace_back(std::move(field), std::move(description));
  };
  if (b.display_name.empty() || b.display_name.size() > 200) add("display_name", "1–200 bytes");
  const BorrowerProfile& p = b.profile;
  if (IsOrganisation(p.type)) {
    if (const std::optional<std::string> problem = CreditCodeProblem(b.credit_code)) {
      add("organisation.credit_code", *problem);
    }
    if (p.shareholder_households < 0) add("organisation.shareholder_households", "0 or more");
    if (p.poor_households_driven < 0) add("organisation.poor_households_driven", "0 or more");
    if (b.poor_households_lifted < 0) add("organisation.poor_households_lifted", "0 or more");
    return v;
  }
  if (const std::optional<std::string> problem = IdCardProblem(b.id_card_number)) {
    add("person.id_card_number", *problem);
  } else if (b.id_card_number != CanonicalIdCardNumber(b.id_card_number)) {
    add("person.id_card_number", "the check character X is written in capitals");
  } else if (p.birth_date != IdCardBirthDate(b.id_card_number)) {
    add("person.birth_date", "must be the birth date the identity number encodes");
  }
  for (size_t i = 0; i < p.poor_registrations.size(); ++i) {
    const PoorRegistration& r = p.poor_registrations[i];
    const std::string field = absl::StrCat("person.poor_registrations[", i, "]");
    if (r.lifted && *r.lifted <= r.registered) add(field + ".lifted", "after the day it was registered");
    if (i > 0) {
      const PoorRegistration& before = p.poor_registrations[i - 1];
      if (!before.lifted || r.registered < *before.lifted) {
        add(field + ".registered", "on or after the day the one before was lifted");
      }
    }
  }
  return v;
}

}  // namespace huinong::loans
