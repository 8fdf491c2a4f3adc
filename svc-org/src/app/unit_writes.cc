// See unit_writes.h.
#include "svc-org/src/app/unit_writes.h"

#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "common/db/savepoint.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/app/org_identity.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/unit_history.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

// Levels of the units on `path`, root first.
absl::StatusOr<std::vector<Level>> LevelsOn(sql::Connection& conn, const std::string& path) {
  ASSIGN_OR_RETURN(std::vector<Unit> chain, store::GetUnits(conn, PathIds(path)));
  std::vector<Level> levels;
  for (const auto& u : chain) levels.push_back(u.level);
  return levels;
}

// The rules of moving `unit` (with its subtree) under `parent`: the parent
// open, the level rules along the new ancestors, no cycle. Locks the subtree.
absl::Status CheckMoveUnder(sql::Connection& conn, const Unit& unit, const Unit& parent) {
  RETURN_IF_ERROR(CheckParentOpen(parent));
  // The subtree is locked before its levels are read: a county created inside
  // it meanwhile would otherwise slip past the check below.
  RETURN_IF_ERROR(store::LockSubtree(conn, unit.path).status());
  ASSIGN_OR_RETURN(std::vector<Level> ancestors, LevelsOn(conn, parent.path));
  bool has_county = false;
  if (unit.level == Level::kNone) {
    ASSIGN_OR_RETURN(has_county, store::SubtreeHasLevel(conn, unit.path, Level::kCounty));
  }
  return CheckMove(unit, parent, ancestors, has_county);
}

absl::Status CheckUnitEtag(const std::optional<std::string>& given, const Unit& unit) {
  if (!given || *given == Etag(unit)) return absl::OkStatus();
  return rpc::Aborted("STALE_ETAG", absl::StrCat(UnitName(unit.id),
                                                 " was changed by someone else; read it again"));
}

// The audit event of a unit write. A unit belongs to itself: a township
// auditor sees its own units' history.
server::AuditEntry UnitEntry(std::string method, std::string request_id, const v1::Unit* before,
                             const v1::Unit& after) {
  return server::AuditEntry("unit", after.name(), after.name(), before, &after)
      .For(std::move(method), std::move(request_id));
}

// Plans a write (domain/unit_history.h) on the locked registry row `row`; a
// scheduled version whose day has come (the job not having run yet) takes
// effect first and `row` is re-read.
absl::StatusOr<UnitVersionPlan> PlanVersion(server::Mutation& m, Unit& row, const WriteDay& when) {
  sql::Connection& conn = m.tx();
  ASSIGN_OR_RETURN(std::optional<UnitVersion> latest, store::LatestVersion(conn, row.id, true));
  if (latest && DueOn(*latest, when.today)) {
    RETURN_IF_ERROR(TakeEffect(m, *latest).status());
    ASSIGN_OR_RETURN(row, LoadUnit(conn, row.id, /*for_update=*/true));
    ASSIGN_OR_RETURN(latest, store::LatestVersion(conn, row.id, true));
  }
  return PlanUnitVersion(row, latest, when.day, when.today, !when.change_request_id.empty());
}

// Writes `after` as the unit's terms from plan.day: into the registry and a
// version when the day has come, else as a scheduled version only.
absl::StatusOr<v1::Unit> Save(sql::Connection& conn, const WriteBy& by, absl::string_view method,
                              const v1::Unit& before, Unit after, const UnitVersionPlan& plan,
                              const WriteDay& when) {
  const bool scheduled = plan.day > when.today;
  if (!scheduled) {
    after.version += 1;
    after.update_time = by.change.now();
    RETURN_IF_ERROR(store::UpdateUnit(conn, after));
  }
  RETURN_IF_ERROR(store::RecordVersion(conn, after, plan.latest_from, plan.day, when.change_request_id, scheduled));
  v1::Unit out = ToProto(after);
  RETURN_IF_ERROR(by.change.Record(UnitEntry(std::string(method), by.request_id, &before, out)));
  return out;
}

// Moves the registry row of `unit` (and its subtree) under `parent`.
absl::StatusOr<Unit> MoveRow(sql::Connection& conn, const Unit& unit, const Unit& parent, absl::Time now) {
  ASSIGN_OR_RETURN(int deepest, store::LockSubtree(conn, unit.path));
  RETURN_IF_ERROR(CheckDepth(parent.depth + 1 + (deepest - unit.depth)));
  RETURN_IF_ERROR(store::MoveSubtree(conn, unit, parent.id, ChildPath(&parent, unit.id),
                                     parent.depth + 1, now));
  return LoadUnit(conn, unit.id);
}

// Copies a due scheduled version into the registry, judged again by the rules
// of a direct write: the structure may have moved on since the approval (the
// new parent abolished, a sibling of the same name, children added).
absl::Status ApplyVersion(server::Mutation& m, const UnitVersion& v) {
  sql::Connection& conn = m.tx();
  ASSIGN_OR_RETURN(Unit row, LoadUnit(conn, v.unit.id, /*for_update=*/true));
  const v1::Unit before = ToProto(row);
  if (v.unit.parent_id != row.parent_id) {
    ASSIGN_OR_RETURN(Unit parent, LoadUnit(conn, v.unit.parent_id, /*for_update=*/true));
    RETURN_IF_ERROR(CheckMoveUnder(conn, row, parent));
    ASSIGN_OR_RETURN(row, MoveRow(conn, row, parent, m.now()));
  }
  int open_children = 0;
  if (v.unit.status == UnitStatus::kAbolished && row.status != UnitStatus::kAbolished) {
    ASSIGN_OR_RETURN(open_children, store::CountOpenChildren(conn, row.id));
  }
  RETURN_IF_ERROR(CheckTransition(row.status, v.unit.status, open_children));
  row.display_name = v.unit.display_name;
  row.kind = v.unit.kind;
  row.status = v.unit.status;
  row.code = v.unit.code;
  row.functions = v.unit.functions;
  row.effective_from = v.unit.effective_from;
  row.effective_to = v.unit.effective_to;
  row.version += 1;
  row.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateUnit(conn, row));
  RETURN_IF_ERROR(store::MarkVersionApplied(conn, row.id, v.valid_from));
  const v1::Unit after = ToProto(row);
  server::AuditEntry entry =
      UnitEntry("ScheduledUnitChange", absl::StrCat("changeRequests/", v.change_request_id), &before, after);
  entry.actor = &SystemActor();
  return m.Record(entry);
}

// Refusals by the rules, as opposed to failures of the database.
bool IsRuleRefusal(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kInvalidArgument:
      return true;
    default:
      return false;
  }
}

}  // namespace

absl::StatusOr<bool> TakeEffect(server::Mutation& m, const UnitVersion& v) {
  sql::Connection& conn = m.tx();
  db::Savepoint before_version(conn, "scheduled_unit_version");
  const absl::Status applied = ApplyVersion(m, v);
  if (applied.ok()) return true;
  if (!IsRuleRefusal(applied)) return applied;
  // The version never takes effect: it is dropped, the one before stays in
  // force, and the refusal is on the audit trail and in the log.
  before_version.RollBack();
  RETURN_IF_ERROR(store::DropScheduledVersion(conn, v.unit.id, v.valid_from));
  ASSIGN_OR_RETURN(Unit row, LoadUnit(conn, v.unit.id));
  const v1::Unit unchanged = ToProto(row);
  server::AuditEntry entry = UnitEntry("ScheduledUnitChangeRefused",
                                       absl::StrCat("changeRequests/", v.change_request_id), &unchanged, unchanged);
  entry.actor = &SystemActor();
  RETURN_IF_ERROR(m.Record(entry));
  log::Warn("scheduled unit version refused",
            {{"unit", UnitName(v.unit.id)},
             {"change_request", absl::StrCat("changeRequests/", v.change_request_id)},
             {"reason", rpc::ReasonOf(applied)},
             {"error", std::string(applied.message())}});
  return false;
}

const std::set<std::string>& UnitUpdatableFields() {
  static const auto* fields = new std::set<std::string>{
      "display_name", "kind", "status", "code", "functions", "effective_from", "effective_to"};
  return *fields;
}

// Applies the masked fields of `in` to `unit`; violations name request fields.
void ApplyUnitMask(const v1::Unit& in, const google::protobuf::FieldMask& mask, Unit& unit,
               rpc::Violations& v) {
  Unit incoming;
  rpc::Violations all;
  ReadUnitFields(in, "unit", incoming, all);
  std::set<std::string> paths(mask.paths().begin(), mask.paths().end());
  for (const auto& fv : all.list()) {
    std::string path = fv.field.substr(5);  // drop "unit."
    path = path.substr(0, path.find_first_of(".["));
    if (paths.count(path)) v.Add(fv.field, fv.description);
  }
  if (paths.count("status") && in.status() == 0) v.Add("unit.status", "required");
  CopyUnitFields(paths, incoming, unit);
  if (!EffectiveDatesOrdered(unit.effective_from, unit.effective_to)) {
    v.Add("unit.effective_to", "must not be before effective_from");
  }
}


absl::StatusOr<v1::Unit> CreateUnitIn(const WriteBy& by, Unit unit,
                                      const std::string& parent_id, const WriteDay& when) {
  sql::Connection& conn = by.change.tx();
  std::optional<Unit> parent;
  if (parent_id.empty()) {
    if (!CanCreateRoot(by.scope)) return rpc::PermissionDenied("only an admin creates a root unit");
  } else {
    ASSIGN_OR_RETURN(parent, LockChangeableUnit(conn, by.scope, parent_id));
    RETURN_IF_ERROR(CheckParentOpen(*parent));
    RETURN_IF_ERROR(CheckDepth(parent->depth + 1));
  }
  std::vector<Level> ancestors;
  if (parent && PlacementLooksAboveParent(unit.level)) {
    ASSIGN_OR_RETURN(ancestors, LevelsOn(conn, parent->path));
  } else if (parent) {
    ancestors = {parent->level};
  }
  RETURN_IF_ERROR(CheckPlacement(unit.level, ancestors));
  if (!when.change_request_id.empty()) unit.effective_from = when.day;
  unit.id = NewUlid();
  unit.parent_id = parent_id;
  unit.path = ChildPath(parent ? &*parent : nullptr, unit.id);
  unit.depth = parent ? parent->depth + 1 : 0;
  unit.version = 1;
  unit.create_time = unit.update_time = by.change.now();
  RETURN_IF_ERROR(store::InsertUnit(conn, unit));
  RETURN_IF_ERROR(store::RecordVersion(conn, unit, std::nullopt, FirstVersionDay(unit, when.today),
                                       when.change_request_id, false));
  v1::Unit out = ToProto(unit);
  RETURN_IF_ERROR(by.change.Record(UnitEntry("CreateUnit", by.request_id, nullptr, out)));
  return out;
}

absl::StatusOr<v1::Unit> UpdateUnitIn(const WriteBy& by, const std::string& id,
                                      const std::function<absl::Status(Unit&)>& change,
                                      const std::optional<std::string>& etag, const WriteDay& when) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Unit row, LockChangeableUnit(conn, by.scope, id));
  RETURN_IF_ERROR(CheckUnitEtag(etag, row));
  ASSIGN_OR_RETURN(UnitVersionPlan plan, PlanVersion(by.change, row, when));
  const v1::Unit before = ToProto(plan.base);
  Unit after = plan.base;
  RETURN_IF_ERROR(change(after));
  int open_children = 0;
  if (after.status == UnitStatus::kAbolished && plan.base.status != UnitStatus::kAbolished) {
    ASSIGN_OR_RETURN(open_children, store::CountOpenChildren(conn, id));
  }
  RETURN_IF_ERROR(CheckTransition(plan.base.status, after.status, open_children));
  return Save(conn, by, "UpdateUnit", before, std::move(after), plan, when);
}

absl::StatusOr<v1::Unit> MoveUnitIn(const WriteBy& by, const std::string& id,
                                    const std::string& parent_id,
                                    const std::optional<std::string>& etag, const WriteDay& when) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Unit row, LockChangeableUnit(conn, by.scope, id));
  ASSIGN_OR_RETURN(Unit parent, LockChangeableUnit(conn, by.scope, parent_id));
  RETURN_IF_ERROR(CheckUnitEtag(etag, row));
  ASSIGN_OR_RETURN(UnitVersionPlan plan, PlanVersion(by.change, row, when));
  const v1::Unit before = ToProto(plan.base);
  RETURN_IF_ERROR(CheckMoveUnder(conn, row, parent));
  Unit after = plan.base;
  if (plan.day <= when.today) {
    // Locks the whole subtree, so no unit can be created inside it while
    // the rules above hold; the move bumps every version in it.
    ASSIGN_OR_RETURN(Unit moved, MoveRow(conn, row, parent, by.change.now()));
    after.parent_id = moved.parent_id;
    after.path = moved.path;
    after.depth = moved.depth;
    after.version = moved.version - 1;  // Save bumps it once more
  } else {
    ASSIGN_OR_RETURN(int deepest, store::LockSubtree(conn, row.path));
    RETURN_IF_ERROR(CheckDepth(parent.depth + 1 + (deepest - row.depth)));
    after.parent_id = parent.id;
  }
  return Save(conn, by, "MoveUnit", before, std::move(after), plan, when);
}

absl::StatusOr<int> ApplyDueUnitVersions(server::Mutation& m, absl::CivilDay today, int limit) {
  sql::Connection& conn = m.tx();
  // Read without locks, then lock each unit row before its version, in the
  // order every writer takes them.
  ASSIGN_OR_RETURN(std::vector<UnitVersion> due, store::DueVersions(conn, today, limit));
  int handled = 0;
  for (const auto& v : due) {
    RETURN_IF_ERROR(LoadUnit(conn, v.unit.id, /*for_update=*/true).status());
    ASSIGN_OR_RETURN(std::optional<UnitVersion> latest, store::LatestVersion(conn, v.unit.id, true));
    if (!latest || !latest->scheduled || latest->valid_from != v.valid_from) continue;  // done elsewhere
    RETURN_IF_ERROR(TakeEffect(m, *latest).status());
    ++handled;
  }
  return handled;
}

}  // namespace huinong::org
