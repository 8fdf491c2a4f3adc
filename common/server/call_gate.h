// Who is calling. The interceptor authenticates each call once, as its
// metadata arrives, and hands the verdict to the call's handler through a
// VerdictScope; handlers ask the gate for the caller and get the principal or
// UNAUTHENTICATED. gRPC C++ 1.51 server interceptors cannot fail a call before
// the handler runs, so the refusal happens at the handler's first line — and
// whenever no verdict is at hand (interceptors off, or a handler running
// outside the scope) the gate verifies the token itself, so a handler is
// never reachable without a valid token.
//
// Why a scope and not a table of calls: gRPC's synchronous server runs the
// handler inside the interceptor's Proceed() for the batch that delivered the
// call's metadata and request — on the same thread, within that stack frame
// (InterceptorBatchMethodsImpl::ProceedServer calls the handler's callback).
// A VerdictScope around that Proceed() is therefore alive exactly while the
// handler runs, costs a thread-local store instead of a shared map's lock,
// insert and erase, and cannot be found by any other call: it answers only
// for its own gate and its own context on its own thread. Should a gRPC
// version run handlers elsewhere, Caller() verifies again (slower, never
// wrong); server_test checks that the verdict is carried.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include <grpcpp/server_context.h>

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/auth/token.h"

namespace huinong::server {

class CallGate {
 public:
  explicit CallGate(std::shared_ptr<const auth::TokenVerifier> verifier);

  // The authenticated caller of the call behind `ctx`: the interceptor's
  // verdict when one is in scope, otherwise its token verified now.
  absl::StatusOr<auth::Principal> Caller(const grpc::ServerContextBase& ctx) const;

  // True when Caller(ctx) would answer from an interceptor's verdict.
  bool HasVerdict(const grpc::ServerContextBase& ctx) const;

  // Verifies an `authorization` header value ("Bearer <jwt>"); nullopt when absent.
  absl::StatusOr<auth::Principal> Authenticate(std::optional<absl::string_view> authorization) const;

  // Interceptor side: while this object lives, Caller(*ctx) on this gate and
  // this thread answers with `*verdict`. Scopes nest (the innermost wins) and
  // must end in reverse order of creation, on the thread that made them —
  // a stack object does both.
  class VerdictScope {
   public:
    VerdictScope(const CallGate& gate, const grpc::ServerContextBase* ctx,
                 const absl::StatusOr<auth::Principal>* verdict);
    ~VerdictScope();
    VerdictScope(const VerdictScope&) = delete;
    VerdictScope& operator=(const VerdictScope&) = delete;

   private:
    friend class CallGate;
    const CallGate* gate_;
    const grpc::ServerContextBase* ctx_;
    const absl::StatusOr<auth::Principal>* verdict_;
    const VerdictScope* outer_;
  };

 private:
  const absl::StatusOr<auth::Principal>* VerdictFor(const grpc::ServerContextBase& ctx) const;

  std::shared_ptr<const auth::TokenVerifier> verifier_;
};

}  // namespace huinong::server
