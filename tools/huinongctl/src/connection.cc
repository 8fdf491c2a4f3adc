// Gateway channel and per-call metadata; see connection.h.
#include "tools/huinongctl/src/connection.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/core/ids.h"
#include "common/core/string_views.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {

std::string GatewayTarget(std::string_view gateway) {
  absl::string_view g = absl::StripAsciiWhitespace(ToAbsl(gateway));
  // The gateway speaks plaintext h2c; a URL pasted from docs should still work.
  if (!absl::ConsumePrefix(&g, "http://")) absl::ConsumePrefix(&g, "grpc://");
  absl::ConsumeSuffix(&g, "/");
  return std::string(g);
}

absl::StatusOr<ConnectionOptions> ConnectionOptionsFrom(const Config& config) {
  ConnectionOptions options;
  options.gateway = GatewayTarget(config.String("gateway"));
  if (options.gateway.empty()) {
    return UsageError(
        "no gateway: pass --gateway=HOST:PORT, set HUINONG_GATEWAY, or run `source .run/env`");
  }
  options.token = std::string(absl::StripAsciiWhitespace(config.String("token")));
  absl::StatusOr<absl::Duration> timeout = config.Duration("timeout", absl::Seconds(10));
  if (!timeout.ok()) return AsUsageError(timeout.status());
  if (*timeout <= absl::ZeroDuration()) return UsageError("--timeout must be positive");
  options.timeout = *timeout;
  return options;
}

Connection::Connection(ConnectionOptions options)
    : options_(std::move(options)),
      channel_(grpc::CreateChannel(options_.gateway, grpc::InsecureChannelCredentials())) {}

Connection::Connection(absl::StatusOr<ConnectionOptions> options) {
  if (!options.ok()) {
    status_ = options.status();
    return;
  }
  options_ = *std::move(options);
  channel_ = grpc::CreateChannel(options_.gateway, grpc::InsecureChannelCredentials());
}

void Connection::Prepare(grpc::ClientContext& context, absl::Duration timeout,
                         const std::vector<std::pair<std::string, std::string>>& extra) const {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!options_.token.empty()) {
    context.AddMetadata("authorization", "Bearer " + options_.token);
  }
  context.AddMetadata("x-request-id", NewUlid());
  for (const auto& [key, value] : extra) context.AddMetadata(key, value);
}

}  // namespace huinong::ctl
