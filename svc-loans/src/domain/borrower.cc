// See borrower.h.
#include "svc-loans/src/domain/borrower.h"

namespace huinong::loans {

absl::string_view BorrowerTypeName(BorrowerType type) {
  switch (type) {
    case BorrowerType::kHousehold: return "HOUSEHOLD";
    case BorrowerType::kFamilyFarm: return "FAMILY_FARM";
    case BorrowerType::kCooperative: return "COOPERATIVE";
    case BorrowerType::kLeadingEnterprise: return "LEADING_ENTERPRISE";
    case BorrowerType::kShareCooperative: return "SHARE_COOPERATIVE";
  }
  return "UNKNOWN";
}

bool IsOrganisation(BorrowerType type) {
  return type == BorrowerType::kCooperative || type == BorrowerType::kLeadingEnterprise ||
         type == BorrowerType::kShareCooperative;
}

absl::string_view AssetKindName(AssetKind kind) {
  switch (kind) {
    case AssetKind::kHouse: return "HOUSE";
    case AssetKind::kLandUseRight: return "LAND_USE_RIGHT";
    case AssetKind::kForestRight: return "FOREST_RIGHT";
    case AssetKind::kConstructionLand: return "CONSTRUCTION_LAND";
    case AssetKind::kBuilding: return "BUILDING";
    case AssetKind::kEquipment: return "EQUIPMENT";
    case AssetKind::kOrder: return "ORDER";
    case AssetKind::kWarehouseReceipt: return "WAREHOUSE_RECEIPT";
  }
  return "UNKNOWN";
}

bool BorrowerProfile::PoorOn(absl::CivilDay day) const {
  for (const PoorRegistration& r : poor_registrations) {
    if (r.registered <= day && (!r.lifted || day < *r.lifted)) return true;
  }
  return false;
}

int AgeOn(absl::CivilDay birth, absl::CivilDay day) {
  int age = static_cast<int>(day.year() - birth.year());
  // This year's birthday, normalised: 29 February becomes 1 March.
  const absl::CivilDay birthday(day.year(), birth.month(), birth.day());
  if (day < birthday) --age;
  return age;
}

}  // namespace huinong::loans
