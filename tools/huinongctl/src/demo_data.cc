// The demo network and how one demo unit is made or adopted; see demo_data.h.
#include "tools/huinongctl/src/demo_data.h"


#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/org_client.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

constexpr char kCounty[] = "固安县金融扶贫服务中心";

// The duties the seeds give each level of the three-level service system.
const std::vector<std::string> kCountyFunctions = {
    "统筹全县金融扶贫工作", "审核扶贫小额信贷申请", "管理风险补偿金与贴息"};
const std::vector<std::string> kTownshipFunctions = {
    "组织贷前调查与推荐", "开展贷后管理", "督促按期还款"};
const std::vector<std::string> kVillageFunctions = {
    "宣传金融扶贫政策", "采集农户信息与信用评定", "受理贷款申请"};

struct Township {
  const char* town;  // 镇
  std::vector<const char*> villages;  // 村
};

// 固安县's towns; the villages are ones of the kind found there.
const std::vector<Township> kTownships = {
    {"宫村镇", {"大韩寨村", "东张务村", "西小屯村"}},
    {"柳泉镇", {"柳泉村", "北常庄村", "东北庄村"}},
    {"牛驼镇", {"北房上村", "林城村"}},
    {"马庄镇", {"北马村", "杨家园村"}},
};

std::vector<DemoUnit> BuildNetwork() {
  std::vector<DemoUnit> units;
  units.push_back({.index = 1, .parent = 0, .display_name = kCounty, .kind = v1::UNIT_KIND_CENTRE,
                   .level = type::v1::LEVEL_COUNTY, .functions = kCountyFunctions});
  for (const Township& township : kTownships) {
    const int town_index = static_cast<int>(units.size()) + 1;
    units.push_back({.index = town_index, .parent = 1,
                     .display_name = absl::StrCat(township.town, "金融服务部"),
                     .kind = v1::UNIT_KIND_DEPARTMENT, .level = type::v1::LEVEL_TOWNSHIP,
                     .functions = kTownshipFunctions});
    for (const char* village : township.villages) {
      units.push_back({.index = static_cast<int>(units.size()) + 1, .parent = town_index,
                       .display_name = absl::StrCat(village, "金融扶贫服务站"),
                       .kind = v1::UNIT_KIND_STATION, .level = type::v1::LEVEL_VILLAGE,
                       .functions = kVillageFunctions});
    }
  }
  return units;
}

// An open unit named `display_name` directly under `parent` ("" = a root).
absl::StatusOr<v1::Unit> FindSibling(const OrgClient& org, const std::string& parent,
                                     const DemoUnit& demo) {
  v1::ListUnitsRequest request;
  request.set_parent(parent);
  request.set_level(demo.level);
  request.set_kind(demo.kind);
  ASSIGN_OR_RETURN(const std::vector<v1::Unit> units, org.ListAllUnits(request));
  for (const v1::Unit& unit : units) {
    if (unit.parent() == parent && unit.display_name() == demo.display_name &&
        unit.status() != v1::UNIT_STATUS_ABOLISHED) {
      return unit;
    }
  }
  return absl::NotFoundError(absl::StrCat("no unit \"", demo.display_name, "\" under ",
                                          parent.empty() ? "the root" : parent));
}

}  // namespace

absl::StatusOr<v1::Unit> EnsureDemoUnit(const OrgClient& org, const DemoUnit& demo,
                                        const std::string& parent) {
  v1::CreateUnitRequest request;
  request.set_request_id(DemoRequestId(demo.index));
  v1::Unit& unit = *request.mutable_unit();
  unit.set_display_name(demo.display_name);
  unit.set_kind(demo.kind);
  unit.set_level(demo.level);
  unit.set_parent(parent);
  unit.set_status(v1::UNIT_STATUS_ACTIVE);
  for (const std::string& text : demo.functions) unit.add_functions(text);
  absl::StatusOr<v1::Unit> created = org.CreateUnit(request);
  if (absl::IsAlreadyExists(created.status()) && rpc::ReasonOf(created.status()) == "DUPLICATE_NAME") {
    return FindSibling(org, parent, demo);
  }
  return created;
}

const std::vector<DemoUnit>& DemoNetwork() {
  static const auto* network = new std::vector<DemoUnit>(BuildNetwork());
  return *network;
}

std::string DemoRequestId(int index) { return absl::StrCat("demo:unit:", index); }

}  // namespace huinong::ctl
