// Named seeds a plan step may run ({"seed": NAME, "request": {ARGS}}): rows a
// scenario needs that the suite's API cannot make yet, written into a
// service's database through that service's own store code (so the rows are
// exactly what the service writes), and the names of what they made returned
// as variables for the templates.
//
//   loans_lending {"county": "units/…", "village": "units/…", "borrowers": 64}
//       a county policy for the county in force since 2024-01-01, the poverty
//       small-loan product (products/01BENCHPRODUCTFPXD00000001, code
//       BENCH-FPXD) and `borrowers` eligible households registered at the
//       village; variables loans_product and loans_borrowers (a list).
//       For svc-loans while ProductService and BorrowerService answer
//       UNIMPLEMENTED (issue 10); docs/performance.md, "Loans".
//
// Guarantees: a seed is idempotent — ids derive from its arguments, and rows
// already there are kept — so every run reuses the same rows; an unknown
// seed or bad arguments are INVALID_ARGUMENT before anything is written.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "bench/request_template.h"
#include "bench/setup_steps.h"

namespace huinong::bench {

absl::StatusOr<Variables> RunSeed(const std::string& name, const std::string& args_json, Databases& databases);

// The rows loans_lending writes, without writing them (for its test).
struct LoansLendingIds {
  std::string policy_id;
  std::string product_id;
  std::vector<std::string> borrower_ids;
};
absl::StatusOr<LoansLendingIds> LoansLendingIdsFor(const std::string& county, const std::string& village,
                                                  int borrowers);

}  // namespace huinong::bench
