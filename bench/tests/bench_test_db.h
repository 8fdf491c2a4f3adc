// The scratch-database options of the bench code for a test database of
// scripts/test.sh's MariaDB (common/db/tests/test_database.h).
#pragma once

#include "bench/raw_insert.h"
#include "common/db/tests/test_database.h"

namespace huinong::bench {

inline RawDbOptions OptionsFor(const db::TestDatabase& test) {
  const db::DbConfig c = test.config();
  return RawDbOptions{c.host, c.port, c.user, c.password, test.name()};
}

}  // namespace huinong::bench
