// The suite as a client sees it through the gateway: every service reachable
// and SERVING, calls without a token refused, methods that are not built yet
// answering UNIMPLEMENTED (never a fake success), and every /metrics endpoint
// clean under promtool.
#include <cstdio>
#include <fstream>

#include <grpcpp/completion_queue.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "absl/strings/str_split.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "huinong/org/v1/org_service.grpc.pb.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

TEST(Gateway, AllFourServicesAreServing) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  auto health = grpc::health::v1::Health::NewStub(suite.Gateway());
  for (const auto& backend : suite.backends()) {
    auto ctx = suite.Context("");
    ctx->AddMetadata("x-huinong-backend", backend.name);
    grpc::health::v1::HealthCheckRequest req;
    req.set_service(backend.service);
    grpc::health::v1::HealthCheckResponse resp;
    grpc::Status s = health->Check(ctx.get(), req, &resp);
    ASSERT_TRUE(s.ok()) << backend.name << ": " << s.error_message();
    EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING) << backend.name;
  }
}

// Server reflection's ListServices through the gateway, spoken on the wire:
// ServerReflectionRequest{list_services: ""} is field 7, an empty string.
std::string ListServicesThroughGateway(Suite& suite, const std::string& backend) {
  grpc::CompletionQueue cq;
  grpc::GenericStub stub(suite.Gateway());
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  ctx.AddMetadata("x-huinong-backend", backend);
  auto wait = [&cq] {
    void* tag = nullptr;
    bool ok = false;
    return cq.Next(&tag, &ok) && ok;
  };
  auto call = stub.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  call->StartCall(reinterpret_cast<void*>(1));
  if (!wait()) return "";
  grpc::Slice request(std::string("\x3a\x00", 2));
  grpc::ByteBuffer request_buffer(&request, 1);
  call->Write(request_buffer, reinterpret_cast<void*>(2));
  if (!wait()) return "";
  call->WritesDone(reinterpret_cast<void*>(3));
  wait();
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(4));
  const bool got = wait();
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  wait();
  if (!got) return "";
  std::vector<grpc::Slice> slices;
  (void)response.Dump(&slices);
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return bytes;
}

TEST(Gateway, ReflectionPassesThroughToTheNamedBackend) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  for (const auto& backend : suite.backends()) {
    const std::string listed = ListServicesThroughGateway(suite, backend.name);
    EXPECT_NE(listed.find(backend.service), std::string::npos) << backend.name << " listed: " << listed;
    EXPECT_NE(listed.find("grpc.health.v1.Health"), std::string::npos) << backend.name;
  }
}

TEST(Gateway, NoTokenIsUnauthenticated) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  auto org = org::v1::OrgService::NewStub(suite.Gateway());
  org::v1::ListUnitsResponse resp;
  auto ctx = suite.Context("");
  EXPECT_EQ(org->ListUnits(ctx.get(), org::v1::ListUnitsRequest(), &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  auto forged = suite.Context("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
  EXPECT_EQ(org->ListUnits(forged.get(), org::v1::ListUnitsRequest(), &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

// Calls a method by its path with an empty request (an empty message is a
// valid encoding of any request type).
grpc::Status CallEmpty(Suite& suite, const std::string& method) {
  grpc::GenericStub stub(suite.Gateway());
  auto ctx = suite.Context(suite.AdminToken());
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1), response;
  grpc::Status result;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  stub.UnaryCall(ctx.get(), method, grpc::StubOptions(), &request, &response,
                 [&](grpc::Status s) {
                   std::lock_guard<std::mutex> lock(mu);
                   result = s;
                   done = true;
                   cv.notify_one();
                 });
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done; });
  return result;
}

TEST(Gateway, MethodsNotBuiltYetAreUnimplemented) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  // Every OrgService method is built; svc-tickets and svc-loans are not yet.
  for (const char* method : {"/huinong.tickets.v1.TicketService/GetTicket",
                             "/huinong.loans.v1.LoanService/GetApplication"}) {
    EXPECT_EQ(CallEmpty(suite, method).error_code(), grpc::StatusCode::UNIMPLEMENTED) << method;
  }
}

TEST(Gateway, UnknownServiceIsNotRouted) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  grpc::Status s = CallEmpty(suite, "/huinong.nothing.v1.Nope/Get");
  // The gateway itself answers: no backend has this service.
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED) << s.error_message();
}

TEST(Metrics, EveryEndpointPassesPromtool) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  for (const auto& backend : suite.backends()) {
    ASSERT_FALSE(backend.metrics_addr.empty()) << backend.name << " metrics address not exported";
    std::vector<std::string> hp = absl::StrSplit(backend.metrics_addr, ':');
    ASSERT_EQ(hp.size(), 2u);
    httplib::Client client(hp[0], std::stoi(hp[1]));
    auto res = client.Get("/metrics");
    ASSERT_TRUE(res) << backend.name;
    ASSERT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("grpc_server_handled_total"), std::string::npos) << backend.name;
    EXPECT_NE(res->body.find("db_pool_connections"), std::string::npos) << backend.name;
    const std::string path = testing::TempDir() + "/metrics_" + backend.name + ".txt";
    std::ofstream(path) << res->body;
    FILE* p = popen(("promtool check metrics < " + path + " 2>&1").c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    const int rc = pclose(p);
    EXPECT_EQ(rc, 0) << backend.name << ": " << out;
    EXPECT_EQ(out, "") << backend.name;
  }
}

}  // namespace
}  // namespace huinong::e2e
