// Proto <-> domain for change requests (changes.proto ChangeRequest <->
// domain/change_request.h): the client's fields read and checked on create
// and update, and the whole request written back with names for ids.
#pragma once

#include <set>
#include <string>

#include "common/rpc/status_details.h"
#include "huinong/org/v1/changes.pb.h"
#include "svc-org/src/domain/change_request.h"

namespace huinong::org {

std::string ChangeRequestName(const std::string& id);  // "changeRequests/{id}"

// The fields a client writes ("title", "reason", "items", "effective_date",
// "documents").
const std::set<std::string>& ChangeRequestWritableFields();

// Reads the fields of `in` named in `paths` into `out`; violations name them
// under "change_request.".
void ReadChangeRequestFields(const v1::ChangeRequest& in, const std::set<std::string>& paths, ChangeRequest& out,
                             rpc::Violations& v);

v1::ChangeRequest ToProto(const ChangeRequest& request);

}  // namespace huinong::org
