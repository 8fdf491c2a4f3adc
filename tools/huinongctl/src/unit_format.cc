// Unit rendering for people; see unit_format.h.
#include "tools/huinongctl/src/unit_format.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/names.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

std::string DateText(const type::v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string TimeText(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", rpc::FromTimestamp(ts), absl::UTCTimeZone());
}

}  // namespace

std::string UnitLabel(const v1::Unit& unit) {
  std::string out = absl::StrCat(unit.display_name(), "  [", LevelName(unit.level()), " ",
                                 KindName(unit.kind()), "]  ", unit.name());
  if (unit.status() != v1::UNIT_STATUS_ACTIVE) absl::StrAppend(&out, "  (", StatusName(unit.status()), ")");
  return out;
}

std::string UnitDetail(const v1::Unit& unit) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", unit.name()},
      {"display_name", unit.display_name()},
      {"kind", KindName(unit.kind())},
      {"level", LevelName(unit.level())},
      {"parent", unit.parent().empty() ? "(root)" : unit.parent()},
      {"status", StatusName(unit.status())},
  };
  if (!unit.code().empty()) rows.emplace_back("code", unit.code());
  for (int i = 0; i < unit.functions_size(); ++i) {
    rows.emplace_back(i == 0 ? "functions" : "", unit.functions(i));
  }
  const std::string from = DateText(unit.effective_from());
  const std::string to = DateText(unit.effective_to());
  if (!from.empty() || !to.empty()) rows.emplace_back("effective", absl::StrCat(from, " .. ", to));
  rows.emplace_back("depth", absl::StrCat(unit.depth()));
  if (unit.has_create_time()) rows.emplace_back("created", TimeText(unit.create_time()));
  if (unit.has_update_time()) rows.emplace_back("updated", TimeText(unit.update_time()));
  if (!unit.etag().empty()) rows.emplace_back("etag", unit.etag());
  return KeyValueBlock(rows);
}

Table UnitTable(const std::vector<v1::Unit>& units) {
  Table table({"NAME", "DISPLAY NAME", "LEVEL", "KIND", "STATUS", "PARENT"});
  for (const v1::Unit& unit : units) {
    table.AddRow({unit.name(), unit.display_name(), LevelName(unit.level()), KindName(unit.kind()),
                  StatusName(unit.status()), unit.parent().empty() ? "-" : unit.parent()});
  }
  return table;
}

std::string UnitTree(const std::vector<v1::Unit>& units) {
  if (units.empty()) return "";
  int base = units.front().depth();
  for (const v1::Unit& unit : units) base = std::min(base, unit.depth());
  std::vector<TreeRow> rows;
  rows.reserve(units.size());
  for (const v1::Unit& unit : units) rows.push_back({unit.depth() - base, UnitLabel(unit)});
  return RenderTree(rows);
}

Table UnitHistoryTable(const std::vector<v1::UnitVersion>& versions) {
  Table table({"FROM..UNTIL", "DISPLAY NAME", "PARENT", "STATUS", "CHANGE REQUEST", ""});
  for (const v1::UnitVersion& version : versions) {
    const v1::Unit& unit = version.unit();
    table.AddRow({absl::StrCat(DateText(version.valid_from()), "..", DateText(version.valid_until())),
                  unit.display_name(), unit.parent().empty() ? "-" : unit.parent(), StatusName(unit.status()),
                  version.change_request().empty() ? "-" : version.change_request(),
                  version.scheduled() ? "(scheduled)" : ""});
  }
  return table;
}

std::vector<std::string> VisibleRoots(const std::vector<v1::Unit>& units) {
  std::set<std::string> names;
  for (const v1::Unit& unit : units) names.insert(unit.name());
  std::vector<std::string> roots;
  for (const v1::Unit& unit : units) {
    if (unit.parent().empty() || !names.contains(unit.parent())) roots.push_back(unit.name());
  }
  return roots;
}

}  // namespace huinong::ctl
