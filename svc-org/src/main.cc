// svc-org: wiring only. Configuration, database, migrations, server and
// shutdown are the shared start-up in common/server/service_main.h.
#include "common/server/service_main.h"
#include "svc-org/src/api/org_api.h"
#include "svc-org/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("org", 1);
  spec.migrations = {org::Migrations()};
  spec.build = server::Host(org::v1::OrgService::service_full_name(),
                            [](server::ServiceContext& ctx) {
                              return std::make_unique<org::OrgApi>(ctx.pool, ctx.gate);
                            });
  return server::RunService(argc, argv, spec);
}
