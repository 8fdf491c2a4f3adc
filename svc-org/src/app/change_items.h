// The effect of a change request's items: applied when its last approval
// step passes, and as a dry run at submit. Applying goes through the same
// writes as the direct methods (unit_writes, post_writes, quota_writes), so a
// change made by request obeys every rule a direct change does, from the
// request's effective date. The items' shape was checked when they were read
// (api/change_item_mapping.h).
#pragma once

#include <string>

#include "absl/status/status.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/domain/change_request.h"

namespace huinong::org {

// How an item's failure is reported: CHANGE_CONFLICT naming items[index]
// for a rule it breaks; a database failure unchanged, and a deadlock or
// lock-wait (db::IsRetryable) unchanged so the pool retries the approval whole.
absl::Status ItemConflict(int index, ChangeKind kind, const absl::Status& s);

// Applies the items in order, setting each one's `result` and resolving the
// refs of later items to what earlier ones made. `by.scope` is the
// organisation's subtree, so an item outside it fails, and each item's unit
// must answer to the chain `chain_id` (not to a chain of its own further
// down). The first item that conflicts with the structure fails the whole
// request with FAILED_PRECONDITION / CHANGE_CONFLICT naming the item.
absl::Status ApplyItems(const WriteBy& by, const std::string& chain_id, ChangeRequest& request,
                        const WriteDay& when);

}  // namespace huinong::org
