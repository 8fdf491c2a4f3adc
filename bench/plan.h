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
//       "batch_size": 100}]}                           // audit_append only
//
//   <step> = {"label": "...", "service": "org", "method": "...", "request": ...,
//             "repeat": 8,                             // {{i}} in the request is 0..repeat-1
//             "capture": {"var": "scratch_units", "field": "name"}}
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

struct CallStep {
  std::string label;
  std::string service;
  std::string method;
  std::string request;
  int repeat = 1;
  std::string capture_var;    // empty: nothing captured
  std::string capture_field;  // dotted string field of the response
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
};

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

}  // namespace huinong::bench
