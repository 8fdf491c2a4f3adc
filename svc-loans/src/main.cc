// svc-loans: wiring only (see common/server/service_main.h). The eight
// services of huinong.loans.v1 (api/loans_services.h) share one LoansKit.
// Besides the common keys: org_addr (svc-org "host:port", required: every
// workflow step is authorized there, and the county's work calendar lives
// there); the calls carry this service's own token (service_token_file, or
// one minted from jwt_hs256_secret_file, as for the audit relay).
// The close-of-business job (jobs/close_of_business_job.h): cob_interval
// (how often this replica tries each county's lease and catches it up to
// yesterday; default 300s, 0 turns the schedule off — tests and operators
// then run it with RunCloseOfBusiness), cob_batch_size (loans per
// transaction, default 500), cob_lease_ttl (how long a silent holder's
// lease lasts, default 60s).
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
  spec.extra_flags = {"org_addr", "cob_interval", "cob_batch_size", "cob_lease_ttl"};
  spec.build = [](server::ServiceContext& ctx) -> absl::StatusOr<std::vector<server::HostedService>> {
    const std::string org_addr = ctx.config.String("org_addr");
    if (org_addr.empty()) return absl::InvalidArgumentError("org_addr is required: svc-org's \"host:port\"");
    absl::StatusOr<outbox::TokenSource> token = outbox::ServiceTokenSource(ctx.config, loans::kServiceName);
    if (!token.ok()) return token.status();
    auto interval = ctx.config.Duration("cob_interval", absl::Seconds(300));
    if (!interval.ok()) return interval.status();
    auto batch = ctx.config.Int("cob_batch_size", 500);
    if (!batch.ok()) return batch.status();
    auto lease = ctx.config.Duration("cob_lease_ttl", absl::Seconds(60));
    if (!lease.ok()) return lease.status();
    auto org = std::make_shared<org_directory::OrgDirectory>(
        grpc::CreateChannel(org_addr, grpc::InsecureChannelCredentials()), *token);
    auto kit = std::make_shared<loans::LoansKit>(ctx.pool, ctx.gate, ctx.clock, std::move(org), ctx.metrics,
                                                 loans::CobSettings{static_cast<int>(*batch), *lease, ""});
    if (*interval > absl::ZeroDuration()) {
      std::shared_ptr<loans::CloseOfBusinessJob> cob = kit->cob;
      ctx.on_start([cob, interval = *interval] {  // needs its tables
        cob->Start(interval);
        return absl::OkStatus();
      });
      ctx.on_stop([cob] { cob->Stop(); });
    }
    return loans::LoansServices(std::move(kit));
  };
  return server::RunService(argc, argv, spec);
}
