// huinong.type.v1.DocumentRef <-> domain::DocumentRef for svc-loans'
// records (poverty notices, credit reports, qualifications, blacklist
// evidence, workflow documents): every part optional; a digest, when given,
// is 64 lower-case hex digits, so a document's bytes can be checked later.
#pragma once

#include <string>

#include "common/domain/document_ref.h"
#include "common/rpc/status_details.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::loans {

domain::DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field, rpc::Violations& v);
type::v1::DocumentRef ToProto(const domain::DocumentRef& d);

}  // namespace huinong::loans
