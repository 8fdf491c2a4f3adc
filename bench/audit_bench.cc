// Audit throughput on this machine: events per second appended to svc-audit
// in batches (as an outbox relay sends them), from one or more concurrent
// senders, and events per second verified by VerifyChain over the whole
// chain. Talks to a running suite directly (not through the gateway).
//
//   source .run/env && build/bin/audit_bench [--batches 200] [--batch-size 100] [--senders 2]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "common/core/ids.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace {

using namespace huinong;

std::string Token(const std::string& secret, const std::string& sub, const std::string& role) {
  auth::Claims c;
  c.subject = sub;
  c.roles = {role};
  c.issuer = "huinong-local";
  c.audience = "huinong";
  return *auth::MintHs256(c, secret, absl::Now());
}

audit::v1::AppendEventsRequest Batch(int size) {
  audit::v1::AppendEventsRequest req;
  for (int i = 0; i < size; ++i) {
    auto* e = req.add_events();
    e->set_event_id(NewUlid());
    *e->mutable_time() = rpc::ToTimestamp(absl::Now());
    e->set_service("svc-bench");
    e->mutable_actor()->set_subject("staff/bench");
    e->mutable_actor()->set_unit("units/BENCH");
    e->mutable_actor()->add_roles("staff");
    e->set_action("bench.Append");
    e->set_resource_type("bench");
    e->set_resource_id(absl::StrCat("bench/", i));
    e->set_request_id(NewUlid());
    e->set_after_json(R"({"amount_fen":"5000000","display_name":"东红寺村金融扶贫服务站"})");
  }
  return req;
}

}  // namespace

int main(int argc, char** argv) {
  auto config = Config::FromProcess(argc, argv);
  if (!config.ok()) return 2;
  const std::string addr = config->String("audit_addr", "127.0.0.1:50054");
  auto secret = ReadSecretFile(config->String("jwt_hs256_secret_file"));
  if (!secret.ok()) {
    std::fprintf(stderr, "need HUINONG_JWT_HS256_SECRET_FILE (source .run/env): %s\n",
                 std::string(secret.status().message()).c_str());
    return 2;
  }
  const int batches = static_cast<int>(config->Int("batches", 200).value_or(200));
  const int batch_size = static_cast<int>(config->Int("batch_size", 100).value_or(100));
  const int senders = static_cast<int>(config->Int("senders", 2).value_or(2));
  auto channel = grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
  const std::string service_token = Token(*secret, "svc-bench", "service");
  const std::string admin_token = Token(*secret, "admin", "admin");

  std::atomic<int> next{0}, failed{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int s = 0; s < senders; ++s) {
    threads.emplace_back([&] {
      auto stub = audit::v1::AuditService::NewStub(channel);
      while (next.fetch_add(1) < batches) {
        grpc::ClientContext ctx;
        ctx.AddMetadata("authorization", "Bearer " + service_token);
        audit::v1::AppendEventsResponse resp;
        if (!stub->AppendEvents(&ctx, Batch(batch_size), &resp).ok()) ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double append_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double events = static_cast<double>(batches) * batch_size;

  auto stub = audit::v1::AuditService::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + admin_token);
  audit::v1::VerifyChainResponse verify;
  const auto vstart = std::chrono::steady_clock::now();
  grpc::Status vs = stub->VerifyChain(&ctx, audit::v1::VerifyChainRequest(), &verify);
  const double verify_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - vstart).count();

  std::printf("%-34s %12s\n", "figure", "value");
  std::printf("%-34s %12.0f\n", "events appended", events);
  std::printf("%-34s %12d\n", "failed batches", failed.load());
  std::printf("%-34s %12.0f\n", "append events/s (batches of N)", events / append_s);
  std::printf("%-34s %12d\n", "batch size", batch_size);
  std::printf("%-34s %12d\n", "concurrent senders", senders);
  if (!vs.ok()) {
    std::printf("verify failed: %s\n", vs.error_message().c_str());
    return 1;
  }
  std::printf("%-34s %12lld\n", "events verified", static_cast<long long>(verify.checked_count()));
  std::printf("%-34s %12s\n", "chain intact", verify.ok() ? "yes" : "NO");
  std::printf("%-34s %12.0f\n", "verify events/s", verify.checked_count() / verify_s);
  return failed.load() == 0 && verify.ok() ? 0 : 1;
}
