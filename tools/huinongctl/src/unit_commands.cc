// `huinongctl unit ...`: the unit registry of svc-org from the shell. Writes
// always carry a request id (given, or a new ULID that is printed, also on
// failure) so a retry after a timeout is safe; move and update fetch the
// current etag when none is given, so the common case needs no extra step.
// get, tree and ancestors take --as-of to read the dated structure of a past
// or scheduled day; history lists a unit's dated versions.
#include <iostream>
#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "google/protobuf/field_mask.pb.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/names.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/subcommands.h"
#include "tools/huinongctl/src/unit_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

// "units/X" stays; a bare id gets the prefix, so an id pasted from a table works.
std::string UnitName(const std::string& text) {
  return text.find('/') == std::string::npos ? "units/" + text : text;
}

absl::StatusOr<std::string> OneUnitArg(const Invocation& inv) {
  if (inv.args.empty()) return UsageError("which unit? give units/ID");
  return UnitName(inv.args[0]);
}

// The enum parsers' INVALID_ARGUMENT is the user's typo: a usage error.
template <typename Enum>
absl::StatusOr<Enum> EnumFlag(absl::StatusOr<Enum> parsed) {
  if (!parsed.ok()) return AsUsageError(parsed.status());
  return parsed;
}

// --as-of as a day, or unset: the current registry.
absl::StatusOr<std::optional<type::v1::Date>> AsOfFlag(const Invocation& inv) {
  if (!inv.config.Has("as_of")) return std::optional<type::v1::Date>();
  absl::StatusOr<type::v1::Date> day = ParseDate(inv.config.String("as_of"));
  if (!day.ok()) return UsageError(absl::StrCat("--as-of: ", day.status().message()));
  return std::optional<type::v1::Date>(*day);
}

absl::StatusOr<int> IntFlag(const Invocation& inv, const std::string& key, int def) {
  absl::StatusOr<int64_t> value = inv.config.Int(key, def);
  if (!value.ok()) return AsUsageError(value.status());
  if (*value < 0 || *value > 1000000) return UsageError(absl::StrCat("--", key, " out of range"));
  return static_cast<int>(*value);
}

std::string RequestIdOf(const Invocation& inv) {
  std::string id = inv.config.String("request_id");
  return id.empty() ? NewUlid() : id;
}

// The failure with the request id appended, keeping code and details, so
// the user can retry a write whose outcome they did not see.
absl::Status WithRequestId(const absl::Status& status, const std::string& request_id) {
  if (IsUsageError(status)) return status;  // nothing was sent
  return Rephrased(status, absl::StrCat(status.message(), " (request id ", request_id,
                                       "; retry with --request-id=", request_id, ")"));
}

absl::Status PrintJson(const google::protobuf::Message& message) {
  ASSIGN_OR_RETURN(const std::string json, MessageJson(message));
  std::cout << json << "\n";
  return absl::OkStatus();
}

absl::Status Create(const Invocation& inv, const OrgClient& org) {
  v1::CreateUnitRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Unit& unit = *request.mutable_unit();
  ASSIGN_OR_RETURN(*unit.mutable_display_name(), RequiredFlag(inv, "name"));
  ASSIGN_OR_RETURN(const std::string kind, RequiredFlag(inv, "kind"));
  ASSIGN_OR_RETURN(const std::string level, RequiredFlag(inv, "level"));
  ASSIGN_OR_RETURN(const v1::UnitKind parsed_kind, EnumFlag(ParseKind(kind)));
  ASSIGN_OR_RETURN(const type::v1::Level parsed_level, EnumFlag(ParseLevel(level)));
  unit.set_kind(parsed_kind);
  unit.set_level(parsed_level);
  if (inv.config.Has("parent")) unit.set_parent(UnitName(inv.config.String("parent")));
  unit.set_code(inv.config.String("code"));
  if (inv.config.Has("status")) {
    ASSIGN_OR_RETURN(const v1::UnitStatus status, EnumFlag(ParseStatus(inv.config.String("status"))));
    unit.set_status(status);
  }
  if (const auto it = inv.repeated.find("function"); it != inv.repeated.end()) {
    for (const std::string& text : it->second) unit.add_functions(text);
  }
  absl::StatusOr<v1::Unit> created = org.CreateUnit(request);
  if (!created.ok()) return WithRequestId(created.status(), request.request_id());
  if (inv.json) return PrintJson(*created);
  std::cout << "created " << UnitLabel(*created) << "\n"
            << UnitDetail(*created) << "request_id    " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status Get(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, OneUnitArg(inv));
  ASSIGN_OR_RETURN(const std::optional<type::v1::Date> as_of, AsOfFlag(inv));
  ASSIGN_OR_RETURN(const v1::Unit unit, org.GetUnit(name, as_of));
  if (inv.json) return PrintJson(unit);
  std::cout << UnitDetail(unit);
  return absl::OkStatus();
}

absl::Status List(const Invocation& inv, const OrgClient& org) {
  v1::ListUnitsRequest request;
  if (inv.config.Has("parent")) request.set_parent(UnitName(inv.config.String("parent")));
  if (inv.config.Has("level")) {
    ASSIGN_OR_RETURN(const type::v1::Level level, EnumFlag(ParseLevel(inv.config.String("level"))));
    if (level == type::v1::LEVEL_UNSPECIFIED) {
      return UsageError("--level none cannot be a filter (the API reads it as \"any level\")");
    }
    request.set_level(level);
  }
  if (inv.config.Has("kind")) {
    ASSIGN_OR_RETURN(const v1::UnitKind kind, EnumFlag(ParseKind(inv.config.String("kind"))));
    request.set_kind(kind);
  }
  if (inv.config.Has("status")) {
    ASSIGN_OR_RETURN(const v1::UnitStatus status, EnumFlag(ParseStatus(inv.config.String("status"))));
    request.set_status(status);
  }
  ASSIGN_OR_RETURN(const int page_size, IntFlag(inv, "page_size", 0));
  request.set_page_size(page_size);
  request.set_page_token(inv.config.String("page_token"));
  absl::StatusOr<bool> all = inv.config.Bool("all", false);
  if (!all.ok()) return AsUsageError(all.status());

  v1::ListUnitsResponse response;
  if (*all) {
    ASSIGN_OR_RETURN(std::vector<v1::Unit> units, org.ListAllUnits(request));
    for (v1::Unit& unit : units) *response.add_units() = std::move(unit);
  } else {
    ASSIGN_OR_RETURN(response, org.ListUnits(request));
  }
  if (inv.json) return PrintJson(response);
  const std::vector<v1::Unit> units(response.units().begin(), response.units().end());
  std::cout << UnitTable(units).Render();
  if (!response.next_page_token().empty()) {
    std::cout << "next page: --page-token=" << response.next_page_token() << "\n";
  }
  return absl::OkStatus();
}

absl::Status Tree(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const int depth, IntFlag(inv, "depth", 0));
  absl::StatusOr<bool> include_abolished = inv.config.Bool("include_abolished", false);
  if (!include_abolished.ok()) return AsUsageError(include_abolished.status());
  ASSIGN_OR_RETURN(const std::optional<type::v1::Date> as_of, AsOfFlag(inv));
  std::vector<std::string> roots;
  if (!inv.args.empty()) {
    roots.push_back(UnitName(inv.args[0]));
  } else {
    // A scoped caller sees a subtree (and its ancestors); its tops are the
    // units whose parent they cannot see.
    ASSIGN_OR_RETURN(const std::vector<v1::Unit> visible, org.ListAllUnits(v1::ListUnitsRequest()));
    roots = VisibleRoots(visible);
  }
  v1::ListUnitSubtreeResponse all;
  std::string text;
  for (const std::string& root : roots) {
    ASSIGN_OR_RETURN(const std::vector<v1::Unit> subtree, org.Subtree(root, depth, *include_abolished, as_of));
    text += UnitTree(subtree);
    for (const v1::Unit& unit : subtree) *all.add_units() = unit;
  }
  if (inv.json) return PrintJson(all);
  std::cout << (text.empty() ? "(no units visible)\n" : text);
  return absl::OkStatus();
}

absl::Status Ancestors(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, OneUnitArg(inv));
  ASSIGN_OR_RETURN(const std::optional<type::v1::Date> as_of, AsOfFlag(inv));
  ASSIGN_OR_RETURN(const v1::GetUnitAncestorsResponse response, org.GetUnitAncestors(name, as_of));
  if (inv.json) return PrintJson(response);
  ASSIGN_OR_RETURN(const v1::Unit unit, org.GetUnit(name, as_of));
  std::vector<TreeRow> rows;
  for (const v1::Unit& ancestor : response.ancestors()) {
    rows.push_back({static_cast<int>(rows.size()), UnitLabel(ancestor)});
  }
  rows.push_back({static_cast<int>(rows.size()), UnitLabel(unit)});
  std::cout << RenderTree(rows);
  return absl::OkStatus();
}

absl::Status History(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, OneUnitArg(inv));
  v1::ListUnitHistoryRequest request;
  request.set_name(name);
  request.set_page_size(kFullPage);
  v1::ListUnitHistoryResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListUnitHistoryResponse page,
                     org.Call<v1::ListUnitHistoryResponse>(&v1::UnitService::Stub::ListUnitHistory, request));
    all.mutable_versions()->MergeFrom(page.versions());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintJson(all);
  const std::vector<v1::UnitVersion> versions(all.versions().begin(), all.versions().end());
  std::cout << UnitHistoryTable(versions).Render();
  return absl::OkStatus();
}

// The etag given, or the unit's current one.
absl::StatusOr<std::string> EtagFor(const Invocation& inv, const OrgClient& org, const std::string& name) {
  std::string etag = inv.config.String("etag");
  if (!etag.empty()) return etag;
  ASSIGN_OR_RETURN(const v1::Unit current, org.GetUnit(name));
  return current.etag();
}

absl::Status Move(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, OneUnitArg(inv));
  ASSIGN_OR_RETURN(const std::string to, RequiredFlag(inv, "to"));
  v1::MoveUnitRequest request;
  request.set_request_id(RequestIdOf(inv));
  request.set_name(name);
  request.set_new_parent(UnitName(to));
  ASSIGN_OR_RETURN(*request.mutable_etag(), EtagFor(inv, org, name));
  absl::StatusOr<v1::Unit> moved = org.MoveUnit(request);
  if (!moved.ok()) return WithRequestId(moved.status(), request.request_id());
  if (inv.json) return PrintJson(*moved);
  std::cout << "moved " << UnitLabel(*moved) << "\n"
            << "parent      " << moved->parent() << "\n"
            << "request_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

absl::Status Update(const Invocation& inv, const OrgClient& org) {
  ASSIGN_OR_RETURN(const std::string name, OneUnitArg(inv));
  v1::UpdateUnitRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Unit& unit = *request.mutable_unit();
  unit.set_name(name);
  google::protobuf::FieldMask& mask = *request.mutable_update_mask();
  if (inv.config.Has("name")) {
    ASSIGN_OR_RETURN(*unit.mutable_display_name(), RequiredFlag(inv, "name"));
    mask.add_paths("display_name");
  }
  if (inv.config.Has("status")) {
    ASSIGN_OR_RETURN(const v1::UnitStatus status, EnumFlag(ParseStatus(inv.config.String("status"))));
    unit.set_status(status);
    mask.add_paths("status");
  }
  if (inv.config.Has("kind")) {
    ASSIGN_OR_RETURN(const v1::UnitKind kind, EnumFlag(ParseKind(inv.config.String("kind"))));
    unit.set_kind(kind);
    mask.add_paths("kind");
  }
  if (inv.config.Has("code")) {
    unit.set_code(inv.config.String("code"));  // --code= clears it
    mask.add_paths("code");
  }
  if (const auto it = inv.repeated.find("function"); it != inv.repeated.end()) {
    for (const std::string& text : it->second) unit.add_functions(text);
    mask.add_paths("functions");
  }
  if (mask.paths().empty()) {
    return UsageError("nothing to change: give --name, --status, --kind, --code or --function");
  }
  ASSIGN_OR_RETURN(*unit.mutable_etag(), EtagFor(inv, org, name));
  absl::StatusOr<v1::Unit> updated = org.UpdateUnit(request);
  if (!updated.ok()) return WithRequestId(updated.status(), request.request_id());
  if (inv.json) return PrintJson(*updated);
  std::cout << "updated " << UnitLabel(*updated) << " ("
            << absl::StrJoin(mask.paths(), ", ") << ")\n"
            << "request_id  " << request.request_id() << "\n";
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"unit create", {&Create, {"name", "kind", "level", "parent", "code", "status", "function", "request_id"}, 0}},
      {"unit get", {&Get, {"as_of"}, 1}},
      {"unit list", {&List, {"parent", "level", "kind", "status", "page_size", "page_token", "all"}, 0}},
      {"unit tree", {&Tree, {"depth", "include_abolished", "as_of"}, 1}},
      {"unit ancestors", {&Ancestors, {"as_of"}, 1}},
      {"unit history", {&History, {}, 1}},
      {"unit move", {&Move, {"to", "etag", "request_id"}, 1}},
      {"unit update", {&Update, {"name", "status", "kind", "code", "function", "etag", "request_id"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunUnit(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
