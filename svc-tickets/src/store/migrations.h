// svc-tickets's schema, embedded from svc-tickets/migrations/*.sql at build time.
#pragma once

#include "common/db/migrations.h"

namespace huinong::tickets {

const db::MigrationSet& Migrations();

}  // namespace huinong::tickets
