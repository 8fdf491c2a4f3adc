// See change_items.h.
#include "svc-org/src/app/change_items.h"

#include <map>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/core/utf8.h"
#include "common/db/pool.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/app/post_writes.h"
#include "svc-org/src/api/quota_mapping.h"
#include "svc-org/src/app/quota_writes.h"
#include "common/rpc/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/change_store.h"

namespace huinong::org {
namespace {

using Refs = std::map<std::string, std::string>;  // ref -> id ("" while only checking)

constexpr char kNew[] = "new/";

bool ValidRef(const std::string& ref) {
  if (ref.empty() || ref.size() > 32) return false;
  for (char c : ref) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// A "collection/{id}" or, when `new_allowed`, a "new/{ref}" defined earlier.
// Returns the id, or the ref's id from `refs` (empty while only checking).
std::string Target(const std::string& value, const char* collection, const std::string& field,
                   bool new_allowed, const Refs& refs, rpc::Violations& v) {
  if (new_allowed && absl::StartsWith(value, kNew)) {
    const std::string ref = value.substr(4);
    auto it = refs.find(ref);
    if (it == refs.end()) {
      v.Add(field, absl::StrCat("\"", value, "\" is not defined by an earlier item"));
      return "";
    }
    return it->second;
  }
  return rpc::ParseName(value, collection, field, v);
}

void DefineRef(const std::string& ref, const std::string& field, Refs& refs, rpc::Violations& v) {
  if (ref.empty()) return;
  if (!ValidRef(ref)) {
    v.Add(field, "1–32 of [a-z0-9-]");
  } else if (refs.count(ref)) {
    v.Add(field, absl::StrCat("\"", ref, "\" is already defined by an earlier item"));
  } else {
    refs[ref] = "";
  }
}

// Violations of a nested reader name fields from its own prefix ("unit.x");
// this renames them under the item's path.
void Reprefix(const rpc::Violations& inner, const std::string& from, const std::string& to,
              rpc::Violations& v) {
  for (const auto& fv : inner.list()) {
    std::string field = fv.field;
    if (absl::StartsWith(field, from)) field = to + field.substr(from.size());
    v.Add(field, fv.description);
  }
}

v1::ChangeKind KindOf(const v1::ChangeItem& item) {
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: return v1::CHANGE_KIND_CREATE_UNIT;
    case v1::ChangeItem::kUpdateUnit: return v1::CHANGE_KIND_UPDATE_UNIT;
    case v1::ChangeItem::kMergeUnits: return v1::CHANGE_KIND_MERGE_UNITS;
    case v1::ChangeItem::kSplitUnit: return v1::CHANGE_KIND_SPLIT_UNIT;
    case v1::ChangeItem::kAbolishUnit: return v1::CHANGE_KIND_ABOLISH_UNIT;
    case v1::ChangeItem::kMoveUnit: return v1::CHANGE_KIND_MOVE_UNIT;
    case v1::ChangeItem::kCreatePost: return v1::CHANGE_KIND_CREATE_POST;
    case v1::ChangeItem::kUpdatePost: return v1::CHANGE_KIND_UPDATE_POST;
    case v1::ChangeItem::kAbolishPost: return v1::CHANGE_KIND_ABOLISH_POST;
    case v1::ChangeItem::kSetQuota: return v1::CHANGE_KIND_SET_QUOTA;
    case v1::ChangeItem::kMoveReportingLine: return v1::CHANGE_KIND_MOVE_REPORTING_LINE;
    case v1::ChangeItem::CHANGE_NOT_SET: break;
  }
  return v1::CHANGE_KIND_UNSPECIFIED;
}

// What one item asks for, read from its message: used both to check the
// shape (refs without ids) and to apply it (refs resolved).
struct Parsed {
  Unit unit;                 // create_unit / update_unit
  Post post;                 // create_post
  PostTerms terms;           // update_post / move_reporting_line
  std::set<std::string> paths;
  Quota quota;               // set_quota
  std::string id;            // the unit or post acted on
  std::string target;        // parent (create/move unit), unit (create post)
};

Parsed Parse(const v1::ChangeItem& item, const std::string& at, Refs& refs, rpc::Violations& v) {
  Parsed p;
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: {
      const auto& c = item.create_unit();
      const std::string f = at + ".create_unit";
      if (!c.has_unit()) v.Add(f + ".unit", "required");
      rpc::Violations inner;
      ReadUnitFields(c.unit(), "unit", p.unit, inner);
      if (!ValidInitialStatus(p.unit.status)) inner.Add("unit.status", "a new unit is PLANNED or ACTIVE");
      Reprefix(inner, "unit", f + ".unit", v);
      if (c.unit().parent().empty()) {
        v.Add(f + ".unit.parent", "required: a change request creates units inside its organisation");
      } else {
        p.target = Target(c.unit().parent(), "units", f + ".unit.parent", true, refs, v);
      }
      DefineRef(c.ref(), f + ".ref", refs, v);
      break;
    }
    case v1::ChangeItem::kUpdateUnit: {
      const auto& c = item.update_unit();
      const std::string f = at + ".update_unit";
      p.id = rpc::ParseName(c.unit().name(), "units", f + ".unit.name", v);
      p.paths = rpc::MaskPaths(c.update_mask(), UnitUpdatableFields(), v, f + ".update_mask");
      rpc::Violations inner;
      Unit scratch;
      ApplyUnitMask(c.unit(), c.update_mask(), scratch, inner);
      Reprefix(inner, "unit", f + ".unit", v);
      break;
    }
    case v1::ChangeItem::kAbolishUnit:
      p.id = rpc::ParseName(item.abolish_unit().unit(), "units", at + ".abolish_unit.unit", v);
      break;
    case v1::ChangeItem::kMoveUnit:
      p.id = rpc::ParseName(item.move_unit().unit(), "units", at + ".move_unit.unit", v);
      p.target = Target(item.move_unit().new_parent(), "units", at + ".move_unit.new_parent", true, refs, v);
      break;
    case v1::ChangeItem::kCreatePost: {
      const auto& c = item.create_post();
      const std::string f = at + ".create_post";
      if (!c.has_post()) v.Add(f + ".post", "required");
      rpc::Violations inner;
      ReadPostTerms(c.post(), "post", "", p.post.terms, inner);
      Reprefix(inner, "post", f + ".post", v);
      p.target = Target(c.post().unit(), "units", f + ".post.unit", true, refs, v);
      DefineRef(c.ref(), f + ".ref", refs, v);
      break;
    }
    case v1::ChangeItem::kUpdatePost: {
      const auto& c = item.update_post();
      const std::string f = at + ".update_post";
      p.id = rpc::ParseName(c.post().name(), "posts", f + ".post.name", v);
      p.paths = rpc::MaskPaths(c.update_mask(), PostUpdatableFields(), v, f + ".update_mask");
      rpc::Violations all, kept;
      ReadPostTerms(c.post(), "post", p.id, p.terms, all);
      rpc::KeepMasked(all, "post", p.paths, kept);
      Reprefix(kept, "post", f + ".post", v);
      break;
    }
    case v1::ChangeItem::kAbolishPost:
      p.id = rpc::ParseName(item.abolish_post().post(), "posts", at + ".abolish_post.post", v);
      break;
    case v1::ChangeItem::kSetQuota: {
      const auto& q = item.set_quota().quota();
      const std::string f = at + ".set_quota.quota";
      if (!item.set_quota().has_quota()) v.Add(f, "required");
      p.quota.unit_id = Target(q.unit(), "units", f + ".unit", true, refs, v);
      if (!q.post().empty()) p.quota.post_id = Target(q.post(), "posts", f + ".post", true, refs, v);
      rpc::Violations inner;
      ReadQuotaTerms(q, "quota", p.quota.terms, inner);
      p.quota.effective_to = rpc::FromDate(q.effective_to(), "quota.effective_to", inner);
      Reprefix(inner, "quota", f, v);
      break;
    }
    case v1::ChangeItem::kMoveReportingLine: {
      const auto& c = item.move_reporting_line();
      const std::string f = at + ".move_reporting_line";
      p.id = Target(c.post(), "posts", f + ".post", true, refs, v);
      v1::Post lines;
      if (!c.new_superior_post().empty()) {
        lines.set_superior_post(c.new_superior_post());
        if (absl::StartsWith(c.new_superior_post(), kNew)) {
          const std::string id = Target(c.new_superior_post(), "posts", f + ".new_superior_post", true, refs, v);
          lines.set_superior_post(id.empty() ? "" : PostName(id));
        }
      }
      p.paths = {"superior_post"};
      if (c.replace_other_lines()) {
        p.paths.insert("other_lines");
        *lines.mutable_other_lines() = c.other_lines();
      }
      rpc::Violations all, kept;
      ReadPostTerms(lines, "post", p.id, p.terms, all);
      rpc::KeepMasked(all, "post", p.paths, kept);
      Reprefix(kept, "post.superior_post", f + ".new_superior_post", v);
      break;
    }
    case v1::ChangeItem::kMergeUnits:
    case v1::ChangeItem::kSplitUnit:
      v.Add(at, "merge_units and split_unit are not supported yet: express them as create_unit, "
                "create_post, abolish_post and abolish_unit items");
      break;
    case v1::ChangeItem::CHANGE_NOT_SET:
      v.Add(at, "exactly one change is required");
      break;
  }
  return p;
}

}  // namespace

// Item failures become CHANGE_CONFLICT naming the item; database failures pass,
// and a deadlock or lock-wait passes unchanged so the whole approval is retried.
absl::Status ItemConflict(int index, v1::ChangeKind kind, const absl::Status& s) {
  if (db::IsRetryable(s)) return s;
  switch (s.code()) {
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kAborted:
      return rpc::FailedPrecondition(
          "CHANGE_CONFLICT", absl::StrCat("items[", index, "] (", v1::ChangeKind_Name(kind), "): ", s.message()));
    default:
      return s;
  }
}

namespace {

// What an applied item made: its resource ("units/…", "posts/…",
// "quotas/…") and the unit it belongs to ("units/…").
struct Applied {
  std::string result;
  std::string unit;
};

absl::StatusOr<Applied> ApplyOne(const WriteBy& by, const v1::ChangeRequest& request, const v1::ChangeItem& item,
                                 Parsed& p, const WriteDay& when) {
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: {
      ASSIGN_OR_RETURN(v1::Unit u, CreateUnitIn(by, p.unit, p.target, when));
      return Applied{u.name(), u.name()};
    }
    case v1::ChangeItem::kUpdateUnit: {
      auto change = [&](Unit& unit) -> absl::Status {
        rpc::Violations fields;
        ApplyUnitMask(item.update_unit().unit(), item.update_unit().update_mask(), unit, fields);
        return fields.ToStatus();
      };
      ASSIGN_OR_RETURN(v1::Unit u, UpdateUnitIn(by, p.id, change, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case v1::ChangeItem::kAbolishUnit: {
      auto change = [&](Unit& unit) -> absl::Status {
        unit.status = UnitStatus::kAbolished;
        const absl::CivilDay last = when.day - 1;
        if (!unit.effective_from || *unit.effective_from <= last) unit.effective_to = last;
        return absl::OkStatus();
      };
      ASSIGN_OR_RETURN(v1::Unit u, UpdateUnitIn(by, p.id, change, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case v1::ChangeItem::kMoveUnit: {
      ASSIGN_OR_RETURN(v1::Unit u, MoveUnitIn(by, p.id, p.target, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case v1::ChangeItem::kCreatePost: {
      ASSIGN_OR_RETURN(v1::Post post, CreatePostIn(by, p.post, p.target, when.day, true));
      return Applied{post.name(), post.unit()};
    }
    case v1::ChangeItem::kUpdatePost:
    case v1::ChangeItem::kMoveReportingLine: {
      ASSIGN_OR_RETURN(v1::Post post, UpdatePostIn(by, p.id, p.paths, p.terms, when.day, std::nullopt));
      return Applied{post.name(), post.unit()};
    }
    case v1::ChangeItem::kAbolishPost: {
      // The post keeps the request's reason, cut to a post's limit on a character boundary.
      const std::string reason(utf8::Prefix(request.reason(), kMaxAbolishReason));
      ASSIGN_OR_RETURN(v1::Post post, AbolishPostIn(by, p.id, when.day - 1, reason,
                                                    std::nullopt));
      return Applied{post.name(), post.unit()};
    }
    case v1::ChangeItem::kSetQuota: {
      ASSIGN_OR_RETURN(v1::Quota q, SetQuotaIn(by, p.quota, when.day));
      return Applied{q.name(), q.unit()};
    }
    default:
      return rpc::InvalidField("items", "unsupported change");
  }
}

std::string IdOf(const std::string& name) { return name.substr(name.find('/') + 1); }

std::string RefOf(const v1::ChangeItem& item) {
  if (item.has_create_unit()) return item.create_unit().ref();
  if (item.has_create_post()) return item.create_post().ref();
  return "";
}

}  // namespace

void CheckItems(google::protobuf::RepeatedPtrField<v1::ChangeItem>& items, const std::string& prefix,
                rpc::Violations& v) {
  if (items.size() > 200) v.Add(prefix, "at most 200 items");
  Refs refs;
  for (int i = 0; i < items.size(); ++i) {
    v1::ChangeItem& item = items[i];
    item.set_kind(KindOf(item));
    item.clear_result();
    Parse(item, absl::StrCat(prefix, "[", i, "]"), refs, v);
  }
}

// The item's unit answers to the request's approval chain, not to a chain of
// its own further down (whose organisation decides its own changes).
absl::Status CheckGovernedBy(sql::Connection& conn, const std::string& unit_name,
                             const std::string& chain_id) {
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_name.substr(unit_name.find('/') + 1)));
  ASSIGN_OR_RETURN(std::optional<ApprovalChain> chain, store::NearestChain(conn, PathIds(unit.path)));
  if (chain && chain->id == chain_id) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "OTHER_CHAIN", absl::StrCat(unit_name, " answers to ", chain ? "approvalChains/" + chain->id : "no approval chain",
                                  ", not to this request's chain"));
}

absl::Status ApplyItems(const WriteBy& by, const std::string& chain_id, v1::ChangeRequest& request,
                        const WriteDay& when) {
  sql::Connection& conn = by.change.tx();
  Refs refs;
  for (int i = 0; i < request.items_size(); ++i) {
    v1::ChangeItem& item = *request.mutable_items(i);
    rpc::Violations v;
    Parsed p = Parse(item, absl::StrCat("items[", i, "]"), refs, v);
    RETURN_IF_ERROR(v.ToStatus());
    const WriteBy item_by{by.change, absl::StrCat(by.request_id, "#items[", i, "]"), by.scope};
    absl::StatusOr<Applied> applied = ApplyOne(item_by, request, item, p, when);
    if (!applied.ok()) return ItemConflict(i, item.kind(), applied.status());
    const absl::Status governed = CheckGovernedBy(conn, applied->unit, chain_id);
    if (!governed.ok()) return ItemConflict(i, item.kind(), governed);
    item.set_result(applied->result);
    const std::string ref = RefOf(item);
    if (!ref.empty()) refs[ref] = IdOf(applied->result);
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
