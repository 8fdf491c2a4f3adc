// The demo county network `huinongctl demo load` creates: 固安县's county
// financial-poverty-alleviation service centre, four township financial
// service departments and their village service stations (seeds: 固安县金融
// 精准扶贫工作方案; three-level county/township/village service system).
//
// Loading is idempotent: every unit has a fixed request id ("demo:unit:<n>"),
// so a second run is answered from the server's request log and changes
// nothing; a unit that already exists under its parent with the same name
// (made by another caller, whose request ids are not ours) is adopted.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "huinong/org/v1/units.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::ctl {

struct DemoUnit {
  int index = 0;    // 1-based; fixes the request id
  int parent = 0;   // index of the parent; 0 for the root
  std::string display_name;
  org::v1::UnitKind kind = org::v1::UNIT_KIND_UNSPECIFIED;
  type::v1::Level level = type::v1::LEVEL_UNSPECIFIED;
  std::vector<std::string> functions;
};

// Depth-first (each unit before its children), indexes 1..N in order.
const std::vector<DemoUnit>& DemoNetwork();

// "demo:unit:<index>".
std::string DemoRequestId(int index);

class OrgClient;
// Creates `demo` under `parent` ("" = a root) with its fixed request id, or
// adopts the open sibling of the same name (DUPLICATE_NAME).
absl::StatusOr<org::v1::Unit> EnsureDemoUnit(const OrgClient& org, const DemoUnit& demo,
                                             const std::string& parent);

}  // namespace huinong::ctl
