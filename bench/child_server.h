// A baseline server in a separate process: this binary re-executed with a
// server subcommand (e.g. serve-empty). A separate process, like the real
// services, so client and server do not share gRPC's threads and the kernel
// schedules them as it schedules the suite.
//
// Guarantees: Start returns once the child printed "port <n>" (it accepts
// calls) or fails within `timeout` having stopped it; the child's stderr goes
// to `log_path`; the child gets SIGTERM if this process dies; Stop (and the
// destructor) sends SIGTERM to this child's pid only, waits, and SIGKILLs it
// after 10 s.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace huinong::bench {

class ChildServer {
 public:
  static absl::StatusOr<std::unique_ptr<ChildServer>> Start(const std::vector<std::string>& args,
                                                            const std::string& log_path,
                                                            absl::Duration timeout);
  ~ChildServer();
  ChildServer(const ChildServer&) = delete;
  ChildServer& operator=(const ChildServer&) = delete;

  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  void Stop();

 private:
  ChildServer(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_;
  int port_;
};

}  // namespace huinong::bench
