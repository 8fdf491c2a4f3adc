// A county policy's settings as stored (county_policies.settings_json): every
// setting of the domain CountyPolicy by its own name, enums as their numbers,
// written with nlohmann-json (keys sorted). A setting missing from the text —
// one added after the row was written — reads as the domain's default, so a
// new setting needs no migration of old versions.
#pragma once

#include <string>

#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans::store {

std::string EncodeSettings(const CountyPolicy& policy);
// The member holding a partner role's list of organisation ids ("bank_ids", …).
const char* PartnerKey(PartnerRole role);
// Fills the settings of `out`; id, county, day, revision and times are columns.
void DecodeSettings(const std::string& json, CountyPolicy& out);

}  // namespace huinong::loans::store
