// See change_items.h.
#include "svc-org/src/app/change_items.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/core/utf8.h"
#include "common/db/pool.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/app/post_writes.h"
#include "svc-org/src/app/quota_writes.h"
#include "svc-org/src/store/change_store.h"

namespace huinong::org {

// Item failures become CHANGE_CONFLICT naming the item; database failures pass,
// and a deadlock or lock-wait passes unchanged so the whole approval is retried.
absl::Status ItemConflict(int index, ChangeKind kind, const absl::Status& s) {
  if (db::IsRetryable(s)) return s;
  switch (s.code()) {
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kAborted:
      return rpc::FailedPrecondition(
          "CHANGE_CONFLICT",
          absl::StrCat("items[", index, "] (CHANGE_KIND_", ChangeKindName(kind), "): ", s.message()));
    default:
      return s;
  }
}

namespace {

using Refs = std::map<std::string, std::string>;  // ref -> id of what an earlier item made

// The id an item names: an existing one, or what an earlier item made. A
// ref no earlier item made is refused (reading the items checks that, so
// only a damaged stored body gets here) rather than read as "none".
absl::StatusOr<std::string> Resolve(const ItemRef& r, const Refs& refs) {
  if (r.ref.empty()) return r.id;
  auto it = refs.find(r.ref);
  if (it == refs.end()) {
    return rpc::FailedPrecondition("UNKNOWN_REF", absl::StrCat("new/", r.ref, " is not made by an earlier item"));
  }
  return it->second;
}

// What an applied item made: its resource ("units/…", "posts/…",
// "quotas/…") and the unit it belongs to ("units/…").
struct Applied {
  std::string result;
  std::string unit;
};

absl::StatusOr<Applied> ApplyOne(const WriteBy& by, const ChangeRequest& request, const ChangeItem& item,
                                 const Refs& refs, const WriteDay& when) {
  ASSIGN_OR_RETURN(const std::string subject, Resolve(item.subject, refs));
  ASSIGN_OR_RETURN(const std::string target, Resolve(item.target, refs));
  switch (item.kind) {
    case ChangeKind::kCreateUnit: {
      ASSIGN_OR_RETURN(v1::Unit u, CreateUnitIn(by, item.unit, target, when));
      return Applied{u.name(), u.name()};
    }
    case ChangeKind::kUpdateUnit: {
      auto change = [&](Unit& unit) -> absl::Status {
        CopyUnitFields(item.paths, item.unit, unit);
        if (EffectiveDatesOrdered(unit.effective_from, unit.effective_to)) return absl::OkStatus();
        return rpc::InvalidField("unit.effective_to", "must not be before effective_from");
      };
      ASSIGN_OR_RETURN(v1::Unit u, UpdateUnitIn(by, subject, change, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case ChangeKind::kAbolishUnit: {
      auto change = [&](Unit& unit) -> absl::Status {
        unit.status = UnitStatus::kAbolished;
        const absl::CivilDay last = when.day - 1;
        if (!unit.effective_from || *unit.effective_from <= last) unit.effective_to = last;
        return absl::OkStatus();
      };
      ASSIGN_OR_RETURN(v1::Unit u, UpdateUnitIn(by, subject, change, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case ChangeKind::kMoveUnit: {
      ASSIGN_OR_RETURN(v1::Unit u, MoveUnitIn(by, subject, target, std::nullopt, when));
      return Applied{u.name(), u.name()};
    }
    case ChangeKind::kCreatePost: {
      Post post;
      post.terms = item.post;
      ASSIGN_OR_RETURN(v1::Post made, CreatePostIn(by, post, target, when.day, true));
      return Applied{made.name(), made.unit()};
    }
    case ChangeKind::kUpdatePost:
    case ChangeKind::kMoveReportingLine: {
      PostTerms terms = item.post;
      if (!item.target_post.ref.empty()) {
        ASSIGN_OR_RETURN(terms.superior_post_id, Resolve(item.target_post, refs));
      }
      ASSIGN_OR_RETURN(v1::Post post, UpdatePostIn(by, subject, item.paths, terms, when.day, std::nullopt));
      return Applied{post.name(), post.unit()};
    }
    case ChangeKind::kAbolishPost: {
      // The post keeps the request's reason, cut to a post's limit on a character boundary.
      const std::string reason(utf8::Prefix(request.reason, kMaxAbolishReason));
      ASSIGN_OR_RETURN(v1::Post post, AbolishPostIn(by, subject, when.day - 1, reason, std::nullopt));
      return Applied{post.name(), post.unit()};
    }
    case ChangeKind::kSetQuota: {
      Quota quota;
      quota.unit_id = target;
      ASSIGN_OR_RETURN(quota.post_id, Resolve(item.target_post, refs));
      quota.terms = item.quota;
      quota.effective_to = item.quota_effective_to;
      ASSIGN_OR_RETURN(v1::Quota q, SetQuotaIn(by, quota, when.day));
      return Applied{q.name(), q.unit()};
    }
    default:
      return rpc::InvalidField("items", "unsupported change");
  }
}

std::string IdOf(const std::string& name) { return name.substr(name.find('/') + 1); }

}  // namespace

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

absl::Status ApplyItems(const WriteBy& by, const std::string& chain_id, ChangeRequest& request,
                        const WriteDay& when) {
  RETURN_IF_ERROR(CheckReadable(request));
  sql::Connection& conn = by.change.tx();
  Refs refs;
  for (size_t i = 0; i < request.items.size(); ++i) {
    ChangeItem& item = request.items[i];
    const int index = static_cast<int>(i);
    const WriteBy item_by{by.change, absl::StrCat(by.request_id, "#items[", i, "]"), by.scope};
    absl::StatusOr<Applied> applied = ApplyOne(item_by, request, item, refs, when);
    if (!applied.ok()) return ItemConflict(index, item.kind, applied.status());
    const absl::Status governed = CheckGovernedBy(conn, applied->unit, chain_id);
    if (!governed.ok()) return ItemConflict(index, item.kind, governed);
    item.result = applied->result;
    if (!item.ref.empty()) refs[item.ref] = IdOf(applied->result);
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
