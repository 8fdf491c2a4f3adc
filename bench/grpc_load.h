// A closed-loop load generator for any unary gRPC method, by full method name
// and serialized request bytes (the generic callback API: no generated stub is
// needed, and responses are not parsed, so the client spends as little of the
// shared CPU as possible).
//
// Guarantees: exactly `concurrency` calls are in flight during warm-up and
// window, spread round-robin over `channels` separate TCP connections (each
// channel has its own subchannel pool, so gRPC does not merge them); every
// call carries the endpoint's metadata and a deadline; RunGrpcLoad returns
// only after every call it started has completed.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/support/byte_buffer.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/closed_loop.h"
#include "bench/load_result.h"

namespace huinong::bench {

struct Endpoint {
  std::string address;      // host:port
  std::string method_path;  // "/package.Service/Method"
  std::vector<std::pair<std::string, std::string>> metadata;  // authorization, x-huinong-backend, ...
};

// Makes the request of each call. Next(slot) is called by one slot at a time
// (a slot issues its next call only after the previous one completed), so an
// implementation may keep per-slot state without locks.
class RequestSource {
 public:
  virtual ~RequestSource() = default;
  virtual grpc::ByteBuffer Next(int slot) = 0;
};

// `n` channels to `address`, each on its own connection, connected within `timeout`.
absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> OpenChannels(const std::string& address, int n,
                                                                         absl::Duration timeout);

// One call (probes and setup steps); the response bytes or the call's status.
absl::StatusOr<grpc::ByteBuffer> CallOnce(grpc::Channel& channel, const Endpoint& endpoint,
                                          const grpc::ByteBuffer& request, absl::Duration timeout);

LoadResult RunGrpcLoad(const std::string& label, const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                       const Endpoint& endpoint, RequestSource& requests, const LoopOptions& options);

}  // namespace huinong::bench
