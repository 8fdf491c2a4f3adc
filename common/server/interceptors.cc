#include "common/server/interceptors.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/core/buffered_log.h"
#include "common/core/ids.h"
#include "common/core/log.h"

namespace huinong::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr int kCodes = 17;

const char* CodeName(int code) {
  static constexpr std::array<const char*, kCodes> kNames = {
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
      "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED"};
  return code >= 0 && code < kCodes ? kNames[code] : "UNKNOWN";
}

// Metric cells of one method, resolved once: the hot path only touches atomics.
struct MethodCells {
  std::string service;
  std::string method;
  bool quiet = false;  // health / reflection
  metrics::Counter* started = nullptr;
  metrics::Histogram* seconds = nullptr;
  std::array<std::atomic<metrics::Counter*>, kCodes> handled{};
};

// Each CallMetrics has an id never used again, so that a thread's cached
// cells of one that is gone can never be taken for another's.
std::atomic<uint64_t> g_next_metrics_id{1};

class CallMetrics {
 public:
  CallMetrics(metrics::Registry& registry, CallGate& gate)
      : id_(g_next_metrics_id.fetch_add(1, std::memory_order_relaxed)),
        gate_(gate),
        started_(registry.AddCounter("grpc_server_started_total",
                                     "RPCs started on the server.",
                                     {"grpc_service", "grpc_method", "grpc_type"})),
        handled_(registry.AddCounter("grpc_server_handled_total",
                                     "RPCs completed on the server, by status code.",
                                     {"grpc_service", "grpc_method", "grpc_code"})),
        seconds_(registry.AddHistogram("grpc_server_handling_seconds",
                                       "Time from receiving a call to sending its status.",
                                       {"grpc_service", "grpc_method"},
                                       metrics::LatencyBuckets())) {}

  CallGate& gate() { return gate_; }

  // A method's cells, found in this thread's cache without a lock; the
  // shared table (under the lock) only on a miss. The key is the method name's
  // address, which gRPC keeps for the server's lifetime.
  MethodCells& Cells(const char* full_method, grpc::experimental::ServerRpcInfo::Type type) {
    struct Cached {
      uint64_t owner = 0;
      const char* method = nullptr;
      MethodCells* cells = nullptr;
    };
    thread_local std::array<Cached, 64> cache;
    Cached& slot = cache[(reinterpret_cast<uintptr_t>(full_method) >> 4) % cache.size()];
    if (slot.owner != id_ || slot.method != full_method) {
      slot = {id_, full_method, &SharedCells(full_method, type)};
    }
    return *slot.cells;
  }

  MethodCells& SharedCells(const char* full_method, grpc::experimental::ServerRpcInfo::Type type) {
    absl::MutexLock lock(&mu_);
    auto& slot = cells_[full_method];
    if (!slot) {
      slot = std::make_unique<MethodCells>();
      auto [service, method] = SplitMethod(full_method);
      slot->service = service;
      slot->method = method;
      slot->quiet = absl::StartsWith(service, "grpc.");
      slot->started = &started_.WithLabels({service, method, TypeName(type)});
      slot->seconds = &seconds_.WithLabels({service, method});
    }
    return *slot;
  }

  metrics::Counter& Handled(MethodCells& cells, int code) {
    if (code < 0 || code >= kCodes) code = 2;
    metrics::Counter* cell = cells.handled[code].load(std::memory_order_acquire);
    if (cell == nullptr) {
      // Two threads may both resolve it; WithLabels returns the same cell to both.
      cell = &handled_.WithLabels({cells.service, cells.method, CodeName(code)});
      cells.handled[code].store(cell, std::memory_order_release);
    }
    return *cell;
  }

 private:
  static const char* TypeName(grpc::experimental::ServerRpcInfo::Type type) {
    using Type = grpc::experimental::ServerRpcInfo::Type;
    switch (type) {
      case Type::UNARY: return "unary";
      case Type::CLIENT_STREAMING: return "client_stream";
      case Type::SERVER_STREAMING: return "server_stream";
      case Type::BIDI_STREAMING: return "bidi_stream";
    }
    return "unary";
  }

  const uint64_t id_;
  CallGate& gate_;
  metrics::CounterFamily& started_;
  metrics::CounterFamily& handled_;
  metrics::HistogramFamily& seconds_;
  absl::Mutex mu_;
  absl::flat_hash_map<const char*, std::unique_ptr<MethodCells>> cells_ ABSL_GUARDED_BY(mu_);
};

absl::string_view Header(const std::multimap<grpc::string_ref, grpc::string_ref>& md,
                        absl::string_view key) {
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return absl::string_view(it->second.data(), it->second.size());
}

class CallInterceptor : public grpc::experimental::Interceptor {
 public:
  CallInterceptor(grpc::experimental::ServerRpcInfo* info, CallMetrics& shared)
      : info_(info), shared_(shared), cells_(shared.Cells(info->method(), info->type())) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* batch) override {
    const bool arrived =
        batch->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA);
    if (arrived) OnMetadata(*batch->GetRecvInitialMetadata());
    if (batch->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      batch->GetSendInitialMetadata()->emplace("x-request-id", request_id_);
    }
    if (batch->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      OnStatus(batch->GetSendStatus());
    }
    // The handler runs inside the Proceed() of the batch that delivered the
    // metadata (see call_gate.h), so the verdict is in scope exactly for it.
    // gRPC may destroy this interceptor before Proceed() returns: nothing
    // below may touch a member.
    std::optional<CallGate::VerdictScope> scope;
    if (arrived) scope.emplace(shared_.gate(), info_->server_context(), &verdict_);
    batch->Proceed();
  }

 private:
  void OnMetadata(const std::multimap<grpc::string_ref, grpc::string_ref>& md) {
    start_ = absl::Now();
    cells_.started->Inc();
    absl::string_view rid = Header(md, "x-request-id");
    request_id_ = !rid.empty() && rid.size() <= 128 ? std::string(rid) : NewUlid();
    absl::string_view authorization = Header(md, "authorization");
    verdict_ = shared_.gate().Authenticate(
        authorization.empty() ? std::nullopt : std::optional<absl::string_view>(authorization));
  }

  void OnStatus(const grpc::Status& status) {
    const absl::Duration took = absl::Now() - start_;
    const int code = static_cast<int>(status.error_code());
    cells_.seconds->Observe(absl::ToDoubleSeconds(took));
    shared_.Handled(cells_, code).Inc();
    const log::Level level = cells_.quiet                      ? log::Level::kDebug
                             : code == 13 || code == 2         ? log::Level::kError
                                                               : log::Level::kInfo;
    // Batched per thread and written within 100 ms, and all of it when the
    // server stops (buffered_log.h): no lock or write(2) per call.
    log::WriteBuffered(level, "rpc",
                       {{"method", cells_.method},
                        {"service_name", cells_.service},
                        {"code", CodeName(code)},
                        {"latency_ms", absl::ToDoubleMilliseconds(took)},
                        {"request_id", request_id_},
                        {"caller", verdict_.ok() && !verdict_->subject.empty()
                                                 ? std::string_view(verdict_->subject)
                                                 : std::string_view("-")}});
  }

  grpc::experimental::ServerRpcInfo* info_;
  CallMetrics& shared_;
  MethodCells& cells_;
  absl::Time start_ = absl::Now();
  std::string request_id_;
  absl::StatusOr<auth::Principal> verdict_;  // set as the metadata arrives
};

class CallInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  CallInterceptorFactory(metrics::Registry& registry, CallGate& gate) : shared_(registry, gate) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new CallInterceptor(info, shared_);
  }

 private:
  CallMetrics shared_;
};

}  // namespace

std::pair<std::string, std::string> SplitMethod(absl::string_view full_method) {
  if (!full_method.empty() && full_method.front() == '/') full_method.remove_prefix(1);
  size_t slash = full_method.find('/');
  if (slash == absl::string_view::npos) return {std::string(full_method), ""};
  return {std::string(full_method.substr(0, slash)), std::string(full_method.substr(slash + 1))};
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeCallInterceptorFactory(
    metrics::Registry& registry, CallGate& gate) {
  return std::make_unique<CallInterceptorFactory>(registry, gate);
}

}  // namespace huinong::server
