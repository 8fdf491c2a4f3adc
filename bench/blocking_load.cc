#include "bench/blocking_load.h"

#include <thread>
#include <vector>

namespace huinong::bench {

LoadResult RunBlockingLoad(const std::string& label, const LoopOptions& options,
                           const std::function<absl::Status(int worker)>& call) {
  Window window(options);
  std::vector<Shard> shards(options.concurrency);
  std::vector<std::thread> workers;
  window.Begin();
  for (int w = 0; w < options.concurrency; ++w) {
    workers.emplace_back([&, w] {
      for (int64_t now = MonotonicNanos(); window.KeepGoing(now);) {
        const int64_t start = MonotonicNanos();
        const absl::Status status = call(w);
        now = MonotonicNanos();
        if (window.Record(now)) {
          shards[w].Record(static_cast<int>(status.code()), now - start, std::string(status.message()));
        }
      }
    });
  }
  window.RunWindow();
  for (auto& t : workers) t.join();
  return Merge(label, window.seconds(), shards);
}

}  // namespace huinong::bench
