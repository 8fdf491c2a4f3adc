// See scanner_bench.h.
#include "bench/scanner_bench.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/db_status.h"
#include "bench/grpc_load.h"
#include "bench/proc_stats.h"
#include "bench/request_template.h"
#include "bench/ticket_intake_bench.h"
#include "bench/tickets_host.h"
#include "common/core/status_macros.h"

namespace huinong::bench {
namespace {

constexpr int64_t kRowsPerStatement = 50000;
constexpr char kNotDue[] = "2099-01-01 00:00:00";

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// `table`'s columns in order, without the server-numbered one.
absl::StatusOr<std::vector<std::string>> CopiedColumns(sql::Connection& conn, const std::string& table) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(absl::StrCat(
      "SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
      "AND TABLE_NAME = '", table, "' ORDER BY ORDINAL_POSITION")));
  std::vector<std::string> columns;
  while (rs->next()) {
    if (!absl::StrContains(std::string(rs->getString(2)), "auto_increment")) columns.push_back(rs->getString(1));
  }
  if (columns.empty()) return absl::NotFoundError(absl::StrCat("no table ", table));
  return columns;
}

// One multi-row INSERT … SELECT: rows `from`..`to` of the copies of the
// template's rows in `table` (keyed by `key`).
absl::Status CopyRows(db::DbPool& pool, const std::string& table, const std::string& key,
                      const std::string& template_id, const std::string& id_expr, int64_t from, int64_t to,
                      const std::string& next_check) {
  return pool.Transact([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(const std::vector<std::string> columns, CopiedColumns(conn, table));
    std::vector<std::string> exprs;
    for (const std::string& c : columns) {
      if (c == key) {
        exprs.push_back(id_expr);
      } else if (c == "next_check" && !next_check.empty()) {
        exprs.push_back(absl::StrCat("'", next_check, "'"));
      } else {
        exprs.push_back(absl::StrCat("t.`", c, "`"));
      }
    }
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(absl::StrCat("INSERT INTO `", table, "` (`", absl::StrJoin(columns, "`, `"), "`) SELECT ",
                             absl::StrJoin(exprs, ", "), " FROM `", table, "` t JOIN seq_", from, "_to_", to,
                             " s WHERE t.`", key, "` = '", template_id, "'"));
    return absl::OkStatus();
  });
}

// One of the two scanned tables: its host and its template ticket.
struct ScanTable {
  std::string name;
  std::unique_ptr<TicketsHost> host;
  std::string template_id;
  std::string due_check;  // the template's next check as intake set it
  int due_batches = 0;
  int64_t open = 0;
};

absl::StatusOr<ScanTable> OpenTable(const ScannerOptions& options, const std::string& suffix) {
  ScanTable t;
  t.name = absl::StrCat(options.database_prefix, "_", suffix);
  RETURN_IF_ERROR(RecreateDatabase(options.server, t.name));
  RawDbOptions db = options.server;
  db.database = t.name;
  ASSIGN_OR_RETURN(t.host, TicketsHost::Start(db, 8));
  ASSIGN_OR_RETURN(const std::string bearer, t.host->BearerFor("clerk"));
  ASSIGN_OR_RETURN(const std::vector<std::shared_ptr<grpc::Channel>> channels,
                   OpenChannels(t.host->address(), 1, absl::Seconds(10)));
  const Endpoint endpoint{t.host->address(), "/huinong.tickets.v1.TicketService/CreateTicket",
                          {{"authorization", bearer}}};
  RETURN_IF_ERROR(CallOnce(*channels.front(), endpoint, ToByteBuffer(IntakeRequest(0)), absl::Seconds(10)).status());
  RETURN_IF_ERROR(t.host->pool().Transact([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(
        st->executeQuery("SELECT t.id, d.next_check FROM tickets t JOIN ticket_deadlines d ON d.ticket_id = t.id"));
    if (!rs->next()) return absl::InternalError("CreateTicket wrote no ticket with a next check");
    t.template_id = rs->getString(1);
    t.due_check = rs->getString(2);
    // The template itself is never scanned, so every copy is of the ticket
    // as intake left it (no marks, not escalated).
    st->execute(absl::StrCat("UPDATE ticket_deadlines SET next_check = '", kNotDue, "' WHERE ticket_id = '",
                             t.template_id, "'"));
    return absl::OkStatus();
  }));
  // Three days on: the template's clocks (and its copies') are past due.
  t.host->clock().Advance(absl::Hours(72));
  return t;
}

absl::Status MakeDue(ScanTable& t) {
  const std::string prefix = absl::StrFormat("01TDUE%04d", ++t.due_batches);
  return CopyTicket(t.host->pool(), t.template_id, prefix, 1, kDuePerPass, t.due_check, true);
}

absl::StatusOr<PassFigures> TimedPass(ScanTable& t, DbStatusMeter& meter, pid_t mariadb_pid) {
  std::vector<ProcessGroup> groups{{"bench", {getpid()}}};
  if (mariadb_pid > 0) groups.push_back({"mariadb", {mariadb_pid}});
  CpuMeter cpu(groups);
  PassFigures f;
  meter.Start();
  cpu.Start();
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<tickets::ScanPass> pass = t.host->scanner().RunOnce();
  f.seconds = Since(start);
  cpu.Stop();
  meter.Stop();
  if (!pass.ok()) return pass.status();
  if (!pass->leased || pass->tickets != kDuePerPass) {
    return absl::InternalError(absl::StrFormat("the pass over %s looked at %d tickets, not the %d due", t.name,
                                               pass->tickets, kDuePerPass));
  }
  f.pass = *pass;
  const auto q = meter.delta().find("Queries");
  f.statements = q == meter.delta().end() ? 0 : q->second;
  const auto b = cpu.used().find("bench");
  f.bench_cpu_s = b == cpu.used().end() ? 0 : b->second;
  const auto m = cpu.used().find("mariadb");
  f.mariadb_cpu_s = m == cpu.used().end() ? 0 : m->second;
  std::printf("  pass over %-34s %8.1f ms  %3d tickets  %3d at risk  %3d breached  %3d escalated  %6.0f statements\n",
              absl::StrCat(t.name, " (", t.open, " open)").c_str(), f.seconds * 1000, f.pass.tickets,
              f.pass.at_risk, f.pass.breached, f.pass.escalated, f.statements);
  std::fflush(stdout);
  return f;
}

absl::StatusOr<PassFigures> DueAndPass(ScanTable& t, DbStatusMeter& meter, pid_t mariadb_pid) {
  RETURN_IF_ERROR(MakeDue(t));
  return TimedPass(t, meter, mariadb_pid);
}

}  // namespace

absl::Status CopyTicket(db::DbPool& pool, const std::string& template_id, const std::string& id_prefix,
                        int64_t from, int64_t count, const std::string& next_check, bool with_timeline) {
  if (id_prefix.size() >= 26) return absl::InvalidArgumentError("id prefix too long");
  const std::string id_expr = absl::StrCat("CONCAT('", id_prefix, "', LPAD(s.seq, ", 26 - id_prefix.size(), ", '0'))");
  std::vector<std::pair<std::string, std::string>> tables = {
      {"tickets", "id"}, {"ticket_clocks", "ticket_id"}, {"ticket_deadlines", "ticket_id"}};
  if (with_timeline) tables.push_back({"ticket_activities", "ticket_id"});
  for (int64_t lo = from; lo < from + count; lo += kRowsPerStatement) {
    const int64_t hi = std::min(from + count - 1, lo + kRowsPerStatement - 1);
    for (const auto& [table, key] : tables) {
      RETURN_IF_ERROR(CopyRows(pool, table, key, template_id, id_expr, lo, hi, next_check));
    }
  }
  return absl::OkStatus();
}

double MedianSeconds(const std::vector<PassFigures>& passes) {
  std::vector<double> s;
  for (const PassFigures& p : passes) s.push_back(p.seconds);
  if (s.empty()) return 0;
  std::sort(s.begin(), s.end());
  return s.size() % 2 == 1 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
}

absl::StatusOr<std::vector<SizeFigures>> RunScannerBench(const ScannerOptions& options) {
  ASSIGN_OR_RETURN(ScanTable base, OpenTable(options, "base"));
  ASSIGN_OR_RETURN(ScanTable grown, OpenTable(options, "grown"));
  ASSIGN_OR_RETURN(std::unique_ptr<DbStatusMeter> meter, DbStatusMeter::Create(options.server));
  // Warm-up, not measured: the first pass of each host prepares its statements.
  for (ScanTable* t : {&base, &grown}) {
    RETURN_IF_ERROR(MakeDue(*t));
    RETURN_IF_ERROR(t->host->scanner().RunOnce().status());
  }
  std::vector<int64_t> sizes = options.sizes;
  std::sort(sizes.begin(), sizes.end());
  std::vector<SizeFigures> out;
  for (const int64_t size : sizes) {
    SizeFigures f;
    f.open_tickets = size;
    std::printf("scanner: %lld open tickets not due into %s\n", static_cast<long long>(size - grown.open),
                grown.name.c_str());
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    RETURN_IF_ERROR(CopyTicket(grown.host->pool(), grown.template_id, "01TOPEN", grown.open + 1, size - grown.open,
                               kNotDue, false));
    f.load_seconds = Since(start);
    grown.open = size;
    RETURN_IF_ERROR(grown.host->pool().Transact([&](sql::Connection& conn) -> absl::Status {
      std::unique_ptr<sql::Statement> st(conn.createStatement());
      // The size below is InnoDB's estimate, refreshed here, not by the load.
      std::unique_ptr<sql::ResultSet>(st->executeQuery("ANALYZE TABLE tickets"));
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery(
          "SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
          "AND TABLE_NAME = 'tickets'"));
      if (rs->next()) f.tickets_mib = static_cast<double>(rs->getInt64(1)) / (1 << 20);
      return absl::OkStatus();
    }));
    std::printf("  loaded in %.1f s (tickets: %.0f MiB)\n", f.load_seconds, f.tickets_mib);
    for (int p = 0; p < options.passes; ++p) {
      ScanTable& first = p % 2 == 0 ? base : grown;
      ScanTable& second = p % 2 == 0 ? grown : base;
      ASSIGN_OR_RETURN(const PassFigures a, DueAndPass(first, *meter, options.mariadb_pid));
      ASSIGN_OR_RETURN(const PassFigures b, DueAndPass(second, *meter, options.mariadb_pid));
      (p % 2 == 0 ? f.base : f.grown).push_back(a);
      (p % 2 == 0 ? f.grown : f.base).push_back(b);
    }
    out.push_back(std::move(f));
  }
  if (!options.keep) {
    for (ScanTable* t : {&base, &grown}) {
      const std::string name = t->name;
      t->host.reset();
      RETURN_IF_ERROR(DropDatabase(options.server, name));
    }
  }
  return out;
}

}  // namespace huinong::bench
