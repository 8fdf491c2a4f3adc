// The demo network and its loader; see demo_data.h.
#include "tools/huinongctl/src/demo_data.h"

#include <iostream>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/unit_format.h"

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

// Names of the demo units that exist before this run, so the summary can
// tell created from already present.
absl::StatusOr<std::set<std::string>> ExistingDemoUnits(const OrgClient& org) {
  std::set<std::string> names;
  absl::StatusOr<v1::Unit> root = FindSibling(org, "", DemoNetwork().front());
  if (absl::IsNotFound(root.status())) return names;
  if (!root.ok()) return root.status();
  ASSIGN_OR_RETURN(const std::vector<v1::Unit> subtree, org.Subtree(root->name(), 0, false));
  for (const v1::Unit& unit : subtree) names.insert(unit.name());
  return names;
}

absl::StatusOr<v1::Unit> Ensure(const OrgClient& org, const DemoUnit& demo, const std::string& parent) {
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

void PrintJsonSummary(int created, const std::vector<v1::Unit>& units) {
  std::string out = absl::StrCat("{\"created\":", created, ",\"total\":", units.size(),
                                 ",\"root\":\"", units.front().name(), "\",\"units\":[");
  for (size_t i = 0; i < units.size(); ++i) {
    absl::StatusOr<std::string> json = MessageJson(units[i]);
    absl::StrAppend(&out, i == 0 ? "" : ",", json.ok() ? *json : "null");
  }
  std::cout << out << "]}\n";
}

}  // namespace

const std::vector<DemoUnit>& DemoNetwork() {
  static const auto* network = new std::vector<DemoUnit>(BuildNetwork());
  return *network;
}

std::string DemoRequestId(int index) { return absl::StrCat("demo:unit:", index); }

absl::Status RunDemoLoad(const Invocation& inv) {
  RETURN_IF_ERROR(CheckUsage(inv, {}, 0));
  ASSIGN_OR_RETURN(ConnectionOptions options, ConnectionOptionsFrom(inv.config));
  const Connection connection(std::move(options));
  const OrgClient org(connection);

  ASSIGN_OR_RETURN(const std::set<std::string> existing, ExistingDemoUnits(org));
  std::vector<v1::Unit> units;  // by DemoUnit index - 1
  int created = 0;
  for (const DemoUnit& demo : DemoNetwork()) {
    const std::string parent = demo.parent == 0 ? "" : units[demo.parent - 1].name();
    absl::StatusOr<v1::Unit> unit = Ensure(org, demo, parent);
    if (!unit.ok()) {
      return Rephrased(unit.status(), absl::StrCat(demo.display_name, ": ", unit.status().message()));
    }
    if (!existing.contains(unit->name())) ++created;
    units.push_back(*std::move(unit));
  }
  if (inv.json) {
    PrintJsonSummary(created, units);
    return absl::OkStatus();
  }
  std::cout << UnitTree(units)
            << absl::StrCat("demo network: ", created, " created, ", units.size() - created,
                            " already present, ", units.size(), " total; root ",
                            units.front().display_name(), " (", units.front().name(), ")\n");
  return absl::OkStatus();
}

}  // namespace huinong::ctl
