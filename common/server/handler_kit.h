// The one way to write a mutating gRPC handler (see docs/architecture.md,
// "How to write a handler"; the model is svc-org's CreateUnit/UpdateUnit).
//
//   return kit_.Mutate(*ctx, *req, resp, "CreateUnit",
//       [&](const auth::Principal& caller) -> server::Prepared<v1::Unit> {
//         ... validate the request, resolve the caller's scope (no transaction yet)
//         return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Unit> {
//           ... the change, in the transaction
//         };
//       });
//
// The prepare step returns the change as a closure over what it validated,
// so the validated values travel into the transaction by value.
//
// What Mutate does, once, so no handler writes it out:
// 1. authenticates the caller (the gate) — UNAUTHENTICATED otherwise;
// 2. checks `request_id` and runs `prepare` outside any transaction: it
//    validates the request and resolves what authorization needs from caches
//    (the caller's scope), so no lock is taken for a call that will be
//    refused; every bad field, request_id included, is named in one
//    INVALID_ARGUMENT;
// 3. claims (caller, request_id) in the change's own transaction, or returns
//    the first response stored for it (db/request_log.h); the same id with
//    another request is INVALID_ARGUMENT REQUEST_ID_REUSED;
// 4. runs `change` in one transaction; a deadlock, lock-wait timeout or lost
//    connection runs the whole transaction again (the pool's retry), so a
//    use case must pass those statuses through unchanged;
// 5. `validate_only` (when the request has it) runs the same code and rolls
//    back at the end, claiming nothing;
// 6. audit events recorded through the Mutation go to the outbox in the same
//    transaction, their action named from `method` — named once, here;
// 7. after the commit runs the change's after-commit hooks (cache
//    invalidation), then maps absl::Status to the gRPC status with details.
//
// The one way to write a read handler (the model is svc-org's GetUnit):
//
//   return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
//                              const server::Reader& reader) -> absl::Status {
//     ... check the request into `v`, refuse the caller, resolve their scope
//     return reader([&](sql::Connection& conn) -> absl::Status {
//       ... read and fill *resp, on one pooled connection
//     });
//   });
//
// What Read does, once, so no handler writes it out:
// 1. authenticates the caller (the gate) — UNAUTHENTICATED otherwise;
// 2. hands the body an empty rpc::Violations to name every bad field in;
// 3. `reader` checks those fields before it takes a connection, so a bad
//    request never reaches the database, then runs its body on one pooled
//    connection (DbPool::Read). A body may read more than once (svc-audit
//    verifies the chain chunk by chunk) or not at all (an answer from a
//    cache); each read is checked the same way;
// 4. answers every bad field in one INVALID_ARGUMENT before any other
//    outcome of the body (a bad request is told so first, as in Mutate), and
//    otherwise maps the body's absl::Status to the gRPC status with details;
//    a stray exception becomes INTERNAL.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/core/business_clock.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "common/rpc/status_details.h"
#include "common/server/call_gate.h"
#include "common/server/handle.h"
#include "common/server/mutation.h"

namespace huinong::server {

// What a prepare step answers: the change to run in the transaction, or why
// the call is refused before any transaction.
template <class Response>
using Change = std::function<absl::StatusOr<Response>(Mutation&)>;
template <class Response>
using Prepared = absl::StatusOr<Change<Response>>;

// What a read handler reads through (see Read): each call checks the
// request's fields, then runs `body` on one pooled connection.
class Reader {
 public:
  Reader(db::DbPool& pool, const rpc::Violations& v) : pool_(pool), v_(v) {}
  absl::Status operator()(const db::DbPool::Body& body) const;

 private:
  db::DbPool& pool_;
  const rpc::Violations& v_;
};

class HandlerKit {
 public:
  using ChangeBytes = std::function<absl::StatusOr<std::string>(Mutation&)>;

  HandlerKit(db::DbPool& pool, const CallGate& gate, std::shared_ptr<const BusinessClock> clock,
             ServiceIdentity service);

  db::DbPool& pool() const { return pool_; }
  const CallGate& gate() const { return gate_; }
  const BusinessClock& clock() const { return *clock_; }
  const ServiceIdentity& service() const { return service_; }

  // `prepare`: Prepared<Response>(const auth::Principal&).
  template <class Request, class Response, class Prepare>
  grpc::Status Mutate(const grpc::ServerContextBase& ctx, const Request& req, Response* resp,
                      absl::string_view method, Prepare&& prepare) const {
    return Handle(gate_, ctx, [&](const auth::Principal& caller) -> absl::Status {
      Prepared<Response> change = prepare(caller);
      RETURN_IF_ERROR(CheckPrepared(req.request_id(), change.status()));
      ASSIGN_OR_RETURN(std::string bytes,
                       Run(caller, method, req, req.request_id(), ValidateOnly(req),
                           [&](Mutation& m) -> absl::StatusOr<std::string> {
                             ASSIGN_OR_RETURN(Response r, (*change)(m));
                             return r.SerializeAsString();
                           }));
      if (!resp->ParseFromString(bytes)) return absl::InternalError("stored response does not parse");
      return absl::OkStatus();
    });
  }

  // `body`: absl::Status(const auth::Principal& caller, rpc::Violations& v, const Reader& reader).
  template <class Body>
  grpc::Status Read(const grpc::ServerContextBase& ctx, Body&& body) const {
    return Handle(gate_, ctx, [&](const auth::Principal& caller) { return ReadAs(caller, body); });
  }

  // Steps 2-4 of Read for a caller already authenticated. Exposed for tests
  // of the kit itself.
  template <class Body>
  absl::Status ReadAs(const auth::Principal& caller, Body&& body) const {
    rpc::Violations v;
    const absl::Status answer = body(caller, v, Reader(pool_, v));
    RETURN_IF_ERROR(v.ToStatus());
    return answer;
  }

  // The serialized-response core of Mutate (steps 3-7), for callers that
  // already hold the principal. Exposed for tests of the kit itself.
  absl::StatusOr<std::string> Run(const auth::Principal& caller, absl::string_view method,
                                  const google::protobuf::Message& request, absl::string_view request_id,
                                  bool validate_only, const ChangeBytes& change) const;

 private:
  template <class Request>
  static bool ValidateOnly(const Request& req) {
    if constexpr (requires { req.validate_only(); }) {
      return req.validate_only();
    } else {
      return false;
    }
  }
  // OK, or the prepare step's error with a bad request_id added to its fields.
  static absl::Status CheckPrepared(absl::string_view request_id, const absl::Status& prepared);

  db::DbPool& pool_;
  const CallGate& gate_;
  std::shared_ptr<const BusinessClock> clock_;
  ServiceIdentity service_;
};

}  // namespace huinong::server
