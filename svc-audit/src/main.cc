// svc-audit: wiring only (see common/server/service_main.h). Besides the
// common keys: checkpoint_key_file (Ed25519 PEM), checkpoint_every (events),
// checkpoint_interval, org_addr (for auditors' scope). `--print-grants`
// prints the runtime account's table grants (append-only events) and exits.
#include <iostream>

#include <grpcpp/create_channel.h>

#include "common/core/config.h"
#include "common/core/log.h"
#include "common/outbox/service_token.h"
#include "common/server/service_main.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/jobs/checkpointer.h"
#include "svc-audit/src/store/grants.h"
#include "svc-audit/src/store/migrations.h"

namespace {

using namespace huinong;

absl::StatusOr<audit::SigningKeyPair> CheckpointKey(const Config& config) {
  const std::string file = config.String("checkpoint_key_file");
  if (file.empty()) {
    log::Warn("checkpoint_key_file not set: checkpoints are signed with a key that dies with this process");
    return audit::GenerateSigningKey();
  }
  auto pem = ReadSecretFile(file);
  if (!pem.ok()) return pem.status();
  return audit::SigningKeyFromPem(*pem);
}


}  // namespace

int main(int argc, char** argv) {
  auto config = Config::FromProcess(argc, argv);
  if (config.ok() && config->Has("print_grants")) {
    for (const auto& g : audit::RuntimeGrants(config->String("db_name", "huinong_audit"),
                                              config->String("db_user", "huinong_audit"))) {
      std::cout << g << ";\n";
    }
    return 0;
  }
  server::ServiceSpec spec = server::StandardSpec("audit", 4);
  spec.migrations = {audit::Migrations()};
  spec.relay_outbox = false;  // svc-audit appends its own events directly
  spec.extra_flags = {"checkpoint_key_file", "checkpoint_every", "checkpoint_interval", "org_addr",
                      "print_grants"};
  spec.build = [](server::ServiceContext& ctx)
      -> absl::StatusOr<std::vector<server::HostedService>> {
    auto key = CheckpointKey(ctx.config);
    if (!key.ok()) return key.status();
    auto every = ctx.config.Int("checkpoint_every", 1000);
    if (!every.ok()) return every.status();
    auto interval = ctx.config.Duration("checkpoint_interval", absl::Seconds(60));
    if (!interval.ok()) return interval.status();
    std::shared_ptr<grpc::Channel> org;
    const std::string org_addr = ctx.config.String("org_addr");
    if (!org_addr.empty()) org = grpc::CreateChannel(org_addr, grpc::InsecureChannelCredentials());
    auto token = outbox::ServiceTokenSource(ctx.config, "svc-audit");
    if (!token.ok()) return token.status();
    auto checkpointer = std::make_shared<audit::Checkpointer>(ctx.pool, *key, *every, *interval);
    ctx.on_start([checkpointer] { return checkpointer->Start(); });  // needs its tables
    ctx.on_stop([checkpointer] { checkpointer->Stop(); });
    std::vector<server::HostedService> services;
    services.push_back({audit::v1::AuditService::service_full_name(),
                        std::make_unique<audit::AuditApi>(
                            ctx.pool, ctx.gate, ctx.clock, *key,
                            std::make_unique<audit::AuditorScopes>(org, *token), ctx.metrics)});
    return services;
  };
  return server::RunService(argc, argv, spec);
}
