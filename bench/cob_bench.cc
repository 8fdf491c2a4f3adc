// The close-of-business job's speed on this machine (issue 11 "Speed": the
// daily job over 10,000 and over 200,000 loans, loans per second each, the
// cost per loan at 200,000 within 1.5x of that at 10,000). For each size: a
// scratch database with svc-loans' migrations, one county of 20 townships
// holding that many household small loans (50,000 CNY, 435 bp, monthly
// interest, 12 months, paid out over the year before, none repaying: every
// loan past its first due date ages and is written each date — the worst
// case), then the job itself (jobs/close_of_business_job.h,
// the real recorders) on a business clock at 2026-09-02: a first close of
// 2026-08-31 (every loan classified: the warm-up), then the measured close
// of 2026-09-01 — a typical day: every loan locked, replayed and judged, the
// ageing ones written, the townships measured. Talks to the suite's MariaDB
// (source .run/env: HUINONG_DB_PORT, HUINONG_DB_ADMIN_USER,
// HUINONG_DB_ADMIN_PASSWORD_FILE); each scratch database is dropped after.
//
//   source .run/env && build/bin/cob_bench [--loans 10000,200000] [--batch-size 500]
// Prints, per size, the seconds and loans per second of the measured date,
// and at the end the ratio of the cost per loan (largest ÷ smallest).
#include <chrono>
#include <cstdio>

#include <cppconn/connection.h>
#include <cppconn/statement.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "bench/raw_insert.h"
#include "common/core/config.h"
#include "common/core/status_macros.h"
#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "svc-loans/src/api/close_of_business_mapping.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/jobs/close_of_business_job.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/migrations.h"
#include "svc-loans/src/store/policy_store.h"

namespace huinong::bench {
namespace {

constexpr char kCounty[] = "01COBBENCHCOUNTY0000000000";

std::string Id(const char* kind, int n) { return absl::StrFormat("01%s%020d", kind, n).substr(0, 26); }

absl::Status Exec(db::DbPool& pool, const std::string& sql) {
  return pool.Transact([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(sql);
    return absl::OkStatus();
  });
}

loans::Loan BenchLoan(int n, absl::Time now) {
  loans::Loan l;
  l.id = Id("LN", n);
  l.application_id = Id("AP", n);
  l.place = loans::LendingPlace{Id("BR", n), Id("PR", 1), Id("VL", n % 100), Id("TW", n % 20), kCounty, Id("BK", 1)};
  l.bank_reference = absl::StrCat("BENCH-", n);
  l.principal_fen = l.outstanding_principal_fen = 5'000'000;
  l.rate_bp = 435;
  // Paid out over the year before.
  l.disbursement_date = absl::CivilDay(2025, 9, 1) + (n % 360);
  l.term_months = 12;
  l.maturity_date = loans::AddMonths(l.disbursement_date, 12);
  l.create_time = l.update_time = now;
  return l;
}

// Seconds to close `through` (already closed the day before).
absl::StatusOr<double> Close(loans::CloseOfBusinessJob& job, absl::CivilDay through, int64_t* loans) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<loans::CobRun> run = job.RunThrough(kCounty, through);
  if (!run.ok()) return run.status();
  *loans = run->loans_processed;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

absl::StatusOr<double> BenchOne(const db::DbConfig& server, int count, int batch_size) {
  const std::string name = absl::StrCat("huinong_cob_bench_", count);
  db::DbConfig admin = server;
  admin.database = "mysql";
  admin.pool_size = 1;
  {
    auto pool = db::DbPool::Create(admin, nullptr);
    RETURN_IF_ERROR(Exec(*pool, absl::StrCat("DROP DATABASE IF EXISTS `", name, "`")));
    RETURN_IF_ERROR(Exec(*pool, absl::StrCat("CREATE DATABASE `", name,
                                             "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")));
  }
  db::DbConfig config = server;
  config.database = name;
  config.pool_size = 4;
  config.statement_timeout = absl::Minutes(5);
  auto pool = db::DbPool::Create(config, nullptr);
  {
    ASSIGN_OR_RETURN(std::unique_ptr<sql::Connection> conn, pool->Connect());
    RETURN_IF_ERROR(db::ApplyMigrations(*conn, {db::RuntimeMigrations(), loans::Migrations()}).status());
  }
  std::shared_ptr<BusinessClock> clock = BusinessClock::Settable(
      absl::FromCivil(absl::CivilSecond(2026, 9, 2, 2, 0, 0), absl::FixedTimeZone(8 * 3600)), kDefaultCountyTimeZone);
  loans::CountyPolicy policy;
  policy.id = Id("PO", 1);
  policy.county_id = kCounty;
  policy.effective_from = absl::CivilDay(2025, 1, 1);
  policy.create_time = policy.update_time = clock->Now();
  RETURN_IF_ERROR(pool->Transact([&](sql::Connection& conn) { return loans::store::InsertPolicy(conn, policy); }));
  std::fprintf(stderr, "cob_bench: inserting %d loans\n", count);
  for (int from = 0; from < count; from += 1000) {
    const absl::Status inserted = pool->Transact([&](sql::Connection& conn) -> absl::Status {
      for (int n = from; n < std::min(count, from + 1000); ++n) {
        RETURN_IF_ERROR(loans::store::InsertLoan(conn, BenchLoan(n, clock->Now())));
      }
      return absl::OkStatus();
    });
    RETURN_IF_ERROR(inserted);
  }
  loans::CloseOfBusinessJob job(*pool, clock, loans::CobSettings{batch_size, absl::Minutes(5), "cob-bench"},
                                loans::CobAuditRecorders(), nullptr);
  int64_t warm_loans = 0, loans = 0;
  ASSIGN_OR_RETURN(const double warm, Close(job, absl::CivilDay(2026, 8, 31), &warm_loans));
  ASSIGN_OR_RETURN(const double seconds, Close(job, absl::CivilDay(2026, 9, 1), &loans));
  std::printf("%8d loans  first close %7.2f s (%8.0f loans/s)  a day %7.2f s (%8.0f loans/s, %.1f us/loan)\n",
              count, warm, static_cast<double>(warm_loans) / warm, seconds, static_cast<double>(loans) / seconds,
              seconds * 1e6 / static_cast<double>(loans));
  std::fflush(stdout);
  {
    auto drop = db::DbPool::Create(admin, nullptr);
    RETURN_IF_ERROR(Exec(*drop, absl::StrCat("DROP DATABASE IF EXISTS `", name, "`")));
  }
  return seconds / static_cast<double>(loans);
}

}  // namespace
}  // namespace huinong::bench

int main(int argc, char** argv) {
  using namespace huinong;
  auto config = Config::FromProcess(argc, argv);
  if (!config.ok()) return 2;
  absl::StatusOr<bench::RawDbOptions> admin = bench::AdminServer(*config);
  if (!admin.ok()) {
    std::fprintf(stderr, "cob_bench: %s\n", std::string(admin.status().message()).c_str());
    return 2;
  }
  const db::DbConfig server = bench::PoolConfig(*admin, 1, "mysql");
  const int batch = static_cast<int>(config->Int("batch_size", 500).value_or(500));
  std::vector<double> costs;
  for (const absl::string_view word : absl::StrSplit(config->String("loans", "10000,200000"), ',')) {
    int count = 0;
    if (!absl::SimpleAtoi(word, &count) || count <= 0) return 2;
    absl::StatusOr<double> cost = bench::BenchOne(server, count, batch);
    if (!cost.ok()) {
      std::fprintf(stderr, "cob_bench: %s\n", std::string(cost.status().message()).c_str());
      return 1;
    }
    costs.push_back(*cost);
  }
  if (costs.size() > 1) {
    std::printf("cost per loan, largest / smallest: %.2f (target <= 1.5)\n", costs.back() / costs.front());
  }
  return 0;
}
