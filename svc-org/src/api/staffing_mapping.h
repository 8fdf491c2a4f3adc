// Proto <-> domain for staffing standards and calculations, and the shape
// checks of their request fields: every bad field is named with its path in
// the request ("standard.per_unit.per", "inputs[2].value").
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/repeated_ptr_field.h>

#include "absl/status/statusor.h"
#include "common/rpc/errors.h"
#include "huinong/org/v1/standards.pb.h"
#include "svc-org/src/domain/staffing_calculator.h"
#include "svc-org/src/domain/staffing_compliance.h"
#include "svc-org/src/domain/staffing_rule.h"
#include "svc-org/src/store/standard_store.h"

namespace huinong::org {

inline constexpr char kStandardCollection[] = "staffingStandards";

std::string StandardName(const std::string& id);
// "{version}.{revision}": changes with every write of the version.
std::string StandardEtag(const store::StandardRecord& record);
v1::StaffingStandard ToProto(const store::StandardRecord& record);

// The update mask's paths, each checked against the updatable set.
std::set<std::string> UpdatePaths(const google::protobuf::FieldMask& mask, rpc::Violations& v);
// Checks the masked fields of `in` (violations under "standard.") and copies
// them onto `body`.
void ApplyUpdate(const v1::StaffingStandard& in, const std::set<std::string>& paths,
                 StaffingStandard& body, rpc::Violations& v);

// Status and effective_from of a create or update request, under "standard.".
void CheckStatusAndDate(const v1::StaffingStandard& in, bool status_required, rpc::Violations& v);

// Splits request inputs into driver values and (when `accept_actuals`) actual
// headcounts named "actual_<label>". Names each bad input: an unknown or
// repeated driver, a negative value, a fractional actual.
struct ReadInputsResult {
  Drivers drivers;
  std::map<std::string, int64_t> actuals;  // by line label
};
ReadInputsResult ReadInputs(const google::protobuf::RepeatedPtrField<v1::StaffingInput>& inputs,
                            const std::map<std::string, bool>& known_drivers, bool accept_actuals,
                            rpc::Violations& v);

// OUT_OF_RANGE when a value does not fit a Decimal.
absl::StatusOr<v1::StaffingCalculation> ToProto(const Calculation& calc,
                                                const store::StandardRecord& standard);
v1::ComplianceLine ToProto(const ComplianceLineResult& line);

}  // namespace huinong::org
