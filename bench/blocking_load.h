// A closed loop of blocking calls on `concurrency` threads, for work that has
// no async API: MySQL Connector/C++ transactions (the raw-insert baseline) and
// the synchronous audit append of audit_bench. Same window rules as the gRPC
// runner (bench/closed_loop.h), so the figures compare.
#pragma once

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "bench/closed_loop.h"
#include "bench/load_result.h"

namespace huinong::bench {

// `call(worker)` does one unit of work on worker thread `worker` (0-based) and
// returns its outcome; it is never called concurrently for the same worker.
LoadResult RunBlockingLoad(const std::string& label, const LoopOptions& options,
                           const std::function<absl::Status(int worker)>& call);

}  // namespace huinong::bench
