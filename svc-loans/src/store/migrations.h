// svc-loans's schema, embedded from svc-loans/migrations/*.sql at build time.
#pragma once

#include "common/db/migrations.h"

namespace huinong::loans {

const db::MigrationSet& Migrations();

}  // namespace huinong::loans
