// svc-tickets: wiring only (see common/server/service_main.h). The four
// services of huinong.tickets.v1 (api/tickets_services.h) share one
// TicketsKit. Besides the common keys: org_addr (svc-org "host:port",
// required: capabilities, the unit tree, the work calendar and the holders
// an escalation goes to live there); the calls carry this service's own
// token (service_token_file, or one minted from jwt_hs256_secret_file, as
// for the audit relay). The SLA scanner (jobs/sla_scanner.h):
// sla_scan_interval (how often this replica tries the scanner's lease and
// scans; default 30s, 0 turns it off), sla_scan_batch (tickets per pass,
// default 200), sla_scan_lease_ttl (default 30s). The unit-path sync
// (jobs/unit_path_sync.h): unit_path_sync_interval (default 5m, 0 turns it
// off).
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "common/outbox/service_token.h"
#include "common/server/service_main.h"
#include "svc-tickets/src/api/tickets_services.h"
#include "svc-tickets/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("tickets", 2);
  spec.migrations = {tickets::Migrations()};
  spec.extra_flags = {"org_addr", "sla_scan_interval", "sla_scan_batch", "sla_scan_lease_ttl", "unit_path_sync_interval"};
  spec.build = [](server::ServiceContext& ctx) -> absl::StatusOr<std::vector<server::HostedService>> {
    const std::string org_addr = ctx.config.String("org_addr");
    if (org_addr.empty()) return absl::InvalidArgumentError("org_addr is required: svc-org's \"host:port\"");
    absl::StatusOr<outbox::TokenSource> token = outbox::ServiceTokenSource(ctx.config, tickets::kServiceName);
    if (!token.ok()) return token.status();
    auto org = std::make_shared<org_directory::OrgDirectory>(
        grpc::CreateChannel(org_addr, grpc::InsecureChannelCredentials()), *token);
    auto interval = ctx.config.Duration("sla_scan_interval", absl::Seconds(30));
    if (!interval.ok()) return interval.status();
    auto batch = ctx.config.Int("sla_scan_batch", 200);
    if (!batch.ok()) return batch.status();
    auto lease = ctx.config.Duration("sla_scan_lease_ttl", absl::Seconds(30));
    if (!lease.ok()) return lease.status();
    auto path_sync_interval = ctx.config.Duration("unit_path_sync_interval", absl::Minutes(5));
    if (!path_sync_interval.ok()) return path_sync_interval.status();
    auto kit = std::make_shared<tickets::TicketsKit>(ctx.pool, ctx.gate, ctx.clock, std::move(org), ctx.metrics,
                                                     tickets::ScannerSettings{static_cast<int>(*batch), *lease, ""});
    if (*interval > absl::ZeroDuration()) {
      std::shared_ptr<tickets::SlaScanner> scanner = kit->scanner;
      ctx.on_start([scanner, interval = *interval] {  // needs its tables
        scanner->Start(interval);
        return absl::OkStatus();
      });
      ctx.on_stop([scanner] { scanner->Stop(); });
    }
    if (*path_sync_interval > absl::ZeroDuration()) {
      std::shared_ptr<tickets::UnitPathSync> path_sync = kit->path_sync;
      ctx.on_start([path_sync, interval = *path_sync_interval] {
        path_sync->Start(interval);
        return absl::OkStatus();
      });
      ctx.on_stop([path_sync] { path_sync->Stop(); });
    }
    return tickets::TicketsServices(std::move(kit));
  };
  return server::RunService(argc, argv, spec);
}
