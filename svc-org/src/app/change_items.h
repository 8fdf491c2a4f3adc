// The items of a change request: their shape (checked when a request is
// drafted or edited) and their effect (when its last approval step passes,
// and as a dry run at submit). Applying goes through the same writes as the
// direct methods (unit_writes, post_writes, quota_writes), so a change made
// by request obeys every rule a direct change does, from the request's
// effective date.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "common/rpc/status_details.h"
#include "huinong/org/v1/changes.pb.h"
#include "svc-org/src/app/unit_writes.h"

namespace huinong::org {

// Checks every item's shape, naming bad fields under `prefix` ("change_request.items[2].move_unit.unit");
// a "new/{ref}" must name a ref an earlier item defines. Sets each item's `kind`.
void CheckItems(google::protobuf::RepeatedPtrField<v1::ChangeItem>& items, const std::string& prefix,
                rpc::Violations& v);

// Applies the items in order, setting each one's `result`. `by.scope` is
// the organisation's subtree, so an item outside it fails, and each item's
// unit must answer to the chain `chain_id` (not to a chain of its own further
// down). The first item that conflicts with the structure fails the whole
// request with FAILED_PRECONDITION / CHANGE_CONFLICT naming the item.
// How an item's failure is reported: CHANGE_CONFLICT naming items[index]
// for a rule it breaks; a database failure unchanged, and a deadlock or
// lock-wait (db::IsRetryable) unchanged so the pool retries the approval whole.
absl::Status ItemConflict(int index, v1::ChangeKind kind, const absl::Status& s);

absl::Status ApplyItems(const WriteBy& by, const std::string& chain_id,
                        v1::ChangeRequest& request, const WriteDay& when);

}  // namespace huinong::org
