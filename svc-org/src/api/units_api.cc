// The unit registry's handlers (see units.proto for the contract).
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/db/request_log.h"
#include "common/rpc/page_token.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/org_api.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_events.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"display_name", "kind",           "status",      "code",
                                          "functions",    "effective_from", "effective_to"};

absl::StatusOr<Unit> Load(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Unit> unit, store::GetUnit(conn, id, for_update));
  if (!unit) return rpc::NotFound(UnitName(id));
  return *std::move(unit);
}

absl::Status Readable(const CallerScope& scope, const Unit& unit) {
  if (CanRead(scope, unit.path)) return absl::OkStatus();
  return rpc::PermissionDenied(absl::StrCat(UnitName(unit.id), " is outside the caller's scope"));
}

absl::Status Changeable(const CallerScope& scope, const Unit& unit) {
  if (CanChange(scope, unit.path)) return absl::OkStatus();
  return rpc::PermissionDenied(
      absl::StrCat("the caller may not change units under ", UnitName(unit.id)));
}

// Reads the unit, checks the caller may change it, and only then locks it
// (re-checking, since a move may have committed in between): a caller
// without rights never holds row locks on the units above it.
absl::StatusOr<Unit> LockChangeable(sql::Connection& conn, const CallerScope& scope,
                                    const std::string& id) {
  ASSIGN_OR_RETURN(Unit seen, Load(conn, id, /*for_update=*/false));
  RETURN_IF_ERROR(Changeable(scope, seen));
  ASSIGN_OR_RETURN(Unit locked, Load(conn, id, /*for_update=*/true));
  RETURN_IF_ERROR(Changeable(scope, locked));
  return locked;
}

// Levels of the units on `path`, root first.
absl::StatusOr<std::vector<Level>> LevelsOn(sql::Connection& conn, const std::string& path) {
  ASSIGN_OR_RETURN(std::vector<Unit> chain, store::GetUnits(conn, PathIds(path)));
  std::vector<Level> levels;
  for (const auto& u : chain) levels.push_back(u.level);
  return levels;
}

absl::Status CheckEtag(const std::string& given, const Unit& unit) {
  if (given == Etag(unit)) return absl::OkStatus();
  return rpc::Aborted("STALE_ETAG", absl::StrCat(UnitName(unit.id),
                                                 " was changed by someone else; read it again"));
}

// Applies the masked fields of `in` to `unit`; violations name request fields.
void ApplyMask(const v1::Unit& in, const google::protobuf::FieldMask& mask, Unit& unit,
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
  if (paths.count("display_name")) unit.display_name = incoming.display_name;
  if (paths.count("kind")) unit.kind = incoming.kind;
  if (paths.count("status")) {
    if (in.status() == 0) v.Add("unit.status", "required");
    unit.status = incoming.status;
  }
  if (paths.count("code")) unit.code = incoming.code;
  if (paths.count("functions")) unit.functions = incoming.functions;
  if (paths.count("effective_from")) unit.effective_from = incoming.effective_from;
  if (paths.count("effective_to")) unit.effective_to = incoming.effective_to;
  if (!EffectiveDatesOrdered(unit.effective_from, unit.effective_to)) {
    v.Add("unit.effective_to", "must not be before effective_from");
  }
}

}  // namespace

OrgApi::OrgApi(db::DbPool& pool, const server::CallGate& gate)
    : pool_(pool), gate_(gate), scopes_(pool, absl::Seconds(5)), staffing_(pool, gate), queries_(pool, gate) {}

grpc::Status OrgApi::CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* req,
                                v1::Unit* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    if (!req->has_unit()) v.Add("unit", "required");
    Unit unit;
    ReadUnitFields(req->unit(), "unit", unit, v);
    if (!ValidInitialStatus(unit.status)) {
      v.Add("unit.status", "a new unit is PLANNED or ACTIVE");
    }
    const std::string parent_id = rpc::ParseOptionalName(req->unit().parent(), "units", "unit.parent", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return db::ChangeOnce(
        pool_, "CreateUnit", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::Unit> {
          std::optional<Unit> parent;
          if (parent_id.empty()) {
            if (!CanCreateRoot(scope)) return rpc::PermissionDenied("only an admin creates a root unit");
          } else {
            ASSIGN_OR_RETURN(parent, LockChangeable(conn, scope, parent_id));
            RETURN_IF_ERROR(CheckParentOpen(*parent));
            RETURN_IF_ERROR(CheckDepth(parent->depth + 1));
          }
          std::vector<Level> ancestors;
          if (parent) {
            ASSIGN_OR_RETURN(ancestors, LevelsOn(conn, parent->path));
          }
          RETURN_IF_ERROR(CheckPlacement(unit.level, ancestors));
          unit.id = NewUlid();
          unit.parent_id = parent_id;
          unit.path = ChildPath(parent ? &*parent : nullptr, unit.id);
          unit.depth = parent ? parent->depth + 1 : 0;
          unit.version = 1;
          unit.create_time = unit.update_time = absl::Now();
          RETURN_IF_ERROR(store::InsertUnit(conn, unit));
          v1::Unit out = ToProto(unit);
          RETURN_IF_ERROR(RecordUnitEvent(conn, caller, "CreateUnit", req->request_id(), nullptr, out));
          return out;
        });
  });
}

grpc::Status OrgApi::GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* req,
                             v1::Unit* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, Load(conn, id, false));
      RETURN_IF_ERROR(Readable(scope, unit));
      *resp = ToProto(unit);
      return absl::OkStatus();
    });
  });
}

grpc::Status OrgApi::UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* req,
                                v1::Unit* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    const std::string id = rpc::ParseName(req->unit().name(), "units", "unit.name", v);
    if (req->unit().etag().empty()) v.Add("unit.etag", "required");
    if (req->update_mask().paths_size() == 0) v.Add("update_mask", "required");
    for (const auto& path : req->update_mask().paths()) {
      if (!kUpdatable.count(path)) {
        v.Add("update_mask", absl::StrCat("\"", path, "\" is not an updatable field"));
      }
    }
    if (v.empty()) {
      Unit scratch;
      ApplyMask(req->unit(), req->update_mask(), scratch, v);  // the new values alone
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return db::ChangeOnce(
        pool_, "UpdateUnit", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::Unit> {
          ASSIGN_OR_RETURN(Unit unit, LockChangeable(conn, scope, id));
          RETURN_IF_ERROR(CheckEtag(req->unit().etag(), unit));
          const v1::Unit before = ToProto(unit);
          const UnitStatus from = unit.status;
          rpc::Violations fields;
          ApplyMask(req->unit(), req->update_mask(), unit, fields);
          RETURN_IF_ERROR(fields.ToStatus());
          int open_children = 0;
          if (unit.status == UnitStatus::kAbolished && from != UnitStatus::kAbolished) {
            ASSIGN_OR_RETURN(open_children, store::CountOpenChildren(conn, unit.id));
          }
          RETURN_IF_ERROR(CheckTransition(from, unit.status, open_children));
          unit.version += 1;
          unit.update_time = absl::Now();
          RETURN_IF_ERROR(store::UpdateUnit(conn, unit));
          v1::Unit out = ToProto(unit);
          RETURN_IF_ERROR(RecordUnitEvent(conn, caller, "UpdateUnit", req->request_id(), &before, out));
          return out;
        });
  });
}

grpc::Status OrgApi::ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* req,
                               v1::ListUnitsResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::UnitFilter filter;
    filter.parent_id = rpc::ParseOptionalName(req->parent(), "units", "parent", v);
    if (req->level() != 0) {
      if (!ValidLevel(req->level())) v.Add("level", absl::StrCat("unknown value ", req->level()));
      filter.level = static_cast<Level>(req->level());
    }
    if (req->kind() != 0) {
      if (!ValidKind(req->kind())) v.Add("kind", absl::StrCat("unknown value ", req->kind()));
      filter.kind = req->kind();
    }
    if (req->status() != 0) {
      if (!ValidStatus(req->status())) v.Add("status", absl::StrCat("unknown value ", req->status()));
      filter.status = static_cast<UnitStatus>(req->status());
    }
    const std::string filters = absl::StrCat("parent=", req->parent(), "|level=", req->level(),
                                             "|kind=", req->kind(), "|status=", req->status());
    auto after = rpc::DecodePageToken(req->page_token(), filters);
    if (!after.ok()) {
      for (const auto& fv : rpc::FieldViolationsOf(after.status())) v.Add(fv.field, fv.description);
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) filter.within_path = scope.unit_path;

    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      if (!filter.parent_id.empty()) {
        ASSIGN_OR_RETURN(Unit parent, Load(conn, filter.parent_id, false));
        RETURN_IF_ERROR(Readable(scope, parent));
      }
      ASSIGN_OR_RETURN(std::vector<Unit> units,
                       store::ListUnits(conn, filter, *after, page_size + 1));
      const bool more = TrimToPage(units, page_size);
      for (const auto& u : units) *resp->add_units() = ToProto(u);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, units.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status OrgApi::MoveUnit(grpc::ServerContext* ctx, const v1::MoveUnitRequest* req,
                              v1::Unit* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const std::string parent_id = rpc::ParseName(req->new_parent(), "units", "new_parent", v);
    if (req->etag().empty()) v.Add("etag", "required");
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return db::ChangeOnce(
        pool_, "MoveUnit", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::Unit> {
          ASSIGN_OR_RETURN(Unit unit, LockChangeable(conn, scope, id));
          ASSIGN_OR_RETURN(Unit parent, LockChangeable(conn, scope, parent_id));
          RETURN_IF_ERROR(CheckEtag(req->etag(), unit));
          const v1::Unit before = ToProto(unit);
          RETURN_IF_ERROR(CheckParentOpen(parent));
          // Locks the whole subtree, so no unit can be created inside it while
          // the rules below are checked against it.
          ASSIGN_OR_RETURN(int deepest, store::LockSubtree(conn, unit.path));
          RETURN_IF_ERROR(CheckDepth(parent.depth + 1 + (deepest - unit.depth)));
          ASSIGN_OR_RETURN(std::vector<Level> ancestors, LevelsOn(conn, parent.path));
          bool has_county = false;
          if (unit.level == Level::kNone) {
            ASSIGN_OR_RETURN(has_county, store::SubtreeHasLevel(conn, unit.path, Level::kCounty));
          }
          RETURN_IF_ERROR(CheckMove(unit, parent, ancestors, has_county));
          const absl::Time now = absl::Now();
          RETURN_IF_ERROR(store::MoveSubtree(conn, unit, parent.id, ChildPath(&parent, unit.id),
                                             parent.depth + 1, now));
          ASSIGN_OR_RETURN(Unit after, Load(conn, id, false));
          v1::Unit out = ToProto(after);
          RETURN_IF_ERROR(RecordUnitEvent(conn, caller, "MoveUnit", req->request_id(), &before, out));
          return out;
        });
  });
}

grpc::Status OrgApi::ListUnitSubtree(grpc::ServerContext* ctx,
                                     const v1::ListUnitSubtreeRequest* req,
                                     v1::ListUnitSubtreeResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (req->max_depth() < 0) v.Add("max_depth", "must not be negative");
    const std::string filters = absl::StrCat("root=", req->name(), "|depth=", req->max_depth(),
                                             "|abolished=", req->include_abolished());
    auto after = rpc::DecodePageToken(req->page_token(), filters);
    if (!after.ok()) {
      for (const auto& fv : rpc::FieldViolationsOf(after.status())) v.Add(fv.field, fv.description);
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit root, Load(conn, id, false));
      RETURN_IF_ERROR(Readable(scope, root));
      store::SubtreeQuery q;
      q.root_path = root.path;
      q.max_depth = req->max_depth() > 0 ? root.depth + req->max_depth() : 0;
      q.include_abolished = req->include_abolished();
      if (!scope.reads_all) q.visible_path = scope.unit_path;
      q.after_path = *after;
      q.limit = page_size + 1;
      ASSIGN_OR_RETURN(std::vector<Unit> units, store::ListSubtree(conn, q));
      const bool more = TrimToPage(units, page_size);
      for (const auto& u : units) *resp->add_units() = ToProto(u);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, units.back().path));
      return absl::OkStatus();
    });
  });
}

grpc::Status OrgApi::GetUnitAncestors(grpc::ServerContext* ctx,
                                      const v1::GetUnitAncestorsRequest* req,
                                      v1::GetUnitAncestorsResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, Load(conn, id, false));
      RETURN_IF_ERROR(Readable(scope, unit));
      std::vector<std::string> ids = PathIds(unit.path);
      ids.pop_back();  // the unit itself
      ASSIGN_OR_RETURN(std::vector<Unit> chain, store::GetUnits(conn, ids));
      for (const auto& u : chain) *resp->add_ancestors() = ToProto(u);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
