// The SLA scanner's cost against the open tickets in the table (issue 12
// "Speed": a pass with 100 clocks due takes within 2× the same time with
// 10,000 and with 1,000,000 open tickets in the table).
//
// Two in-process svc-tickets (bench/tickets_host.h), each on its own
// database: the baseline's stays near-empty; the other grows to each size
// in turn. In each, one complaint is taken through CreateTicket at Monday
// 09:00 (the template), then the clock moves 72 hours on, so the
// template's clocks — first response, reply, closure — are past due. The
// template itself is set never to be checked, so every copy is of the
// ticket as intake left it (no marks). Rows are copied from the template in bulk (INSERT … SELECT from
// MariaDB's seq_1_to_N tables, 50,000 rows a statement):
//   - open tickets not due: tickets, ticket_clocks and ticket_deadlines
//     rows with next_check in 2099 (the scanner never reads them);
//   - 100 due tickets before each measured pass: all four tables
//     (tickets, timeline, clocks, the next check intake set), so the scanner
//     really recomputes, marks and records each one as it would the
//     template.
// A measured pass is SlaScanner::RunOnce over 100 due; its wall time, its
// MariaDB statements and the CPU of this process and of MariaDB are taken.
// At each size the passes alternate baseline, grown, grown, baseline, …
//
// Guarantees: a measured pass that does not look at exactly its 100 due
// tickets is an error, never a figure; only the two named databases are
// touched (dropped at the end unless kept).
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/raw_insert.h"
#include "common/db/pool.h"
#include "svc-tickets/src/jobs/sla_scanner.h"

namespace huinong::bench {

inline constexpr int kDuePerPass = 100;

// `count` copies of ticket `template_id`, ids `id_prefix` + a zero-padded
// number from `from`: their tickets, ticket_clocks and ticket_deadlines
// rows, and with `with_timeline` their ticket_activities; `next_check`
// (an SQL DATETIME literal's text) replaces the template's when not empty.
absl::Status CopyTicket(db::DbPool& pool, const std::string& template_id, const std::string& id_prefix,
                        int64_t from, int64_t count, const std::string& next_check, bool with_timeline);

struct PassFigures {
  double seconds = 0;
  tickets::ScanPass pass;
  double statements = 0;   // MariaDB `Queries` during the pass
  double bench_cpu_s = 0;  // this process (the scanner)
  double mariadb_cpu_s = 0;
};

struct SizeFigures {
  int64_t open_tickets = 0;      // not-due copies in the grown table
  double load_seconds = 0;       // copying them in (from the previous size)
  double tickets_mib = 0;        // the grown tickets table, data and indexes (InnoDB's estimate)
  std::vector<PassFigures> base;  // passes over the near-empty table
  std::vector<PassFigures> grown;
};

struct ScannerOptions {
  RawDbOptions server;  // database ignored
  std::string database_prefix = "huinong_tickets_bench";
  std::vector<int64_t> sizes = {10000, 1000000};
  int passes = 3;  // measured passes per size and table
  bool keep = false;
  pid_t mariadb_pid = 0;
};

absl::StatusOr<std::vector<SizeFigures>> RunScannerBench(const ScannerOptions& options);

// The median wall time of `passes`, in seconds.
double MedianSeconds(const std::vector<PassFigures>& passes);

}  // namespace huinong::bench
