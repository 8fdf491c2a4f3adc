// svc-org's schema, embedded from svc-org/migrations/*.sql at build time.
#pragma once

#include "common/db/migrations.h"

namespace huinong::org {

const db::MigrationSet& Migrations();

}  // namespace huinong::org
