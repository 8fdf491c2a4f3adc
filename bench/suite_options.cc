// SuiteOptionsFrom: the suite's addresses and credentials from .run/env
// (HUINONG_*), the run's shape from flags. Kept apart from the orchestration
// so the defaults are easy to find.
#include "absl/strings/str_cat.h"
#include "bench/suite.h"
#include "common/core/status_macros.h"

namespace huinong::bench {

absl::StatusOr<SuiteOptions> SuiteOptionsFrom(const Config& config) {
  SuiteOptions o;
  ASSIGN_OR_RETURN(bool quick, config.Bool("quick", false));
  // --quick: two rounds (forwards, backwards) of 2 s warm-up + 5 s per
  // measurement, about 3.5 minutes in all; the full run: four rounds of 3 s
  // + 10 s, about 15 minutes. Either way a figure pools its rounds.
  ASSIGN_OR_RETURN(o.rounds, config.Int("rounds", quick ? 2 : 4));
  ASSIGN_OR_RETURN(o.loop.warmup, config.Duration("warmup", absl::Seconds(quick ? 2 : 3)));
  ASSIGN_OR_RETURN(o.loop.duration, config.Duration("duration", absl::Seconds(quick ? 5 : 10)));
  ASSIGN_OR_RETURN(int64_t concurrency, config.Int("concurrency", 16));
  ASSIGN_OR_RETURN(int64_t channels, config.Int("channels", 4));
  ASSIGN_OR_RETURN(int64_t senders, config.Int("audit_senders", 2));
  o.loop.concurrency = static_cast<int>(concurrency);
  o.loop.channels = static_cast<int>(channels);
  o.audit_senders = static_cast<int>(senders);
  if (o.rounds < 1 || o.loop.concurrency < 1 || o.loop.channels < 1 || o.audit_senders < 1) {
    return absl::InvalidArgumentError("rounds, concurrency, channels and audit_senders must be at least 1");
  }
  o.run_dir = config.String("run_dir");
  if (o.run_dir.empty()) {
    return absl::FailedPreconditionError("HUINONG_RUN_DIR is not set: start the suite (scripts/up.sh) and source .run/env");
  }
  // Under logs/: scripts/down.sh --purge deletes only what up.sh creates at the top.
  o.work_dir = config.String("work_dir", absl::StrCat(o.run_dir, "/logs/bench"));
  o.gateway = config.String("gateway");
  for (const char* s : {"org", "tickets", "loans", "audit"}) {
    o.service_addr[s] = config.String(absl::StrCat(s, "_addr"));
  }
  o.db.host = config.String("db_host", "127.0.0.1");
  ASSIGN_OR_RETURN(int64_t db_port, config.Int("db_port", 3306));
  o.db.port = static_cast<int>(db_port);
  o.db.user = config.String("db_admin_user");
  const std::string password_file = config.String("db_admin_password_file");
  if (!o.db.user.empty() && !password_file.empty()) {
    ASSIGN_OR_RETURN(o.db.password, ReadSecretFile(password_file));
  }
  o.db.database = config.String("bench_db_name", "huinong_bench");
  return o;
}

}  // namespace huinong::bench
