// Named seeds a plan step may run ({"seed": NAME, "request": {ARGS}}): rows a
// scenario needs that the suite's API cannot make yet — or not by the
// thousand in reasonable time (a disbursed loan is eight calls of the
// application workflow) — written into a
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
//   loans_repayable {"county": "units/…", "bank": "units/…",
//                    "townships": "${townships[]}", "villages": "${villages[]}",
//                    "loans": 4096, "set": "R", "variable": "loans_repayable",
//                    "principal_fen": 5000000, "time_zone": "Asia/Shanghai"}
//       `loans` disbursed loans of the bench product, each its own household,
//       loan k at village k mod n of township k mod n (one village per
//       township, same order; so consecutive loans are in different
//       townships), paid out by `bank` 20 days before the day the set is
//       first written (`principal_fen`, 36 months at 435 bp): what Disburse
//       writes — the credit line, the loan with its first standing, its
//       schedule — through svc-loans's store and app functions, not the
//       application row (servicing never reads it). Needs loans_lending's
//       product and the county's policy. Variables: `variable` (the loans'
//       names, in index order), loans_value_year, _month and _day (today in
//       the county's time zone) and loans_repayment_fen (amounts from 1 fen
//       to 100 CNY to cycle through; numbers as text, which proto3 JSON
//       takes for integer fields).
//       A suite whose services run with HUINONG_CLOCK_OFFSET behind the wall
//       clock would refuse that value date; ahead of it, it is a backdated one.
//
// Guarantees: a seed is idempotent — ids derive from its arguments, and rows
// already there are kept — so every run reuses the same rows; an unknown
// seed or bad arguments are INVALID_ARGUMENT before anything is written.
#pragma once

#include <string>
#include <vector>

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

// The rows of loans_repayable's loan `index` of set `set` in `county`: ids of
// 26 characters that no other seed or bulk load uses (01BR…, 01BH…, 01BC…,
// 01BA…), and the disbursement's bank reference.
struct RepayableLoanIds {
  std::string loan_id;
  std::string borrower_id;
  std::string credit_line_id;
  std::string application_id;
  std::string bank_reference;
};
absl::StatusOr<RepayableLoanIds> RepayableLoanIdsFor(const std::string& county, const std::string& set, int index);

}  // namespace huinong::bench
