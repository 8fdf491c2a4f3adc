// The tickets benches of issue 12 "Speed", each against a baseline measured
// in the same run (docs/performance.md, "Tickets (issue 12)"):
//   intake:  CreateTicket direct on an in-process svc-tickets against the
//            raw one-row insert of a ticket row, same concurrency
//            (bench/ticket_intake_bench.h); target ≥ 0.5×;
//   scanner: an SLA scanner pass over 100 due clocks with 10,000 and
//            1,000,000 open tickets in the table against the same pass over
//            a near-empty table (bench/scanner_bench.h); target ≤ 2×.
// Needs only a MariaDB (the suite's: source .run/env) and makes and drops
// its own scratch databases (huinong_tickets_bench_*).
//
//   source .run/env && build/bin/tickets_bench [--only intake|scanner]
//       [--sizes 10000,1000000] [--passes 3] [--rounds 2] [--warmup 2s] [--duration 5s]
//       [--concurrency 16] [--channels 4] [--keep]
// Progress and the summary go to stdout; the in-process service's logs
// (the access log among them) to stderr.
#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "bench/proc_stats.h"
#include "bench/scanner_bench.h"
#include "bench/ticket_intake_bench.h"
#include "common/core/config.h"
#include "common/core/log.h"
#include "common/server/service_main.h"

namespace huinong::bench {
namespace {

void Row(const std::string& figure, const std::string& value, const std::string& baseline, double ratio,
         const std::string& target, bool met) {
  std::printf("%-44s %-12s %-38s %6.2fx  %-9s %s\n", figure.c_str(), value.c_str(), baseline.c_str(), ratio,
              target.c_str(), met ? "yes" : "NO");
}

void CostLine(const char* name, const IntakeMeasurement& m) {
  const WindowCosts& c = m.costs;
  auto db = [&](const char* k) { return c.PerCall(c.db.count(k) ? c.db.at(k) : 0); };
  auto cpu = [&](const char* k) { return c.PerCall(c.cpu.count(k) ? c.cpu.at(k) : 0) * 1e6; };
  std::printf("%-26s %7.2f %7.2f %7.2f %7.3f %9.0f %9.0f   %.2f (%.2f holds, %.2f lineage, %.2f calendar, %.2f other)\n",
              name, db("Queries"), db("Com_commit"), db("Com_stmt_prepare"), db("Innodb_row_lock_waits"),
              cpu("bench"), cpu("mariadb"), c.PerCall(static_cast<double>(c.org.total())),
              c.PerCall(static_cast<double>(c.org.holds)), c.PerCall(static_cast<double>(c.org.lineage)),
              c.PerCall(static_cast<double>(c.org.calendar)), c.PerCall(static_cast<double>(c.org.other)));
}

// Statements and CPU per due ticket over `passes`.
void PerTicket(const char* table, const std::vector<PassFigures>& passes) {
  double statements = 0, bench = 0, mariadb = 0;
  for (const PassFigures& p : passes) {
    statements += p.statements;
    bench += p.bench_cpu_s;
    mariadb += p.mariadb_cpu_s;
  }
  const double n = static_cast<double>(passes.size() * kDuePerPass);
  std::printf("    per due ticket, %-10s: %.1f statements, %.0f µs scanner CPU, %.0f µs MariaDB CPU; passes", table,
              statements / n, bench * 1e6 / n, mariadb * 1e6 / n);
  for (const PassFigures& p : passes) std::printf(" %.1f", p.seconds * 1000);
  std::printf(" ms\n");
}

absl::Status Intake(const Config& config, const RawDbOptions& server, pid_t mariadb_pid) {
  RawDbOptions db = server;
  db.database = "huinong_tickets_bench_intake";
  RETURN_IF_ERROR(RecreateDatabase(server, db.database));
  IntakeOptions o;
  ASSIGN_OR_RETURN(const int64_t concurrency, config.Int("concurrency", 16));
  ASSIGN_OR_RETURN(const int64_t channels, config.Int("channels", 4));
  ASSIGN_OR_RETURN(const int64_t rounds, config.Int("rounds", 2));
  ASSIGN_OR_RETURN(const int64_t pool_size, config.Int("pool_size", 8));
  ASSIGN_OR_RETURN(o.loop.warmup, config.Duration("warmup", absl::Seconds(2)));
  ASSIGN_OR_RETURN(o.loop.duration, config.Duration("duration", absl::Seconds(5)));
  o.loop.concurrency = static_cast<int>(concurrency);
  o.loop.channels = static_cast<int>(channels);
  o.rounds = static_cast<int>(rounds);
  o.mariadb_pid = mariadb_pid;
  IntakeFigures f;
  {
    ASSIGN_OR_RETURN(std::unique_ptr<TicketsHost> host, TicketsHost::Start(db, static_cast<int>(pool_size)));
    ASSIGN_OR_RETURN(f, RunIntakeBench(*host, db, o));
  }
  ASSIGN_OR_RETURN(const bool keep, config.Bool("keep", false));
  if (!keep) RETURN_IF_ERROR(DropDatabase(server, db.database));

  const double base = f.raw_ticket.load.calls_per_s();
  const double ratio = base > 0 ? f.create.load.calls_per_s() / base : 0;
  std::printf("\nintake: %d in flight over %d channels, service pool %lld, %d rounds of %s + %s\n",
              o.loop.concurrency, o.loop.channels, static_cast<long long>(pool_size), o.rounds,
              absl::FormatDuration(o.loop.warmup).c_str(), absl::FormatDuration(o.loop.duration).c_str());
  Row("CreateTicket direct", absl::StrFormat("%.0f/s", f.create.load.calls_per_s()),
      absl::StrFormat("%.0f/s raw 1-row ticket insert", base), ratio, ">= 0.50x", ratio >= 0.5);
  const double narrow = f.raw_narrow.load.calls_per_s();
  Row("raw 1-row ticket insert (for scale)", absl::StrFormat("%.0f/s", base),
      absl::StrFormat("%.0f/s raw 1-row narrow insert", narrow), narrow > 0 ? base / narrow : 0, "", true);
  std::printf("latency p50/p99: CreateTicket %.2f/%.2f ms, raw ticket insert %.2f/%.2f ms; errors %lld, %lld\n",
              f.create.load.latency.p50_us / 1000, f.create.load.latency.p99_us / 1000,
              f.raw_ticket.load.latency.p50_us / 1000, f.raw_ticket.load.latency.p99_us / 1000,
              static_cast<long long>(f.create.load.error_count()),
              static_cast<long long>(f.raw_ticket.load.error_count()));
  std::printf("\nper call                   db q    commit  prepare lockwt  bench µs  MariaDB µs  org lookups\n");
  CostLine("CreateTicket", f.create);
  CostLine("raw 1-row ticket insert", f.raw_ticket);
  CostLine("raw 1-row narrow insert", f.raw_narrow);
  std::printf("(bench µs: this process, the client and — for CreateTicket — the in-process service together)\n\n");
  return absl::OkStatus();
}

absl::Status Scanner(const Config& config, const RawDbOptions& server, pid_t mariadb_pid) {
  ScannerOptions o;
  o.server = server;
  o.mariadb_pid = mariadb_pid;
  o.sizes.clear();
  for (const absl::string_view word : absl::StrSplit(config.String("sizes", "10000,1000000"), ',')) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(word, &n) || n <= 0) return absl::InvalidArgumentError(absl::StrCat("bad size ", word));
    o.sizes.push_back(n);
  }
  ASSIGN_OR_RETURN(const int64_t passes, config.Int("passes", 3));
  ASSIGN_OR_RETURN(o.keep, config.Bool("keep", false));
  o.passes = static_cast<int>(passes);
  ASSIGN_OR_RETURN(const std::vector<SizeFigures> sizes, RunScannerBench(o));
  std::printf("\nscanner: passes of %d due, median of %d per table and size (baseline and grown alternating)\n",
              kDuePerPass, o.passes);
  for (const SizeFigures& s : sizes) {
    const double base = MedianSeconds(s.base), grown = MedianSeconds(s.grown);
    const double ratio = base > 0 ? grown / base : 0;
    Row(absl::StrFormat("scanner pass, %d due, %lld open tickets", kDuePerPass, static_cast<long long>(s.open_tickets)),
        absl::StrFormat("%.1f ms", grown * 1000), absl::StrFormat("%.1f ms near-empty table", base * 1000), ratio,
        "<= 2.00x", ratio <= 2.0);
    std::printf("    loaded in %.1f s, tickets table %.0f MiB\n", s.load_seconds, s.tickets_mib);
    PerTicket("near-empty", s.base);
    PerTicket("grown", s.grown);
  }
  return absl::OkStatus();
}

int Run(int argc, char** argv) {
  server::DisableMutexDeadlockDetection();  // as every service does
  auto config = Config::FromProcess(argc, argv);
  if (!config.ok()) return 2;
  log::Init("tickets-bench", log::Level::kInfo);
  absl::StatusOr<RawDbOptions> admin = AdminServer(*config);
  if (!admin.ok()) {
    std::fprintf(stderr, "tickets_bench: %s\n", std::string(admin.status().message()).c_str());
    return 2;
  }
  const RawDbOptions& server = *admin;
  pid_t mariadb_pid = 0;
  const std::string run_dir = config->String("run_dir");
  if (!run_dir.empty()) mariadb_pid = PidFromFile(absl::StrCat(run_dir, "/pids/mariadb.pid")).value_or(0);
  const std::string only = config->String("only");
  absl::Status s = absl::OkStatus();
  if (only.empty() || only == "intake") s = Intake(*config, server, mariadb_pid);
  if (s.ok() && (only.empty() || only == "scanner")) s = Scanner(*config, server, mariadb_pid);
  if (!s.ok()) {
    std::fprintf(stderr, "tickets_bench: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace huinong::bench

int main(int argc, char** argv) { return huinong::bench::Run(argc, argv); }
