// The one gRPC channel huinongctl opens: plaintext HTTP/2 (h2c) to the nginx
// gateway. Every call prepared here carries a deadline, `x-request-id` (a new
// ULID, so the call can be found in the gateway and service logs) and, when a
// token is configured, `authorization: Bearer <token>`.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/core/config.h"

namespace huinong::ctl {

struct ConnectionOptions {
  std::string gateway;  // host:port
  std::string token;    // empty: calls go without authorization
  absl::Duration timeout = absl::Seconds(10);
};

// From --gateway/HUINONG_GATEWAY, --token/HUINONG_TOKEN and --timeout.
// A usage error when the gateway is missing or the timeout is not a positive duration.
absl::StatusOr<ConnectionOptions> ConnectionOptionsFrom(const Config& config);

// "http://host:port/" -> "host:port"; other text is returned trimmed.
std::string GatewayTarget(std::string_view gateway);

class Connection {
 public:
  explicit Connection(ConnectionOptions options);
  // With bad options no channel is opened and status() is their error; a
  // command can then still report its own usage errors before this one.
  explicit Connection(absl::StatusOr<ConnectionOptions> options);

  // OK when the channel exists; check before using channel() or Prepare().
  const absl::Status& status() const { return status_; }

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  absl::Duration timeout() const { return options_.timeout; }

  // Sets the deadline (now + `timeout`) and the metadata described above,
  // plus any `extra` key/value pairs (keys lower case).
  void Prepare(grpc::ClientContext& context, absl::Duration timeout,
               const std::vector<std::pair<std::string, std::string>>& extra = {}) const;
  void Prepare(grpc::ClientContext& context) const { Prepare(context, options_.timeout); }

 private:
  absl::Status status_;
  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace huinong::ctl
