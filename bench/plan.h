// The benchmark plan (bench/scenarios.json): setup steps, the scenarios to
// measure and the targets, so adding a scenario is adding a JSON object.
//
//   {"targets": {"interceptor_max_cost": 0.10, "idle_rss_max_mib": 40},
//    "setup": [ <step>... ],              // run once, in order, before any scenario
//    "scenarios": [
//      {"name": "GetUnit", "kind": "read",            // read | write | audit_append
//       "service": "org",                             // direct address: HUINONG_ORG_ADDR
//       "method": "huinong.org.v1.UnitService/GetUnit",
//       "request": {"name": "${scratch_units}"},      // JSON object, or a string (JSON or text format)
//       "metadata": {"x-huinong-backend": "org"},     // optional, sent on every call
//       "via": ["direct", "gateway"],
//       "setup": [ <step>... ],                       // optional, this scenario's own
//       "baseline": "empty_handler", "min_ratio": 0.6,
//       "gateway_min_ratio": 0.85, "gateway_max_p99_added_ms": 1.0,
//       "max_db_commands": 8,                         // optional: database commands per call
//       "batch_size": 100,                            // audit_append only
//       "as": {"subject": "staff/${clerk}", "unit": "${village}"},  // optional: the caller (default admin)
//       "prepare": {"steps": [ <step>... ], "max_rate": 1500},      // optional: prepared inputs
//       "table_sizes": {"max_slowdown": 1.3,                         // optional: see below
//                       "sizes": [{"label": "10k", "steps": [ <step>... ]}, ...],
//                       "cleanup": [ <step>... ]}}]}
//
//   <step> = {"label": "...", "service": "org", "method": "...", "request": ...,
//             "repeat": 8,                             // {{i}} in the request is 0..repeat-1
//             "as": {"subject": "...", "unit": "..."},  // optional: the caller (default admin)
//             "capture": {"var": "scratch_units", "field": "name"}}  // or a list of them
//          | {"label": "...", "database": "loans", "sql": ["statement", ...]}  // the service's database
//          | {"label": "...", "seed": "loans_lending", "request": {...}}     // bench/seeds.h
//
// Prepared inputs: before each measurement of the scenario (untimed), its
// "prepare" steps run once per input item — enough items for max_rate calls
// per second over warm-up and window — with {{i}} the item's index and the
// captures of the item's own steps as its variables; each call of the
// measurement then sends the scenario's request expanded for the next item
// (e.g. the name and etag of a fresh DRAFT application). A list variable
// gives item k its element k mod size, so "prepare" with no steps spreads
// consecutive calls over a list of records (RecordRepayment: each call the
// next of 4,096 loans, where a slot's own template would send a slot's calls
// to one loan). A measurement that runs out of items is reported as failed,
// never as a number.
//
// Table sizes: the scenario is measured once per size, in order, after the
// rounds (rounds measurements back to back at each size), each size's steps
// run untimed before it (e.g. SQL growing a table); every size after the
// first is compared with the first against max_slowdown; "cleanup" runs at
// the end (and before the first size, for a run that stopped half-way).
//
// Baselines a scenario may name: empty_handler (bootstrap on), empty_bare
// (interceptors off), raw_insert (1-row transactions), raw_insert_batch
// (batch_size-row transactions).
#pragma once

#include <map>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

namespace huinong::bench {

// Who a call is made as: a token for `subject` acting for `unit` ("units/{id}"
// or a bare id); both may name ${variables}. Empty subject: the administrator.
struct Caller {
  std::string subject;
  std::string unit;
};

struct Capture {
  std::string var;
  std::string field;  // dotted string field of the response
};

struct CallStep {
  std::string label;
  std::string service;
  std::string method;
  std::string request;
  int repeat = 1;
  Caller as;
  std::vector<Capture> captures;
  // An SQL step instead of a call: statements run in order on the database
  // of `database` (a service: "loans" is huinong_loans), with ${variables}.
  std::string database;
  std::vector<std::string> sql;
  // A named seed instead of a call (bench/seeds.h); `request` is its JSON arguments.
  std::string seed;
};

struct Prepare {
  std::vector<CallStep> steps;  // run once per item
  double max_rate = 1000;       // calls per second the items are sized for
};

struct TableSize {
  std::string label;
  std::vector<CallStep> steps;
};

struct TableSizes {
  std::vector<TableSize> sizes;  // empty: not a sized scenario
  std::vector<CallStep> cleanup;
  double max_slowdown = 0;  // 0: no target
};

struct Scenario {
  std::string name;
  std::string kind;  // "read", "write" or "audit_append"
  std::string service;
  std::string method;
  std::string request;
  std::vector<std::pair<std::string, std::string>> metadata;
  std::vector<std::string> via = {"direct"};
  std::vector<CallStep> setup;
  std::string baseline;
  double min_ratio = 0;                 // 0: no target
  double gateway_min_ratio = 0;         // 0: no target
  double gateway_max_p99_added_ms = 0;  // 0: no target
  // Database commands per call (MariaDB's Queries counter: prepares, executes,
  // START TRANSACTION and COMMIT each count; the outbox relay's and
  // svc-audit's share of a write is included, amortized over its batch).
  double max_db_commands = 0;  // 0: no target
  int batch_size = 100;
  Caller as;
  Prepare prepare;
  bool prepared = false;  // has "prepare"
  TableSizes table_sizes;
};

// The measurement key of a sized scenario at one size: "ListApplications at 10k".
std::string SizedName(const Scenario& scenario, const TableSize& size);

struct Targets {
  double interceptor_max_cost = 0.10;
  double idle_rss_max_mib = 40;
};

struct Plan {
  Targets targets;
  std::vector<CallStep> setup;
  std::vector<Scenario> scenarios;
};

// INVALID_ARGUMENT naming the offending scenario or field.
absl::StatusOr<Plan> ParsePlan(absl::string_view json);

// Keeps only the scenarios named in `names` (comma-separated; empty keeps
// all), in the plan's order; the plan's setup and targets stay. For profiling
// one scenario without the whole run. INVALID_ARGUMENT naming a name that is
// not in the plan.
absl::Status KeepScenarios(Plan& plan, absl::string_view names);

}  // namespace huinong::bench
