#include "common/server/interceptors.h"

#include <array>
#include <atomic>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
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

class CallMetrics {
 public:
  CallMetrics(metrics::Registry& registry, CallGate& gate)
      : gate_(gate),
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

  MethodCells& Cells(const char* full_method, grpc::experimental::ServerRpcInfo::Type type) {
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = cells_.find(full_method);
      if (it != cells_.end()) return *it->second;
    }
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

  ~CallInterceptor() override { shared_.gate().Forget(info_->server_context()); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* batch) override {
    if (batch->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      OnMetadata(*batch->GetRecvInitialMetadata());
    }
    if (batch->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      batch->GetSendInitialMetadata()->emplace("x-request-id", request_id_);
    }
    if (batch->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      OnStatus(batch->GetSendStatus());
    }
    batch->Proceed();
  }

 private:
  void OnMetadata(const std::multimap<grpc::string_ref, grpc::string_ref>& md) {
    start_ = absl::Now();
    cells_.started->Inc();
    absl::string_view rid = Header(md, "x-request-id");
    request_id_ = !rid.empty() && rid.size() <= 128 ? std::string(rid) : NewUlid();
    // A verdict for every call, token or not: an entry left by an earlier
    // call at the same context address can never be mistaken for this one's.
    absl::string_view authorization = Header(md, "authorization");
    auto verdict = shared_.gate().Authenticate(
        authorization.empty() ? std::nullopt : std::optional<absl::string_view>(authorization));
    if (verdict.ok()) caller_ = verdict->subject;
    shared_.gate().Remember(info_->server_context(), std::move(verdict));
  }

  void OnStatus(const grpc::Status& status) {
    const absl::Duration took = absl::Now() - start_;
    const int code = static_cast<int>(status.error_code());
    cells_.seconds->Observe(absl::ToDoubleSeconds(took));
    shared_.Handled(cells_, code).Inc();
    const log::Level level = cells_.quiet                      ? log::Level::kDebug
                             : code == 13 || code == 2         ? log::Level::kError
                                                               : log::Level::kInfo;
    log::Write(level, "rpc",
               {{"method", cells_.method},
                {"service_name", cells_.service},
                {"code", CodeName(code)},
                {"latency_ms", absl::ToDoubleMilliseconds(took)},
                {"request_id", request_id_},
                {"caller", caller_.empty() ? "-" : caller_}});
  }

  grpc::experimental::ServerRpcInfo* info_;
  CallMetrics& shared_;
  MethodCells& cells_;
  absl::Time start_ = absl::Now();
  std::string request_id_;
  std::string caller_;
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
