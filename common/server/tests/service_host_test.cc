// The server bootstrap with a real in-process gRPC server: authentication at
// the handler's door (with and without interceptors, and the interceptor's
// verdict carried to the handler), error details in the trailer, request ids,
// RPC metrics, the access log (buffered, all of it written on stop), health
// following readiness, and a graceful drain that lets in-flight calls finish.
#include "common/server/service_host.h"

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/buffered_log.h"
#include "common/core/tests/flat_json.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"

namespace huinong::server {
namespace {

using huinong::org::v1::GetUnitRequest;
using huinong::org::v1::UnitService;
using huinong::org::v1::Unit;

constexpr char kSecret[] = "test-secret-test-secret-test-secret-0123456789";

// GetUnit answers with the caller's subject; "units/slow" announces that it
// started and then takes 300 ms; "units/bad" fails validation.
class FakeOrg final : public UnitService::Service {
 public:
  explicit FakeOrg(CallGate& gate) : gate_(gate) {}
  absl::Notification slow_started;
  std::atomic<int> calls_with_verdict{0};
  grpc::Status GetUnit(grpc::ServerContext* ctx, const GetUnitRequest* req, Unit* resp) override {
    if (gate_.HasVerdict(*ctx)) ++calls_with_verdict;
    return rpc::ToGrpcStatus([&]() -> absl::Status {
      ASSIGN_OR_RETURN(auth::Principal caller, gate_.Caller(*ctx));
      if (req->name() == "units/bad") return rpc::InvalidField("name", "is bad");
      if (req->name() == "units/slow") {
        slow_started.Notify();
        absl::SleepFor(absl::Milliseconds(300));
      }
      resp->set_display_name(caller.subject);
      return absl::OkStatus();
    }());
  }

 private:
  CallGate& gate_;
};

std::string Token(const std::string& subject) {
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = {"admin"};
  claims.issuer = "huinong-test";
  claims.audience = "huinong";
  auto token = auth::MintHs256(claims, kSecret, absl::Now());
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

class HostTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    auth::VerifierConfig vc;
    vc.issuer = "huinong-test";
    vc.audience = "huinong";
    vc.hs256_secret = kSecret;
    auto verifier = auth::TokenVerifier::Create(vc);
    ASSERT_TRUE(verifier.ok()) << verifier.status();
    gate_ = std::make_unique<CallGate>(std::shared_ptr<const auth::TokenVerifier>(std::move(*verifier)));
    service_ = std::make_unique<FakeOrg>(*gate_);
    HostOptions options;
    options.interceptors = GetParam();
    options.metrics_listen = "127.0.0.1:0";
    options.readiness_interval = absl::Milliseconds(50);
    host_ = std::make_unique<ServiceHost>(options, registry_, *gate_);
    host_->AddService(service_.get(), "huinong.org.v1.UnitService");
    host_->SetReadiness([this] {
      return ready_.load() ? absl::OkStatus() : absl::UnavailableError("db down");
    });
    ASSERT_TRUE(host_->Start().ok());
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(host_->port()),
                                   grpc::InsecureChannelCredentials());
    stub_ = UnitService::NewStub(channel_);
  }

  void TearDown() override {
    if (host_) {
      host_->RequestStop();
      host_->WaitForStop();
    }
  }

  grpc::Status Get(const std::string& name, const std::string& token, Unit* out,
                   grpc::ClientContext* ctx = nullptr) {
    grpc::ClientContext local;
    if (ctx == nullptr) ctx = &local;
    if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
    GetUnitRequest req;
    req.set_name(name);
    return stub_->GetUnit(ctx, req, out);
  }

  grpc::health::v1::HealthCheckResponse::ServingStatus Health(const std::string& service) {
    auto health = grpc::health::v1::Health::NewStub(channel_);
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest req;
    req.set_service(service);
    grpc::health::v1::HealthCheckResponse resp;
    grpc::Status s = health->Check(&ctx, req, &resp);
    return s.ok() ? resp.status() : grpc::health::v1::HealthCheckResponse::UNKNOWN;
  }

  metrics::Registry registry_;
  std::unique_ptr<CallGate> gate_;
  std::unique_ptr<FakeOrg> service_;
  std::unique_ptr<ServiceHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<UnitService::Stub> stub_;
  std::atomic<bool> ready_{true};
};

TEST_P(HostTest, NoTokenIsUnauthenticated) {
  Unit unit;
  EXPECT_EQ(Get("units/x", "", &unit).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Get("units/x", "not-a-jwt", &unit).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(HostTest, ValidTokenReachesTheHandlerAsItsSubject) {
  Unit unit;
  grpc::Status s = Get("units/x", Token("staff/42"), &unit);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(unit.display_name(), "staff/42");
}

// With interceptors the handler answers from the interceptor's verdict (the
// token is verified once per call); without, the gate verifies it itself.
TEST_P(HostTest, TheInterceptorsVerdictReachesTheHandler) {
  Unit unit;
  ASSERT_TRUE(Get("units/x", Token("staff/5"), &unit).ok());
  EXPECT_EQ(Get("units/x", "", &unit).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(service_->calls_with_verdict.load(), GetParam() ? 2 : 0);
  // Outside a call no verdict is found, whatever context is asked about.
  grpc::ServerContext elsewhere;
  EXPECT_FALSE(gate_->HasVerdict(elsewhere));
  EXPECT_EQ(gate_->Caller(elsewhere).status().code(), absl::StatusCode::kUnauthenticated);
}

TEST_P(HostTest, FieldViolationsTravelInTheStatusDetailsTrailer) {
  Unit unit;
  grpc::Status s = Get("units/bad", Token("staff/1"), &unit);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto fields = rpc::FieldViolationsOf(rpc::FromGrpcStatus(s));
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].field, "name");
}

TEST_P(HostTest, HealthFollowsReadiness) {
  absl::Time give_up = absl::Now() + absl::Seconds(5);
  while (Health("huinong.org.v1.UnitService") != grpc::health::v1::HealthCheckResponse::SERVING &&
         absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(Health("huinong.org.v1.UnitService"), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(""), grpc::health::v1::HealthCheckResponse::SERVING);
  ready_ = false;
  give_up = absl::Now() + absl::Seconds(5);
  while (Health("") != grpc::health::v1::HealthCheckResponse::NOT_SERVING && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(Health(""), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
}

TEST_P(HostTest, InFlightCallsFinishDuringDrain) {
  Unit unit;
  grpc::Status slow;
  std::thread caller([&] { slow = Get("units/slow", Token("staff/7"), &unit); });
  ASSERT_TRUE(service_->slow_started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  host_->RequestStop();
  host_->WaitForStop();
  caller.join();
  EXPECT_TRUE(slow.ok()) << slow.error_message();
  EXPECT_EQ(unit.display_name(), "staff/7");
  Unit after;
  EXPECT_FALSE(Get("units/x", Token("staff/7"), &after).ok());  // no longer accepting
  host_.reset();
}

INSTANTIATE_TEST_SUITE_P(Interceptors, HostTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& p) { return p.param ? "On" : "Off"; });

class InterceptedHostTest : public HostTest {};

TEST_P(InterceptedHostTest, RequestIdIsEchoedAndMetricsCountCodes) {
  Unit unit;
  grpc::ClientContext ctx;
  ctx.AddMetadata("x-request-id", "req-123");
  ASSERT_TRUE(Get("units/x", Token("staff/1"), &unit, &ctx).ok());
  auto md = ctx.GetServerInitialMetadata();
  auto it = md.find("x-request-id");
  ASSERT_NE(it, md.end());
  EXPECT_EQ(std::string(it->second.data(), it->second.size()), "req-123");

  Get("units/x", "", &unit);
  std::string text = registry_.Render();
  // Label pairs come in name order (prometheus-cpp keeps labels sorted).
  EXPECT_NE(text.find("grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"GetUnit\","
                      "grpc_service=\"huinong.org.v1.UnitService\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handled_total{grpc_code=\"UNAUTHENTICATED\",grpc_method=\"GetUnit\","
                      "grpc_service=\"huinong.org.v1.UnitService\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("grpc_server_handling_seconds_count{grpc_method=\"GetUnit\","
                      "grpc_service=\"huinong.org.v1.UnitService\"} 2"),
            std::string::npos);
}

TEST_P(InterceptedHostTest, GeneratesARequestIdWhenTheClientSendsNone) {
  Unit unit;
  grpc::ClientContext ctx;
  ASSERT_TRUE(Get("units/x", Token("staff/1"), &unit, &ctx).ok());
  auto md = ctx.GetServerInitialMetadata();
  auto it = md.find("x-request-id");
  ASSERT_NE(it, md.end());
  EXPECT_EQ(it->second.size(), 26u);  // a ULID
}

// One access-log line per call with its fields, every one written by the
// time the server has stopped although the flush timer is set to an hour.
// (Lines of different threads are not in call order: matched by request id.)
TEST_P(InterceptedHostTest, AccessLogLinesAreAllWrittenWhenTheServerStops) {
  log::SetBufferedFlushInterval(absl::Hours(1));
  log::FlushBuffered();
  absl::SleepFor(absl::Milliseconds(20));  // a flush already under way ends first
  absl::Mutex mu;
  std::vector<std::string> lines;
  log::SetSinkForTest([&](std::string_view line) {
    absl::MutexLock lock(&mu);
    lines.emplace_back(line);
  });
  auto access_lines = [&] {
    absl::MutexLock lock(&mu);
    std::vector<log::Pairs> out;
    for (const std::string& line : lines) {
      auto pairs = log::FlatJson(line).Parse();
      if (pairs && pairs->size() > 3 && (*pairs)[3].second == "rpc") out.push_back(*pairs);
    }
    return out;
  };
  constexpr int kCalls = 20;
  Unit unit;
  for (int n = 0; n < kCalls; ++n) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("x-request-id", "req-" + std::to_string(n));
    ASSERT_TRUE(Get("units/x", Token("staff/9"), &unit, &ctx).ok());
  }
  EXPECT_EQ(Get("units/x", "", &unit).error_code(), grpc::StatusCode::UNAUTHENTICATED);

  host_->RequestStop();
  host_->WaitForStop();
  log::SetSinkForTest(nullptr);
  log::SetBufferedFlushInterval(log::kBufferedFlushInterval);
  std::map<std::string, log::Pairs> by_request_id;
  for (const log::Pairs& p : access_lines()) {
    ASSERT_EQ(p.size(), 10u);
    EXPECT_EQ(p[4], std::make_pair(std::string("method"), std::string("GetUnit")));
    EXPECT_EQ(p[5], std::make_pair(std::string("service_name"), std::string("huinong.org.v1.UnitService")));
    EXPECT_EQ(p[7].first, "latency_ms");
    EXPECT_GT(std::stod(p[7].second), 0.0);
    EXPECT_EQ(p[8].first, "request_id");
    by_request_id[p[8].second] = p;
  }
  ASSERT_EQ(by_request_id.size(), static_cast<size_t>(kCalls + 1));
  for (int n = 0; n < kCalls; ++n) {
    const log::Pairs& p = by_request_id["req-" + std::to_string(n)];
    ASSERT_EQ(p.size(), 10u) << "no line for req-" << n;
    EXPECT_EQ(p[6].second, "OK");
    EXPECT_EQ(p[9], std::make_pair(std::string("caller"), std::string("staff/9")));
  }
  // The call without a token or request id: a ULID was made, no caller.
  const log::Pairs& refused = by_request_id.begin()->second;  // "01..." sorts before "req-"
  EXPECT_EQ(refused[8].second.size(), 26u);
  EXPECT_EQ(refused[6].second, "UNAUTHENTICATED");
  EXPECT_EQ(refused[9].second, "-");
}

INSTANTIATE_TEST_SUITE_P(On, InterceptedHostTest, ::testing::Values(true));

}  // namespace
}  // namespace huinong::server
