// How units look to a person: a one-line label, a detail block, a table and
// a tree. Pure functions of the proto, so they are tested without a server.
#pragma once

#include <string>
#include <vector>

#include "huinong/org/v1/units.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// "固安县金融扶贫服务中心  [COUNTY centre]  units/01J..." (status added when
// not active: "... units/01J...  (frozen)").
std::string UnitLabel(const org::v1::Unit& unit);

// Every set field as "key  value" lines.
std::string UnitDetail(const org::v1::Unit& unit);

// NAME, DISPLAY NAME, LEVEL, KIND, STATUS, PARENT.
Table UnitTable(const std::vector<org::v1::Unit>& units);

// `units` depth-first from one or more roots (as ListUnitSubtree returns
// them); depths are taken relative to the shallowest unit.
std::string UnitTree(const std::vector<org::v1::Unit>& units);

// One row per dated version, oldest first as the server returns them:
// FROM..UNTIL ("2026-07-01.." while in force; UNTIL is the first day it no
// longer applies), DISPLAY NAME, PARENT ("-" for a root), STATUS, CHANGE
// REQUEST, and "(scheduled)" while the version's day has not come.
Table UnitHistoryTable(const std::vector<org::v1::UnitVersion>& versions);

// The units among `units` whose parent is empty or not itself in `units`:
// the tops of what a caller can see. In the order given.
std::vector<std::string> VisibleRoots(const std::vector<org::v1::Unit>& units);

}  // namespace huinong::ctl
