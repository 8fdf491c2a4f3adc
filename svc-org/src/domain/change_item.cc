// See change_item.h.
#include "svc-org/src/domain/change_item.h"

namespace huinong::org {

absl::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kCreateUnit: return "CREATE_UNIT";
    case ChangeKind::kUpdateUnit: return "UPDATE_UNIT";
    case ChangeKind::kMergeUnits: return "MERGE_UNITS";
    case ChangeKind::kSplitUnit: return "SPLIT_UNIT";
    case ChangeKind::kAbolishUnit: return "ABOLISH_UNIT";
    case ChangeKind::kMoveUnit: return "MOVE_UNIT";
    case ChangeKind::kCreatePost: return "CREATE_POST";
    case ChangeKind::kUpdatePost: return "UPDATE_POST";
    case ChangeKind::kAbolishPost: return "ABOLISH_POST";
    case ChangeKind::kSetQuota: return "SET_QUOTA";
    case ChangeKind::kMoveReportingLine: return "MOVE_REPORTING_LINE";
    case ChangeKind::kUnspecified: break;
  }
  return "UNSPECIFIED";
}

}  // namespace huinong::org
