// Idempotent mutations: a retry with the same request_id returns the first
// result and changes nothing.
//
// The (caller, request id) pair is claimed first, by an INSERT into
// `request_log` inside the change's own transaction, so a concurrent duplicate blocks on that row and,
// once the first commits, reads the stored response instead of changing
// anything. A failed change rolls back its claim, so it may be retried. The
// same id with a different request (method or body) is INVALID_ARGUMENT,
// reason REQUEST_ID_REUSED.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <google/protobuf/message.h>

#include "absl/status/statusor.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"

namespace huinong::db {

struct RequestKey {
  std::string caller;       // the token's subject: request ids are per caller
  std::string request_id;
  std::string method;       // e.g. "CreateUnit"
  std::string fingerprint;  // RequestFingerprint of the whole request
};

// SHA-256 (hex) of the method, the caller and the deterministic serialization
// of the request. The caller is part of it so that one caller's request id
// never replays another caller's response.
std::string RequestFingerprint(absl::string_view method, absl::string_view caller,
                               const google::protobuf::Message& request);
RequestKey KeyFor(absl::string_view method, absl::string_view caller, absl::string_view request_id,
                  const google::protobuf::Message& request);

// Runs `change` in a transaction unless the request was already served; the
// returned bytes are the (first) serialized response. `replayed`, when given,
// says whether the committed attempt replayed a stored response (true) or ran
// `change` (false).
absl::StatusOr<std::string> RunOnceBytes(
    DbPool& pool, const RequestKey& key,
    const std::function<absl::StatusOr<std::string>(sql::Connection&)>& change,
    bool* replayed = nullptr);

// Typed form: `change` returns the response message.
template <class Response>
absl::StatusOr<Response> RunOnce(
    DbPool& pool, const RequestKey& key,
    const std::function<absl::StatusOr<Response>(sql::Connection&)>& change) {
  ASSIGN_OR_RETURN(std::string bytes,
                   RunOnceBytes(pool, key, [&](sql::Connection& conn) -> absl::StatusOr<std::string> {
                     ASSIGN_OR_RETURN(Response r, change(conn));
                     return r.SerializeAsString();
                   }));
  Response out;
  if (!out.ParseFromString(bytes)) return absl::InternalError("stored response does not parse");
  return out;
}

}  // namespace huinong::db
