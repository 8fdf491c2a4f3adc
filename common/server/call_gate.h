// Who is calling. The interceptor authenticates each call once, as its
// metadata arrives, and remembers the outcome keyed by the call's context;
// handlers ask the gate for the caller and get the principal or
// UNAUTHENTICATED. gRPC C++ 1.51 server interceptors cannot fail a call before
// the handler runs, so the refusal happens at the handler's first line — and
// when interceptors are off the gate verifies the token itself, so a handler
// is never reachable without a valid token.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include <grpcpp/server_context.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/auth/principal.h"
#include "common/auth/token.h"

namespace huinong::server {

class CallGate {
 public:
  explicit CallGate(std::shared_ptr<const auth::TokenVerifier> verifier);

  // The authenticated caller of the call behind `ctx`.
  absl::StatusOr<auth::Principal> Caller(const grpc::ServerContextBase& ctx) const;

  // Verifies an `authorization` header value ("Bearer <jwt>"); nullopt when absent.
  absl::StatusOr<auth::Principal> Authenticate(std::optional<absl::string_view> authorization) const;

  // Interceptor side: remember the verdict for a call, and forget it when the call ends.
  void Remember(const grpc::ServerContextBase* ctx, absl::StatusOr<auth::Principal> verdict);
  void Forget(const grpc::ServerContextBase* ctx);

 private:
  std::shared_ptr<const auth::TokenVerifier> verifier_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<const grpc::ServerContextBase*, absl::StatusOr<auth::Principal>> calls_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong::server
