#include "bench/load_result.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace huinong::bench {

const char* CodeName(int code) {
  static constexpr std::array<const char*, kGrpcCodes> kNames = {
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
      "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED"};
  return code >= 0 && code < kGrpcCodes ? kNames[code] : "UNKNOWN";
}

namespace {

// Nearest rank: the smallest sample with at least q of all samples at or below it.
double Rank(const std::vector<int64_t>& sorted, double q) {
  const double n = static_cast<double>(sorted.size());
  size_t rank = static_cast<size_t>(std::ceil(q * n));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return static_cast<double>(sorted[rank - 1]) / 1000.0;
}

}  // namespace

LatencySummary Summarize(std::vector<int64_t>& samples_ns) {
  LatencySummary s;
  if (samples_ns.empty()) return s;
  std::sort(samples_ns.begin(), samples_ns.end());
  s.count = static_cast<int64_t>(samples_ns.size());
  long double total = 0;
  for (int64_t v : samples_ns) total += v;
  s.mean_us = static_cast<double>(total / samples_ns.size()) / 1000.0;
  s.p50_us = Rank(samples_ns, 0.50);
  s.p90_us = Rank(samples_ns, 0.90);
  s.p99_us = Rank(samples_ns, 0.99);
  s.p999_us = Rank(samples_ns, 0.999);
  s.max_us = static_cast<double>(samples_ns.back()) / 1000.0;
  return s;
}

void Shard::Record(int code, int64_t latency_ns, const std::string& message) {
  if (code == 0) {
    ok_ns.push_back(latency_ns);
    return;
  }
  if (code < 0 || code >= kGrpcCodes) code = 2;
  if (failed[code]++ == 0) first_message[code] = message;
}

int64_t LoadResult::error_count() const {
  int64_t n = 0;
  for (const auto& [code, count] : errors) n += count;
  return n;
}

std::string LoadResult::MainError() const {
  std::string worst;
  int64_t most = 0;
  for (const auto& [code, count] : errors) {
    if (count > most) {
      most = count;
      worst = code;
    }
  }
  if (worst.empty()) return "";
  auto it = first_error.find(worst);
  return it == first_error.end() || it->second.empty() ? worst : absl::StrCat(worst, ": ", it->second);
}

LoadResult Merge(std::string label, double window_s, std::vector<Shard>& shards) {
  LoadResult r;
  r.label = std::move(label);
  r.window_s = window_s;
  std::vector<int64_t> all;
  size_t total = 0;
  for (const Shard& s : shards) total += s.ok_ns.size();
  all.reserve(total);
  for (Shard& s : shards) {
    all.insert(all.end(), s.ok_ns.begin(), s.ok_ns.end());
    for (int code = 1; code < kGrpcCodes; ++code) {
      if (s.failed[code] == 0) continue;
      r.errors[CodeName(code)] += s.failed[code];
      r.first_error.emplace(CodeName(code), s.first_message[code]);
    }
  }
  r.ok = static_cast<int64_t>(all.size());
  r.latency = Summarize(all);
  r.samples_ns = std::move(all);
  return r;
}

LoadResult Pool(const std::vector<LoadResult>& parts) {
  LoadResult r;
  if (parts.empty()) return r;
  r.label = parts[0].label;
  r.items_per_call = parts[0].items_per_call;
  for (const LoadResult& p : parts) {
    r.window_s += p.window_s;
    r.ok += p.ok;
    for (const auto& [code, n] : p.errors) r.errors[code] += n;
    for (const auto& [code, msg] : p.first_error) r.first_error.emplace(code, msg);
    r.samples_ns.insert(r.samples_ns.end(), p.samples_ns.begin(), p.samples_ns.end());
  }
  r.latency = Summarize(r.samples_ns);
  return r;
}

}  // namespace huinong::bench
