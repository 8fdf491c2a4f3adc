// See call_gate.h.
#include "common/server/call_gate.h"

#include "absl/time/clock.h"

namespace huinong::server {
namespace {

// The innermost live VerdictScope of this thread.
thread_local const CallGate::VerdictScope* t_scope = nullptr;

}  // namespace

CallGate::CallGate(std::shared_ptr<const auth::TokenVerifier> verifier)
    : verifier_(std::move(verifier)) {}

CallGate::VerdictScope::VerdictScope(const CallGate& gate, const grpc::ServerContextBase* ctx,
                                     const absl::StatusOr<auth::Principal>* verdict)
    : gate_(&gate), ctx_(ctx), verdict_(verdict), outer_(t_scope) {
  t_scope = this;
}

CallGate::VerdictScope::~VerdictScope() { t_scope = outer_; }

absl::StatusOr<auth::Principal> CallGate::Authenticate(
    std::optional<absl::string_view> authorization) const {
  if (!authorization.has_value() || authorization->empty()) {
    return absl::UnauthenticatedError("missing bearer token");
  }
  auto token = auth::BearerToken(std::string_view(authorization->data(), authorization->size()));
  if (!token.ok()) return token.status();
  return verifier_->Verify(*token, absl::Now());
}

const absl::StatusOr<auth::Principal>* CallGate::VerdictFor(const grpc::ServerContextBase& ctx) const {
  for (const VerdictScope* scope = t_scope; scope != nullptr; scope = scope->outer_) {
    if (scope->gate_ == this && scope->ctx_ == &ctx) return scope->verdict_;
  }
  return nullptr;
}

bool CallGate::HasVerdict(const grpc::ServerContextBase& ctx) const { return VerdictFor(ctx) != nullptr; }

absl::StatusOr<auth::Principal> CallGate::Caller(const grpc::ServerContextBase& ctx) const {
  if (const absl::StatusOr<auth::Principal>* verdict = VerdictFor(ctx)) return *verdict;
  const auto& md = ctx.client_metadata();
  auto it = md.find("authorization");
  if (it == md.end()) return Authenticate(std::nullopt);
  return Authenticate(absl::string_view(it->second.data(), it->second.size()));
}

}  // namespace huinong::server
