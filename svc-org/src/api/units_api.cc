// The unit registry's handlers (see units.proto for the contract).
#include <set>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/units_api.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/app/change_gate.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/app/org_identity.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/domain/unit_history.h"
#include "common/rpc/proto_time.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

// The registry as it stood on `day`, depth-first (see domain/unit_history.h).
// The whole day is read: a county's tree is a few thousand units at most.
absl::StatusOr<std::vector<Unit>> TreeOfDay(sql::Connection& conn, absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::vector<Unit> units, store::UnitsOn(conn, day));
  return TreeOn(std::move(units));
}

// The unit in a day's tree; NOT_FOUND when it did not stand that day.
absl::StatusOr<Unit> UnitIn(const std::vector<Unit>& tree, const std::string& id, absl::CivilDay day) {
  for (const auto& u : tree) {
    if (u.id == id && UnitStoodOn(u, day)) return u;
  }
  return rpc::NotFound(UnitName(id));
}

// The subtree of `root_id` on `day`, after `after_path`, up to `limit`
// units, limited to what the caller may read in today's registry.
absl::StatusOr<std::vector<Unit>> SubtreeOn(sql::Connection& conn, const CallerScope& scope,
                                            const std::string& root_id, absl::CivilDay day,
                                            int max_depth, bool include_abolished,
                                            const std::string& after_path, int limit) {
  ASSIGN_OR_RETURN(std::vector<store::DayUnit> day_units,
                   store::SubtreeOnDay(conn, root_id, day, scope.reads_all ? "" : scope.unit_path));
  if (day_units.empty()) return rpc::NotFound(UnitName(root_id));
  const int root_depth = day_units.front().unit.depth;
  std::vector<Unit> picked;
  for (auto& d : day_units) {
    const Unit& u = d.unit;
    if (u.path <= after_path || (max_depth > 0 && u.depth > root_depth + max_depth)) continue;
    if (!include_abolished && !u.open()) continue;
    if (static_cast<int>(picked.size()) == limit) break;
    picked.push_back(std::move(d.unit));
  }
  return picked;
}

v1::UnitVersion ToProto(const UnitVersion& version) {
  v1::UnitVersion out;
  *out.mutable_unit() = ToProto(version.unit);
  if (version.valid_from != kSinceAlways) SetDate(version.valid_from, out.mutable_valid_from());
  if (version.valid_until) SetDate(version.valid_until, out.mutable_valid_until());
  if (!version.change_request_id.empty()) {
    out.set_change_request(absl::StrCat("changeRequests/", version.change_request_id));
  }
  out.set_scheduled(version.scheduled);
  return out;
}

}  // namespace

UnitsApi::UnitsApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status UnitsApi::CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* req,
                                  v1::Unit* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateUnit",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Unit> {
    rpc::Violations v;
    if (!req->has_unit()) v.Add("unit", "required");
    Unit unit;
    ReadUnitFields(req->unit(), "unit", unit, v);
    if (!ValidInitialStatus(unit.status)) {
      v.Add("unit.status", "a new unit is PLANNED or ACTIVE");
    }
    const std::string parent_id = rpc::ParseOptionalName(req->unit().parent(), "units", "unit.parent", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::Unit> {
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), parent_id));
      return CreateUnitIn({m, m.request_id(), scope}, unit, parent_id, {m.today(), m.today(), ""});
    };
  });
}

grpc::Status UnitsApi::GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* req,
                               v1::Unit* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, id));
      if (as_of) {
        ASSIGN_OR_RETURN(std::vector<Unit> tree, TreeOfDay(conn, *as_of));
        ASSIGN_OR_RETURN(unit, UnitIn(tree, id, *as_of));
      }
      *resp = ToProto(unit);
      return absl::OkStatus();
    });
  });
}

grpc::Status UnitsApi::UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* req,
                                  v1::Unit* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateUnit",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Unit> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->unit().name(), "units", "unit.name", v);
    if (req->unit().etag().empty()) v.Add("unit.etag", "required");
    rpc::MaskPaths(req->update_mask(), UnitUpdatableFields(), v);
    if (v.empty()) {
      Unit scratch;
      ApplyUnitMask(req->unit(), req->update_mask(), scratch, v);  // the new values alone
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::Unit> {
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), id));
      auto change = [&](Unit& unit) -> absl::Status {
        rpc::Violations fields;
        ApplyUnitMask(req->unit(), req->update_mask(), unit, fields);
        return fields.ToStatus();
      };
      return UpdateUnitIn({m, m.request_id(), scope}, id, change, req->unit().etag(),
                          {m.today(), m.today(), ""});
    };
  });
}

grpc::Status UnitsApi::ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* req,
                                 v1::ListUnitsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
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
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) filter.within_path = scope.unit_path;

    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!filter.parent_id.empty()) {
        ASSIGN_OR_RETURN(Unit parent, LoadReadableUnit(conn, scope, filter.parent_id));
      }
      ASSIGN_OR_RETURN(std::vector<Unit> units,
                       store::ListUnits(conn, filter, after, page_size + 1));
      const bool more = rpc::TrimToPage(units, page_size);
      for (const auto& u : units) *resp->add_units() = ToProto(u);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, units.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status UnitsApi::MoveUnit(grpc::ServerContext* ctx, const v1::MoveUnitRequest* req,
                                v1::Unit* resp) {
  return kit_.Mutate(*ctx, *req, resp, "MoveUnit",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Unit> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const std::string parent_id = rpc::ParseName(req->new_parent(), "units", "new_parent", v);
    if (req->etag().empty()) v.Add("etag", "required");
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::Unit> {
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), id));
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), parent_id));  // nor into one
      return MoveUnitIn({m, m.request_id(), scope}, id, parent_id, req->etag(), {m.today(), m.today(), ""});
    };
  });
}

grpc::Status UnitsApi::ListUnitSubtree(grpc::ServerContext* ctx,
                                       const v1::ListUnitSubtreeRequest* req,
                                       v1::ListUnitSubtreeResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (req->max_depth() < 0) v.Add("max_depth", "must not be negative");
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const std::string filters =
        absl::StrCat("root=", req->name(), "|depth=", req->max_depth(), "|abolished=",
                     req->include_abolished(), "|as_of=", req->as_of().SerializeAsString());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit root, LoadReadableUnit(conn, scope, id));
      if (as_of) {
        ASSIGN_OR_RETURN(std::vector<Unit> units,
                       SubtreeOn(conn, scope, id, *as_of, req->max_depth(), req->include_abolished(),
                                 after, page_size + 1));
        const bool more = rpc::TrimToPage(units, page_size);
        for (const auto& u : units) *resp->add_units() = ToProto(u);
        if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, units.back().path));
        return absl::OkStatus();
      }
      store::SubtreeQuery q;
      q.root_path = root.path;
      q.max_depth = req->max_depth() > 0 ? root.depth + req->max_depth() : 0;
      q.include_abolished = req->include_abolished();
      if (!scope.reads_all) q.visible_path = scope.unit_path;
      q.after_path = after;
      q.limit = page_size + 1;
      ASSIGN_OR_RETURN(std::vector<Unit> units, store::ListSubtree(conn, q));
      const bool more = rpc::TrimToPage(units, page_size);
      for (const auto& u : units) *resp->add_units() = ToProto(u);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, units.back().path));
      return absl::OkStatus();
    });
  });
}

grpc::Status UnitsApi::GetUnitAncestors(grpc::ServerContext* ctx,
                                        const v1::GetUnitAncestorsRequest* req,
                                        v1::GetUnitAncestorsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, id));
      std::vector<Unit> chain;
      if (as_of) {
        ASSIGN_OR_RETURN(std::vector<Unit> tree, TreeOfDay(conn, *as_of));
        RETURN_IF_ERROR(UnitIn(tree, id, *as_of).status());
        chain = AncestorsIn(tree, id);
      } else {
        std::vector<std::string> ids = PathIds(unit.path);
        ids.pop_back();  // the unit itself
        ASSIGN_OR_RETURN(chain, store::GetUnits(conn, ids));
      }
      for (const auto& u : chain) *resp->add_ancestors() = ToProto(u);
      return absl::OkStatus();
    });
  });
}

grpc::Status UnitsApi::ListUnitHistory(grpc::ServerContext* ctx, const v1::ListUnitHistoryRequest* req,
                                       v1::ListUnitHistoryResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "units", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string filters = absl::StrCat("history=", req->name());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    std::optional<absl::CivilDay> after_day;
    if (!after.empty()) {
      absl::CivilDay d;
      if (!absl::ParseCivilTime(after, &d)) return rpc::InvalidField("page_token", "malformed");
      after_day = d;
    }
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, id));
      ASSIGN_OR_RETURN(std::vector<UnitVersion> versions,
                       store::ListVersions(conn, id, after_day, page_size + 1));
      const bool more = rpc::TrimToPage(versions, page_size);
      for (const auto& version : versions) *resp->add_versions() = ToProto(version);
      if (more) {
        resp->set_next_page_token(
            rpc::EncodePageToken(filters, absl::FormatCivilTime(versions.back().valid_from)));
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
