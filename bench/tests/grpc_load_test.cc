// The gRPC load generator against the empty-handler baseline hosted
// in-process by the real ServiceHost: calls succeed with a real token, every
// call without one is counted as UNAUTHENTICATED (with interceptors on and
// off), an unknown method is UNIMPLEMENTED, and count mode is exact.
#include "bench/grpc_load.h"

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "bench/empty_server.h"
#include "bench/request_template.h"
#include "common/auth/token.h"
#include "common/core/log.h"
#include "common/metrics/registry.h"
#include "common/server/service_host.h"
#include "huinong/bench/v1/bench.pb.h"

namespace huinong::bench {
namespace {

constexpr char kSecret[] = "bench-test-secret-bench-test-secret-0123";

class EmptyHost {
 public:
  explicit EmptyHost(bool interceptors) {
    log::Init("bench-test", log::Level::kWarn);  // one access-log line per call is noise here
    auth::VerifierConfig vc;
    vc.issuer = "huinong-local";
    vc.audience = "huinong";
    vc.hs256_secret = kSecret;
    std::shared_ptr<const auth::TokenVerifier> verifier = *auth::TokenVerifier::Create(vc);
    gate_ = std::make_unique<server::CallGate>(verifier);
    service_ = MakeEmptyService(*gate_);
    server::HostOptions options;
    options.interceptors = interceptors;
    options.drain_timeout = absl::Milliseconds(200);
    host_ = std::make_unique<server::ServiceHost>(options, registry_, *gate_);
    host_->AddService(service_.get(), "huinong.bench.v1.Empty");
    EXPECT_TRUE(host_->Start().ok());
  }
  ~EmptyHost() {
    host_->RequestStop();
    host_->WaitForStop();
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(host_->port()); }

 private:
  metrics::Registry registry_;
  std::unique_ptr<server::CallGate> gate_;
  std::unique_ptr<grpc::Service> service_;
  std::unique_ptr<server::ServiceHost> host_;
};

std::string Bearer() {
  auth::Claims c;
  c.subject = "bench";
  c.roles = {"admin"};
  c.issuer = "huinong-local";
  c.audience = "huinong";
  return "Bearer " + *auth::MintHs256(c, kSecret, absl::Now());
}

LoadResult Load(const std::string& address, const std::string& bearer, int64_t count) {
  auto method = ResolveMethod("huinong.bench.v1.Empty/Ping");
  auto requests = TemplateRequests::Create(*method, "{}", {}, 4);
  auto channels = OpenChannels(address, 2, absl::Seconds(5));
  EXPECT_TRUE(channels.ok());
  LoopOptions o;
  o.concurrency = 4;
  o.channels = 2;
  o.warmup = absl::Milliseconds(50);
  o.count = count;
  Endpoint e{address, method->path, {}};
  if (!bearer.empty()) e.metadata.emplace_back("authorization", bearer);
  return RunGrpcLoad("ping", *channels, e, **requests, o);
}

TEST(GrpcLoadTest, RealTokenCallsSucceedAndCountModeIsExact) {
  EmptyHost host(true);
  LoadResult r = Load(host.address(), Bearer(), 300);
  EXPECT_EQ(r.ok, 300);
  EXPECT_EQ(r.error_count(), 0);
  EXPECT_GT(r.calls_per_s(), 0);
  EXPECT_GT(r.latency.p50_us, 0);
  EXPECT_GE(r.latency.max_us, r.latency.p99_us);
}

TEST(GrpcLoadTest, CallsWithoutAValidTokenAreUnauthenticatedEitherWay) {
  for (bool interceptors : {true, false}) {
    EmptyHost host(interceptors);
    LoadResult none = Load(host.address(), "", 40);
    EXPECT_EQ(none.ok, 0);
    EXPECT_EQ(none.errors["UNAUTHENTICATED"], 40) << "interceptors " << interceptors;
    LoadResult forged = Load(host.address(), "Bearer not.a.token", 40);
    EXPECT_EQ(forged.errors["UNAUTHENTICATED"], 40) << "interceptors " << interceptors;
  }
}

TEST(GrpcLoadTest, CallOnceReportsTheStatus) {
  EmptyHost host(true);
  auto channels = OpenChannels(host.address(), 1, absl::Seconds(5));
  ASSERT_TRUE(channels.ok());
  grpc::ByteBuffer empty;
  Endpoint ok{host.address(), "/huinong.bench.v1.Empty/Ping", {{"authorization", Bearer()}}};
  EXPECT_TRUE(CallOnce(*(*channels)[0], ok, ToByteBuffer(v1::PingRequest()), absl::Seconds(5)).ok());
  Endpoint missing{host.address(), "/huinong.bench.v1.Empty/Nope", {{"authorization", Bearer()}}};
  EXPECT_EQ(CallOnce(*(*channels)[0], missing, ToByteBuffer(v1::PingRequest()), absl::Seconds(5)).status().code(),
            absl::StatusCode::kUnimplemented);
}

TEST(GrpcLoadTest, OpenChannelsFailsForANonListeningAddress) {
  EXPECT_EQ(OpenChannels("127.0.0.1:1", 1, absl::Milliseconds(300)).status().code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace huinong::bench
