// svc-org: wiring only. Configuration, database, migrations, server and
// shutdown are the shared start-up in common/server/service_main.h; the seven
// services (api/org_services.h) share one OrgKit. Besides the common keys:
// scheduled_interval (how often unit versions scheduled by approved change
// requests are checked for their day; default 60s).
#include "common/server/service_main.h"
#include "svc-org/src/api/org_services.h"
#include "svc-org/src/jobs/scheduled_unit_versions.h"
#include "svc-org/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("org", 1);
  spec.migrations = {org::Migrations()};
  spec.extra_flags = {"scheduled_interval"};
  spec.build = [](server::ServiceContext& ctx) -> absl::StatusOr<std::vector<server::HostedService>> {
    auto interval = ctx.config.Duration("scheduled_interval", absl::Seconds(60));
    if (!interval.ok()) return interval.status();
    auto scheduled = std::make_shared<org::ScheduledUnitVersions>(ctx.pool, ctx.clock, *interval);
    ctx.on_start([scheduled] { return scheduled->Start(); });  // needs its tables
    ctx.on_stop([scheduled] { scheduled->Stop(); });
    return org::OrgServices(std::make_shared<org::OrgKit>(ctx.pool, ctx.gate, ctx.clock));
  };
  return server::RunService(argc, argv, spec);
}
