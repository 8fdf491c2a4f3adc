// See prepared_inputs.h.
#include "bench/prepared_inputs.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"

namespace huinong::bench {

absl::Status PreparedInputs::TopUp(int64_t unused_wanted, int threads) {
  const int64_t first = made();
  const int64_t missing = unused_wanted - unused();
  exhausted_ = false;
  if (missing <= 0) return absl::OkStatus();
  std::vector<grpc::ByteBuffer> made_now(static_cast<size_t>(missing));
  absl::Mutex mu;
  absl::Status first_error;
  std::atomic<int64_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < std::max(1, threads); ++t) {
    workers.emplace_back([&] {
      for (int64_t k = next++; k < missing; k = next++) {
        absl::StatusOr<grpc::ByteBuffer> item = make_(first + k);
        if (item.ok()) {
          made_now[static_cast<size_t>(k)] = *std::move(item);
          continue;
        }
        absl::MutexLock lock(&mu);
        if (first_error.ok()) first_error = item.status();
        next = missing;  // stop every worker
      }
    });
  }
  for (std::thread& w : workers) w.join();
  RETURN_IF_ERROR(first_error);
  for (grpc::ByteBuffer& b : made_now) items_.push_back(std::move(b));
  return absl::OkStatus();
}

grpc::ByteBuffer PreparedInputs::Next(int) {
  const int64_t k = next_++;
  if (k >= made()) {
    exhausted_ = true;
    return items_.empty() ? grpc::ByteBuffer() : items_.back();
  }
  return items_[static_cast<size_t>(k)];
}

int64_t PreparedInputs::unused() const { return std::max<int64_t>(0, made() - next_.load()); }

int64_t ItemsFor(double max_rate, const LoopOptions& loop) {
  const double window = loop.count > 0 ? static_cast<double>(loop.count) / max_rate : absl::ToDoubleSeconds(loop.duration);
  return static_cast<int64_t>(std::ceil(max_rate * (absl::ToDoubleSeconds(loop.warmup) + window))) + loop.concurrency;
}

ItemMaker StepItems(const Scenario& scenario, const MethodInfo& method, StepContext& context, Variables vars) {
  return [&scenario, method, &context, vars = std::move(vars)](int64_t item) -> absl::StatusOr<grpc::ByteBuffer> {
    Variables mine = vars;
    const int slot = static_cast<int>(item % 1'000'000'000);
    mine["item"] = {absl::StrCat(item)};
    RETURN_IF_ERROR(RunSteps(scenario.prepare.steps, context, mine, slot));
    ASSIGN_OR_RETURN(std::string text, ExpandVariables(scenario.request, mine, slot));
    ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> request, ParseRequest(*method.input, text));
    SubstituteUlid(*request, NewUlid());
    return ToByteBuffer(*request);
  };
}

}  // namespace huinong::bench
