// Setup steps of a plan: ordinary calls to the suite (e.g. CreateUnit of a
// scratch unit with a fixed request id, so every run reuses the same rows)
// whose response fields are captured into variables for the templates.
//
// Guarantees: a step's failure names the step and keeps the gRPC code
// (UNIMPLEMENTED stays UNIMPLEMENTED, so the caller can say "not implemented
// yet"); a captured variable is replaced, not appended to, when a step runs
// again.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/status/status.h"
#include "bench/plan.h"
#include "bench/request_template.h"

namespace huinong::bench {

// One channel per service address, opened on first use.
class Channels {
 public:
  explicit Channels(std::map<std::string, std::string> service_addr) : addr_(std::move(service_addr)) {}
  absl::StatusOr<std::shared_ptr<grpc::Channel>> For(const std::string& service);
  absl::StatusOr<std::string> Address(const std::string& service) const;

 private:
  std::map<std::string, std::string> addr_;
  std::map<std::string, std::shared_ptr<grpc::Channel>> open_;
};

absl::Status RunSteps(const std::vector<CallStep>& steps, Channels& channels, const std::string& bearer,
                      Variables& vars);

// "not implemented yet: <message>" for UNIMPLEMENTED; otherwise "<CODE>: <message>".
std::string WhyNot(const absl::Status& status);

// "huinong.org.v1.PostService/CreatePost" -> "PostService/CreatePost".
std::string ShortMethod(const std::string& method);

}  // namespace huinong::bench
