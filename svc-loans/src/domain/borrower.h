// A borrower as the lending rules see it: its type, the facts eligibility is
// judged on (000:1489-1491), and a household's poor-household registration,
// which is dated and changes (registered on a day; lifted out of poverty on a
// later day; possibly registered again).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"

namespace huinong::loans {

enum class BorrowerType {
  kHousehold = 1,          // 建档立卡贫困户 or another rural household
  kFamilyFarm = 2,         // 家庭农场
  kCooperative = 3,        // 农民合作社
  kLeadingEnterprise = 4,  // 县级扶贫龙头企业
  kShareCooperative = 5,   // 股份合作制经济组织
};
absl::string_view BorrowerTypeName(BorrowerType type);
// Households and family farms borrow as people (age, personal credit);
// the others as organisations (registration, accounts, households driven).
bool IsOrganisation(BorrowerType type);

// One period of a household's registration as poor: from `registered` until
// the day before `lifted` (lifted out of poverty), or open. The rules read
// the two days; the rest is the record of each end (the registration
// number, the notice or decision, who recorded it and when), kept with the
// period so a reader can tell who said so.
struct PoorRegistration {
  absl::CivilDay registered;
  std::optional<absl::CivilDay> lifted;
  std::string number{};  // 建档立卡 registration number
  domain::DocumentRef registration_document{};
  domain::DocumentRef lifting_document{};
  std::string registered_by{};  // "staff/{id}"
  absl::Time register_time{};
  std::string lifted_by{};
  absl::Time lift_time{};
};

// What the pledges of a counter-guarantee may be (000:1519, 000:1525).
enum class AssetKind {
  kHouse = 1,
  kLandUseRight = 2,
  kForestRight = 3,
  kConstructionLand = 4,
  kBuilding = 5,
  kEquipment = 6,
  kOrder = 7,
  kWarehouseReceipt = 8,
};
absl::string_view AssetKindName(AssetKind kind);

struct BorrowerProfile {
  BorrowerType type = BorrowerType::kHousehold;
  std::optional<absl::CivilDay> birth_date;  // people only
  std::vector<PoorRegistration> poor_registrations;
  bool good_credit = false;
  bool bad_credit_record = false;
  bool unresolved_legal_dispute = false;
  bool settlement_account_at_cooperating_bank = false;
  bool blacklisted = false;
  // Organisations (000:1491).
  bool registered = false;  // registered, licensed and tax-paying
  bool sound_accounting = false;
  bool leading_enterprise_qualification = false;
  int shareholder_households = 0;
  int poor_households_driven = 0;

  // Registered as poor on `day` (a period that ends the day it is lifted).
  bool PoorOn(absl::CivilDay day) const;
};

// Full years of age on `day` for someone born on `birth`; a 29 February
// birthday falls on 1 March in other years (the birthday has not come
// until February is over). Terms and due dates clamp instead (months.h:
// 31 January + 1 month is 28 February): a term must end inside its month,
// an age must not be reached early.
int AgeOn(absl::CivilDay birth, absl::CivilDay day);

}  // namespace huinong::loans
