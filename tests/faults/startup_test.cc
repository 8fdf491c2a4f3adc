// A service whose database is unreachable at start-up still serves gRPC
// health, answering NOT_SERVING (so an orchestrator keeps traffic away and
// does not kill it), and a SIGTERM while it waits stops it promptly and cleanly.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"

namespace {

using grpc::health::v1::HealthCheckResponse;

TEST(StartUp, UnreachableDatabaseMeansNotServingAndSigtermStillStops) {
  const std::string secret = testing::TempDir() + "/startup-secret";
  std::ofstream(secret) << "startup-test-secret-0123456789-abcdefghijklmnop";
  const int port = 31000 + getpid() % 1000;  // below the ephemeral range
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string bin = std::string(HUINONG_BIN_DIR) + "/svc-tickets";
    execl(bin.c_str(), bin.c_str(), ("--listen=" + listen).c_str(), "--metrics_listen=",
          "--db_port=1", ("--jwt_hs256_secret_file=" + secret).c_str(), "--log_level=error",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  auto health = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(listen, grpc::InsecureChannelCredentials()));
  HealthCheckResponse::ServingStatus status = HealthCheckResponse::UNKNOWN;
  for (int i = 0; i < 100 && status != HealthCheckResponse::NOT_SERVING; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    grpc::health::v1::HealthCheckRequest req;
    req.set_service("huinong.tickets.v1.TicketService");
    HealthCheckResponse resp;
    if (health->Check(&ctx, req, &resp).ok()) status = resp.status();
  }
  EXPECT_EQ(status, HealthCheckResponse::NOT_SERVING);

  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int wstatus = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && done == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    done = waitpid(pid, &wstatus, WNOHANG);
  }
  if (done == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &wstatus, 0);
    FAIL() << "svc-tickets did not stop within 10 s of SIGTERM";
  }
  EXPECT_TRUE(WIFEXITED(wstatus));
  EXPECT_EQ(WEXITSTATUS(wstatus), 0);
}

}  // namespace
