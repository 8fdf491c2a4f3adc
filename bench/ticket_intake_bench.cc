// See ticket_intake_bench.h.
#include "bench/ticket_intake_bench.h"

#include <unistd.h>

#include <atomic>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/blocking_load.h"
#include "bench/db_status.h"
#include "bench/grpc_load.h"
#include "bench/proc_stats.h"
#include "bench/request_template.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/db/statements.h"

namespace huinong::bench {
namespace {

constexpr char kCreateTicket[] = "/huinong.tickets.v1.TicketService/CreateTicket";

class IntakeRequests final : public RequestSource {
 public:
  grpc::ByteBuffer Next(int) override { return ToByteBuffer(IntakeRequest(next_.fetch_add(1))); }

 private:
  std::atomic<int64_t> next_{1};  // call 0 is the probe's
};

// A value as an SQL literal: digits, dates and times quoted as they are
// (nothing in them to escape), anything else as a hex string.
std::string Literal(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  bool plain = true;
  for (const char c : *value) plain = plain && (absl::ascii_isdigit(c) || c == ' ' || c == ':' || c == '.' || c == '-');
  if (plain) return absl::StrCat("'", *value, "'");
  return absl::StrCat("X'", absl::BytesToHexString(*value), "'");
}

// Makes raw_tickets (a copy of tickets' definition, emptied) and returns
// the INSERT of one row: the first ticket's values, the id a parameter. The
// other values are literals so the statement has one placeholder and stays
// in the per-connection cache (db::Prepare keeps none with more than 16).
absl::StatusOr<std::string> PrepareRawTickets(db::DbPool& pool) {
  std::string sql;
  RETURN_IF_ERROR(pool.Transact([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute("DROP TABLE IF EXISTS raw_tickets");
    st->execute("CREATE TABLE raw_tickets LIKE tickets");
    std::vector<std::string> columns;
    std::string key;
    {
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery(
          "SELECT COLUMN_NAME, EXTRA, COLUMN_KEY FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
          "AND TABLE_NAME = 'tickets' ORDER BY ORDINAL_POSITION"));
      while (rs->next()) {
        if (absl::StrContains(std::string(rs->getString(2)), "auto_increment")) continue;  // seq: the server's
        if (std::string(rs->getString(3)) == "PRI") key = rs->getString(1);
        columns.push_back(rs->getString(1));
      }
    }
    if (key.empty() || columns.empty()) return absl::FailedPreconditionError("tickets has no single-column key");
    std::unique_ptr<sql::ResultSet> row(st->executeQuery(
        absl::StrCat("SELECT `", absl::StrJoin(columns, "`, `"), "` FROM tickets ORDER BY `", key, "` LIMIT 1")));
    if (!row->next()) return absl::FailedPreconditionError("no ticket to copy into raw_tickets");
    std::vector<std::string> values;
    for (size_t i = 0; i < columns.size(); ++i) {
      const auto at = static_cast<uint32_t>(i + 1);
      if (columns[i] == key) {
        values.push_back("?");
      } else {
        values.push_back(Literal(row->isNull(at) ? std::nullopt : std::optional<std::string>(row->getString(at))));
      }
    }
    sql = absl::StrCat("INSERT INTO raw_tickets (`", absl::StrJoin(columns, "`, `"), "`) VALUES (",
                       absl::StrJoin(values, ", "), ")");
    return absl::OkStatus();
  }));
  return sql;
}

// Runs one measurement with its window metered, adding to `into`.
class Meters {
 public:
  Meters(TicketsHost& host, DbStatusMeter& db, pid_t mariadb_pid) : host_(host), db_(db) {
    groups_.push_back(ProcessGroup{"bench", {getpid()}});
    if (mariadb_pid > 0) groups_.push_back(ProcessGroup{"mariadb", {mariadb_pid}});
  }

  LoopOptions Hooked(const LoopOptions& loop, CpuMeter& cpu) {
    LoopOptions o = loop;
    o.on_window_start = [this, &cpu] {
      org_start_ = host_.org_calls();
      db_.Start();
      cpu.Start();
    };
    o.on_window_end = [this, &cpu] {
      cpu.Stop();
      db_.Stop();
      org_end_ = host_.org_calls();
    };
    return o;
  }

  template <typename Run>
  void Measure(const LoopOptions& loop, IntakeMeasurement& into, std::vector<LoadResult>& parts, Run run) {
    CpuMeter cpu(groups_);
    LoadResult r = run(Hooked(loop, cpu));
    WindowCosts& c = into.costs;
    c.calls += r.ok;
    for (const auto& [name, value] : db_.delta()) c.db[name] += value;
    for (const auto& [name, value] : cpu.used()) c.cpu[name] += value;
    c.org.holds += org_end_.holds - org_start_.holds;
    c.org.lineage += org_end_.lineage - org_start_.lineage;
    c.org.calendar += org_end_.calendar - org_start_.calendar;
    c.org.other += org_end_.other - org_start_.other;
    std::printf("  %-26s %8.0f/s  p50 %6.2f ms  errors %lld%s\n", r.label.c_str(), r.calls_per_s(),
                r.latency.p50_us / 1000, static_cast<long long>(r.error_count()),
                r.error_count() > 0 ? absl::StrCat(" (", r.MainError(), ")").c_str() : "");
    std::fflush(stdout);
    parts.push_back(std::move(r));
  }

 private:
  TicketsHost& host_;
  DbStatusMeter& db_;
  std::vector<ProcessGroup> groups_;
  OrgCalls org_start_, org_end_;
};

}  // namespace

tickets::v1::CreateTicketRequest IntakeRequest(int64_t n) {
  tickets::v1::CreateTicketRequest req;
  req.set_request_id(NewUlid());
  tickets::v1::Ticket* t = req.mutable_ticket();
  t->set_type(tickets::v1::TICKET_TYPE_COMPLAINT);
  t->set_channel(tickets::v1::TICKET_CHANNEL_VISIT);
  t->set_summary("贷款贴息迟迟未到账");
  t->set_description("去年的贴息至今没有到账，要求查明原因并答复");
  t->mutable_contact()->set_display_name("王秀英");
  t->mutable_contact()->set_phone(absl::StrFormat("139%08d", n % 100000000));
  t->mutable_related()->set_service("loans");
  t->mutable_related()->set_name("loans/01JLOAN0000000000000000000");
  return req;
}

absl::StatusOr<IntakeFigures> RunIntakeBench(TicketsHost& host, const RawDbOptions& db, const IntakeOptions& options) {
  ASSIGN_OR_RETURN(const std::string bearer, host.BearerFor("clerk"));
  const Endpoint endpoint{host.address(), kCreateTicket, {{"authorization", bearer}}};
  ASSIGN_OR_RETURN(const std::vector<std::shared_ptr<grpc::Channel>> channels,
                   OpenChannels(host.address(), options.loop.channels, absl::Seconds(10)));
  // The probe: the first ticket, also the row the raw baseline copies.
  RETURN_IF_ERROR(CallOnce(*channels.front(), endpoint, ToByteBuffer(IntakeRequest(0)), absl::Seconds(10)).status());

  auto raw_pool = db::DbPool::Create(PoolConfig(db, options.loop.concurrency), nullptr);
  ASSIGN_OR_RETURN(const std::string raw_sql, PrepareRawTickets(*raw_pool));
  ASSIGN_OR_RETURN(std::unique_ptr<RawInsertBench> narrow, RawInsertBench::Prepare(db, options.loop.concurrency));
  ASSIGN_OR_RETURN(std::unique_ptr<DbStatusMeter> db_meter, DbStatusMeter::Create(db));

  Meters meters(host, *db_meter, options.mariadb_pid);
  IntakeRequests requests;
  IntakeFigures out;
  std::vector<LoadResult> create_parts, raw_parts, narrow_parts;
  auto create = [&] {
    meters.Measure(options.loop, out.create, create_parts, [&](const LoopOptions& o) {
      return RunGrpcLoad("CreateTicket direct", channels, endpoint, requests, o);
    });
  };
  auto raw = [&] {
    meters.Measure(options.loop, out.raw_ticket, raw_parts, [&](const LoopOptions& o) {
      return RunBlockingLoad("raw 1-row ticket insert", o, [&](int) {
        return raw_pool->Transact([&](sql::Connection& conn) -> absl::Status {
          db::Statement q = db::Prepare(conn, raw_sql);
          q->setString(1, NewUlid());
          q->executeUpdate();
          return absl::OkStatus();
        });
      });
    });
  };
  auto narrow_insert = [&] {
    meters.Measure(options.loop, out.raw_narrow, narrow_parts,
                   [&](const LoopOptions& o) { return narrow->Run("raw 1-row narrow insert", 1, o); });
  };
  for (int round = 0; round < options.rounds; ++round) {
    std::printf("intake round %d of %d\n", round + 1, options.rounds);
    if (round % 2 == 0) {
      raw();
      create();
      narrow_insert();
    } else {
      narrow_insert();
      create();
      raw();
    }
  }
  out.create.load = Pool(create_parts);
  out.raw_ticket.load = Pool(raw_parts);
  out.raw_narrow.load = Pool(narrow_parts);
  return out;
}

}  // namespace huinong::bench
