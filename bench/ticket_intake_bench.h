// CreateTicket's speed against its write ceiling, measured in the same run
// (issue 12 "Speed": CreateTicket direct ≥ 0.5× the raw one-row insert at
// the same concurrency). Three closed loops at the same concurrency, in
// turn each round (forwards, then backwards, so drift favours neither):
//   - CreateTicket on the in-process svc-tickets (bench/tickets_host.h)
//     over gRPC, as the clerk of the village: a complaint about a loan, a
//     fresh request id and a new customer's phone on every call;
//   - the raw one-row insert of a ticket: one INSERT per transaction into
//     `raw_tickets`, a copy of `tickets` (CREATE TABLE … LIKE: the same
//     columns and indexes), of a real ticket row's values with a fresh id,
//     through the services' pool and a statement prepared once per
//     connection (db::Prepare), on as many connections as calls in flight;
//   - for scale, the suite's narrow raw insert (bench/raw_insert.h).
// Each window is metered: MariaDB's counters, CPU seconds of this process
// (client and service together) and of MariaDB when its pid is given, and
// the org lookups the service made.
//
// Guarantees: touches only the host's database (tables raw_tickets and
// raw_insert, created there, and the tickets the calls make).
#pragma once

#include <map>
#include <string>
#include <sys/types.h>

#include "absl/status/statusor.h"
#include "bench/closed_loop.h"
#include "bench/load_result.h"
#include "bench/raw_insert.h"
#include "bench/tickets_host.h"
#include "huinong/tickets/v1/ticket_service.pb.h"

namespace huinong::bench {

// What the windows of one measurement cost, summed over its rounds.
struct WindowCosts {
  int64_t calls = 0;
  std::map<std::string, double> db;   // MariaDB counter -> increase (bench/db_status.h names)
  std::map<std::string, double> cpu;  // "bench", "mariadb" -> CPU seconds
  OrgCalls org;

  double PerCall(double total) const { return calls > 0 ? total / static_cast<double>(calls) : 0; }
};

struct IntakeMeasurement {
  LoadResult load;  // pooled over the rounds
  WindowCosts costs;
};

struct IntakeFigures {
  IntakeMeasurement create;      // CreateTicket
  IntakeMeasurement raw_ticket;  // the baseline: one ticket row
  IntakeMeasurement raw_narrow;  // the suite's raw_insert, for scale
};

struct IntakeOptions {
  LoopOptions loop;  // concurrency, channels, warm-up, window
  int rounds = 2;
  pid_t mariadb_pid = 0;  // 0: MariaDB's CPU is not measured
};

// The CreateTicket request of call `n` of a run.
tickets::v1::CreateTicketRequest IntakeRequest(int64_t n);

// `db`: the host's database (the raw tables are made there, beside `tickets`).
absl::StatusOr<IntakeFigures> RunIntakeBench(TicketsHost& host, const RawDbOptions& db, const IntakeOptions& options);

}  // namespace huinong::bench
