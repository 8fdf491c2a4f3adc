// Proto <-> domain for units, and the shape checks of unit requests: every
// bad field is named with its path in the request ("unit.display_name").
#pragma once

#include <string>

#include "common/rpc/errors.h"
#include "huinong/org/v1/units.pb.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

v1::Unit ToProto(const Unit& unit);

// The fields a client may set on create; `prefix` is "unit".
// Fills `out` with what it could read; violations name each bad field.
void ReadUnitFields(const v1::Unit& in, const std::string& prefix, Unit& out, rpc::Violations& v);

// Checks one enum value of the request; 0 (unspecified) adds "required" if `required`.
bool ValidKind(int kind);
bool ValidLevel(int level);
bool ValidStatus(int status);

std::string UnitName(const std::string& id);
std::string Etag(const Unit& unit);

}  // namespace huinong::org
