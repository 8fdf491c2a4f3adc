// What one closed-loop load run measured: calls per second in the measured
// window, latency percentiles of the successful calls, and failures by gRPC
// status code (with the first message of each code, so a failing scenario
// says why instead of showing a number).
//
// Guarantees: a worker (an in-flight slot or a thread) records only into its
// own Shard, so recording takes no lock; Merge combines shards once the run
// has drained. Percentiles are nearest-rank over every recorded sample (no
// bucketing error).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace huinong::bench {

inline constexpr int kGrpcCodes = 17;

// "OK", "CANCELLED", ... "UNAUTHENTICATED"; "UNKNOWN" outside 0..16.
const char* CodeName(int code);

struct LatencySummary {
  int64_t count = 0;
  double mean_us = 0;
  double p50_us = 0;
  double p90_us = 0;
  double p99_us = 0;
  double p999_us = 0;
  double max_us = 0;
};

// Nearest-rank percentiles; sorts `samples_ns` in place. All zero when empty.
LatencySummary Summarize(std::vector<int64_t>& samples_ns);

// One worker's record of the measured window.
struct Shard {
  std::vector<int64_t> ok_ns;                    // latency of each successful call
  std::array<int64_t, kGrpcCodes> failed{};      // failed calls by status code
  std::array<std::string, kGrpcCodes> first_message;

  void Record(int code, int64_t latency_ns, const std::string& message);
};

struct LoadResult {
  std::string label;
  double window_s = 0;                            // length of the measured window
  int64_t ok = 0;                                 // successful calls in the window
  std::map<std::string, int64_t> errors;          // code name -> failed calls
  std::map<std::string, std::string> first_error; // code name -> first message
  LatencySummary latency;                         // of the successful calls
  std::vector<int64_t> samples_ns;                // every successful call's latency, sorted
  double items_per_call = 1;                      // rows or events one call carries

  double calls_per_s() const { return window_s > 0 ? static_cast<double>(ok) / window_s : 0; }
  double items_per_s() const { return calls_per_s() * items_per_call; }
  int64_t error_count() const;
  // "UNIMPLEMENTED: ..." for the most frequent failure; empty when none failed.
  std::string MainError() const;
};

LoadResult Merge(std::string label, double window_s, std::vector<Shard>& shards);

// Several windows of the same measurement as one: calls, failures and window
// lengths add up, percentiles are over all samples together.
LoadResult Pool(const std::vector<LoadResult>& parts);

}  // namespace huinong::bench
