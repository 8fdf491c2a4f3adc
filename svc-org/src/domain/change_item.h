// One item of a change request, as the domain holds it: what it changes and
// what it refers to, free of the API's messages. An item may name a unit or
// post that an earlier item of the same request creates (ItemRef::ref); the
// refs resolve to ids only when the items are applied.
//
// Guarantees: an item read from a request holds exactly the parts its kind
// uses (listed per member below); everything else stays empty.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.ChangeKind; approval chains select
// their steps by these numbers.
enum class ChangeKind {
  kUnspecified = 0,
  kCreateUnit = 1,
  kUpdateUnit = 2,
  kMergeUnits = 3,
  kSplitUnit = 4,
  kAbolishUnit = 5,
  kMoveUnit = 6,
  kCreatePost = 7,
  kUpdatePost = 8,
  kAbolishPost = 9,
  kSetQuota = 10,
  kMoveReportingLine = 11,
};
// "CREATE_UNIT", …; "UNSPECIFIED" for anything else.
absl::string_view ChangeKindName(ChangeKind kind);

// A unit or post: an existing one by id, or one an earlier item of the same
// request creates, by that item's ref. At most one is set.
struct ItemRef {
  std::string id;
  std::string ref;

  bool empty() const { return id.empty() && ref.empty(); }
  bool operator==(const ItemRef&) const = default;
};

struct ChangeItem {
  ChangeKind kind = ChangeKind::kUnspecified;
  // create_unit, create_post: the name later items use for what it creates.
  std::string ref;
  // update_unit, abolish_unit, move_unit: the unit; update_post, abolish_post,
  // move_reporting_line: the post.
  ItemRef subject;
  // create_unit, move_unit: the (new) parent; create_post, set_quota: the unit.
  ItemRef target;
  // set_quota: the post (empty: the unit's total); move_reporting_line: the new
  // solid-line superior (empty: the post becomes a top post).
  ItemRef target_post;
  // update_unit, update_post, move_reporting_line: the fields that change.
  std::set<std::string> paths;
  // create_unit: the new unit; update_unit: the new values of `paths`.
  Unit unit;
  // create_post: the new post; update_post, move_reporting_line: the new
  // values of `paths` (a superior named by ref is filled in on apply).
  PostTerms post;
  // set_quota: the quota's terms and last day (unit and post are targets).
  QuotaTerms quota;
  std::optional<absl::CivilDay> quota_effective_to;
  // After approval: the resource it made or changed ("units/{id}", …).
  std::string result;
};

}  // namespace huinong::org
