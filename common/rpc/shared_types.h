// The suite's shared API types (huinong/type/v1/types.proto) between proto
// and domain, for every service: document references and money. Each read
// adds its violations to a Violations list, so one INVALID_ARGUMENT names
// every bad field.
#pragma once

#include <cstdint>
#include <string>

#include "common/domain/document_ref.h"
#include "common/rpc/status_details.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::rpc {

// A document reference: uri up to 1000 characters, title up to 200, sha256
// empty or 64 lower-case hex digits, kind empty or up to 40 of [a-z0-9_],
// number up to 100 characters.
domain::DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field, Violations& v);
type::v1::DocumentRef ToProto(const domain::DocumentRef& d);
// `required`: a reference without a uri or a sha256 (a kind, number or
// title alone points at nothing) is named as missing.
domain::DocumentRef ReadRequiredDocument(const type::v1::DocumentRef& in, const std::string& field, Violations& v);

type::v1::Money ToMoney(int64_t fen);

}  // namespace huinong::rpc
