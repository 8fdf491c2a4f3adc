// Access to the running suite for end-to-end tests: the gateway address and
// an admin token from the run's env file (exported by scripts/test.sh), token
// minting for other callers, and the services' metrics addresses.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

namespace huinong::e2e {

struct Backend {
  std::string name;          // "org"
  std::vector<std::string> services;  // every service it serves: "huinong.org.v1.UnitService", ...
  std::string addr;          // "127.0.0.1:61051", the service itself (not the gateway)
  std::string metrics_addr;  // "127.0.0.1:19101"
  // Every replica's gRPC address, replica 1's (addr) first: one unless the
  // suite runs several (scripts/up.sh --replicas, HUINONG_<NAME>_ADDRS).
  std::vector<std::string> replicas = {};
};

class Suite {
 public:
  // The suite named by the environment; fails the current test when absent.
  static Suite& Get();

  std::shared_ptr<grpc::Channel> Gateway() const { return channel_; }
  const std::vector<Backend>& backends() const { return backends_; }
  // Where the built binaries are (huinongctl).
  const std::string& bin_dir() const { return bin_dir_; }
  // The suite's run directory (pid files, logs).
  const std::string& run_dir() const { return run_dir_; }

  // Stops one service (org|tickets|loans|audit), every replica of it, with
  // `signal` and waits until they are gone.
  bool StopService(const std::string& name, int signal) const;
  // Starts whatever is not running again, with the same scripts/up.sh a user
  // runs. With a `clock_offset` ("2400h"), what it starts runs its business
  // clock that far ahead of the wall clock (HUINONG_CLOCK_OFFSET): stop a
  // service, restart it ahead to live through later business days, and stop
  // and restart it again without an offset to come back.
  bool Restart(const std::string& clock_offset = "") const;

  std::string AdminToken() const { return admin_token_; }
  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::string& unit) const;
  // A context with a deadline, an optional bearer token and a request id.
  std::unique_ptr<grpc::ClientContext> Context(const std::string& token) const;
  bool ok() const { return ok_; }

 private:
  Suite();
  bool ok_ = false;
  std::shared_ptr<grpc::Channel> channel_;
  std::vector<Backend> backends_;
  std::string admin_token_, secret_, issuer_, audience_, bin_dir_, run_dir_;
};

// A suffix that makes names unique per test run.
std::string Unique();

}  // namespace huinong::e2e
