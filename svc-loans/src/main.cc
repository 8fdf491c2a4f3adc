// svc-loans: wiring only (see common/server/service_main.h). The seven
// services of huinong.loans.v1 (api/loans_services.h) share one LoansKit.
// Besides the common keys: org_addr (svc-org "host:port", required: every
// workflow step is authorized there, and the county's work calendar lives
// there); the calls carry this service's own token (service_token_file, or
// one minted from jwt_hs256_secret_file, as for the audit relay).
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "common/outbox/service_token.h"
#include "common/server/service_main.h"
#include "svc-loans/src/api/loans_services.h"
#include "svc-loans/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("loans", 3);
  spec.migrations = {loans::Migrations()};
  spec.extra_flags = {"org_addr"};
  spec.build = [](server::ServiceContext& ctx) -> absl::StatusOr<std::vector<server::HostedService>> {
    const std::string org_addr = ctx.config.String("org_addr");
    if (org_addr.empty()) return absl::InvalidArgumentError("org_addr is required: svc-org's \"host:port\"");
    absl::StatusOr<outbox::TokenSource> token = outbox::ServiceTokenSource(ctx.config, loans::kServiceName);
    if (!token.ok()) return token.status();
    auto org = std::make_shared<org_directory::OrgDirectory>(
        grpc::CreateChannel(org_addr, grpc::InsecureChannelCredentials()), *token);
    return loans::LoansServices(std::make_shared<loans::LoansKit>(ctx.pool, ctx.gate, ctx.clock, std::move(org), ctx.metrics));
  };
  return server::RunService(argc, argv, spec);
}
