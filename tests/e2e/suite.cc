#include "tests/e2e/suite.h"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "common/core/ids.h"

namespace huinong::e2e {
namespace {

std::string Env(const char* name, const std::string& def = "") {
  const char* v = std::getenv(name);
  return v ? v : def;
}

}  // namespace

Suite& Suite::Get() {
  static Suite* suite = new Suite();
  if (!suite->ok()) {
    ADD_FAILURE() << "the suite is not running: HUINONG_GATEWAY, HUINONG_TOKEN and "
                     "HUINONG_JWT_HS256_SECRET_FILE must be set; run scripts/test.sh";
  }
  return *suite;
}

Suite::Suite() {
  const std::string gateway = Env("HUINONG_GATEWAY");
  admin_token_ = Env("HUINONG_TOKEN");
  issuer_ = Env("HUINONG_JWT_ISSUER", "huinong-local");
  audience_ = Env("HUINONG_JWT_AUDIENCE", "huinong");
  bin_dir_ = HUINONG_BIN_DIR;
  run_dir_ = Env("HUINONG_RUN_DIR");
  auto secret = ReadSecretFile(Env("HUINONG_JWT_HS256_SECRET_FILE"));
  if (gateway.empty() || admin_token_.empty() || !secret.ok()) return;
  secret_ = *secret;
  channel_ = grpc::CreateChannel(gateway, grpc::InsecureChannelCredentials());
  backends_ = {
      {"org",
       {"huinong.org.v1.UnitService", "huinong.org.v1.PostService", "huinong.org.v1.StaffService",
        "huinong.org.v1.ChangeService", "huinong.org.v1.StaffingService", "huinong.org.v1.OrgQueryService",
        "huinong.org.v1.CalendarService"},
       Env("HUINONG_ORG_ADDR"), Env("HUINONG_ORG_METRICS")},
      {"tickets",
       {"huinong.tickets.v1.TicketService", "huinong.tickets.v1.SlaPolicyService",
        "huinong.tickets.v1.CallbackHandoverService", "huinong.tickets.v1.CustomerService"},
       Env("HUINONG_TICKETS_ADDR"), Env("HUINONG_TICKETS_METRICS")},
      {"loans",
       {"huinong.loans.v1.BorrowerService", "huinong.loans.v1.ProductService",
        "huinong.loans.v1.ApplicationService", "huinong.loans.v1.ServicingService",
        "huinong.loans.v1.SubsidyService", "huinong.loans.v1.RiskFundService",
        "huinong.loans.v1.TownshipBreakerService", "huinong.loans.v1.CloseOfBusinessService"},
       Env("HUINONG_LOANS_ADDR"), Env("HUINONG_LOANS_METRICS")},
      {"audit", {"huinong.audit.v1.AuditService"}, Env("HUINONG_AUDIT_ADDR"),
       Env("HUINONG_AUDIT_METRICS")},
  };
  for (Backend& backend : backends_) {
    const std::string addrs = Env(("HUINONG_" + absl::AsciiStrToUpper(backend.name) + "_ADDRS").c_str(), backend.addr);
    backend.replicas = absl::StrSplit(addrs, ',', absl::SkipEmpty());
  }
  ok_ = true;
}

std::string Suite::Token(const std::string& subject, const std::vector<std::string>& roles,
                         const std::string& unit) const {
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = roles;
  claims.unit = unit;
  claims.issuer = issuer_;
  claims.audience = audience_;
  auto token = auth::MintHs256(claims, secret_, absl::Now());
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

std::unique_ptr<grpc::ClientContext> Suite::Context(const std::string& token) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->AddMetadata("x-request-id", NewUlid());
  return ctx;
}

bool Suite::StopService(const std::string& name, int signal) const {
  // Replica 1's pid file is pids/NAME.pid, replica r's pids/NAME-r.pid (scripts/lib/services.sh).
  std::vector<pid_t> pids;
  for (int replica = 1; replica <= 9; ++replica) {
    const std::string instance = replica == 1 ? name : absl::StrCat(name, "-", replica);
    std::ifstream pid_file(run_dir_ + "/pids/" + instance + ".pid");
    pid_t pid = 0;
    if (!(pid_file >> pid) || pid <= 0) {
      if (replica == 1) return false;
      continue;
    }
    if (kill(pid, signal) != 0) return false;
    pids.push_back(pid);
  }
  for (int i = 0; i < 600; ++i) {  // up to 60 s (a drain takes a few)
    if (std::all_of(pids.begin(), pids.end(), [](pid_t pid) { return kill(pid, 0) != 0; })) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

bool Suite::Restart(const std::string& clock_offset) const {
  // The environment scripts/test.sh exported (run dir, port offset, build dir)
  // points up.sh at this suite; it starts only what is not running.
  const std::string offset = clock_offset.empty() ? "" : "HUINONG_CLOCK_OFFSET=" + clock_offset + " ";
  const std::string cmd = offset + "HUINONG_SKIP_BUILD=1 " + HUINONG_SOURCE_DIR +
                          "/scripts/up.sh > " + run_dir_ + "/logs/restart.log 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string Unique() { return NewUlid().substr(14); }

}  // namespace huinong::e2e
