// svc-audit: wiring only (see common/server/service_main.h).
#include "common/server/service_main.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("audit", 4);
  spec.migrations = {audit::Migrations()};
  spec.build = server::Host(audit::v1::AuditService::service_full_name(), [](server::ServiceContext&) {
    return std::make_unique<audit::AuditApi>();
  });
  return server::RunService(argc, argv, spec);
}
