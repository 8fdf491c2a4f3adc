// svc-audit's schema, embedded from svc-audit/migrations/*.sql at build time.
#pragma once

#include "common/db/migrations.h"

namespace huinong::audit {

const db::MigrationSet& Migrations();

}  // namespace huinong::audit
