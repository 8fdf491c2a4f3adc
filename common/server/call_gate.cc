#include "common/server/call_gate.h"

#include "absl/time/clock.h"

namespace huinong::server {

CallGate::CallGate(std::shared_ptr<const auth::TokenVerifier> verifier)
    : verifier_(std::move(verifier)) {}

absl::StatusOr<auth::Principal> CallGate::Authenticate(
    std::optional<absl::string_view> authorization) const {
  if (!authorization.has_value() || authorization->empty()) {
    return absl::UnauthenticatedError("missing bearer token");
  }
  auto token = auth::BearerToken(std::string_view(authorization->data(), authorization->size()));
  if (!token.ok()) return token.status();
  return verifier_->Verify(*token, absl::Now());
}

absl::StatusOr<auth::Principal> CallGate::Caller(const grpc::ServerContextBase& ctx) const {
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = calls_.find(&ctx);
    if (it != calls_.end()) return it->second;
  }
  const auto& md = ctx.client_metadata();
  auto it = md.find("authorization");
  if (it == md.end()) return Authenticate(std::nullopt);
  return Authenticate(absl::string_view(it->second.data(), it->second.size()));
}

void CallGate::Remember(const grpc::ServerContextBase* ctx,
                        absl::StatusOr<auth::Principal> verdict) {
  absl::MutexLock lock(&mu_);
  calls_.insert_or_assign(ctx, std::move(verdict));
}

void CallGate::Forget(const grpc::ServerContextBase* ctx) {
  absl::MutexLock lock(&mu_);
  calls_.erase(ctx);
}

}  // namespace huinong::server
