// The JSON body of a change request (change_requests.body_json, migration
// 0015): the parts of the domain ChangeRequest that are read and written
// whole — title, reason, documents, items, steps, the pending step and the
// submit time. Id, unit, state, effective date, drafter, version and times
// are columns. Written with nlohmann-json (keys sorted); read leniently like
// json_codec.h.
//
// A row written before migration 0015 held the API message instead; the
// migration keeps that text under "legacy_body" and copies its title and
// reason, and such a row reads with `legacy_body` holding that text, which
// every later save writes back (see ChangeRequest).
#pragma once

#include <string>

#include "svc-org/src/domain/change_request.h"

namespace huinong::org::store {

std::string EncodeBody(const ChangeRequest& request);
// Fills the body's parts of `out`; the column parts are left as they are.
void DecodeBody(const std::string& json, ChangeRequest& out);

}  // namespace huinong::org::store
