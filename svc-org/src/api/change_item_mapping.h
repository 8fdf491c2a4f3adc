// Proto <-> domain for the items of a change request (changes.proto
// ChangeItem <-> domain/change_item.h). Reading checks each item's shape and
// names every bad field under the request's path
// ("change_request.items[2].move_unit.unit"); a "new/{ref}" must name a ref
// that an earlier item defines. Writing gives back the item as the client
// wrote it, with its kind and, after approval, its result.
#pragma once

#include <string>
#include <vector>

#include "common/rpc/status_details.h"
#include "huinong/org/v1/changes.pb.h"
#include "svc-org/src/domain/change_item.h"

namespace huinong::org {

// Reads every item (at most 200) into `out`, in order.
void ReadChangeItems(const google::protobuf::RepeatedPtrField<v1::ChangeItem>& items, const std::string& prefix,
                     std::vector<ChangeItem>& out, rpc::Violations& v);

v1::ChangeItem ToProto(const ChangeItem& item);

}  // namespace huinong::org
