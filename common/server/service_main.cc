#include "common/server/service_main.h"

#include <atomic>

#include <cppconn/connection.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "common/metrics/process_metrics.h"
#include "common/outbox/relay.h"
#include "common/outbox/service_token.h"
#include "common/server/service_host.h"

namespace huinong::server {
namespace {

const std::vector<std::string>& CommonKeys() {
  static const std::vector<std::string> keys = {
      "listen", "metrics_listen", "log_level", "db_host", "db_port", "db_name", "db_user",
      "db_password_file", "db_pool_size", "db_statement_timeout", "db_wait",
      "jwt_hs256_secret_file", "jwt_public_key_file", "jwt_issuer", "jwt_audience",
      "drain_timeout", "shutdown_grace", "migrate_only", "interceptors", "audit_addr", "service_token_file",
      "county_time_zone"};
  return keys;
}

absl::StatusOr<db::DbConfig> DbConfigFrom(const Config& config, const ServiceSpec& spec) {
  db::DbConfig db;
  db.host = config.String("db_host", "127.0.0.1");
  ASSIGN_OR_RETURN(int64_t port, config.Int("db_port", 3306));
  db.port = static_cast<int>(port);
  db.database = config.String("db_name", spec.default_db_name);
  db.user = config.String("db_user", spec.default_db_user);
  const std::string pw_file = config.String("db_password_file");
  if (!pw_file.empty()) {
    ASSIGN_OR_RETURN(db.password, ReadSecretFile(pw_file));
  }
  ASSIGN_OR_RETURN(int64_t pool_size, config.Int("db_pool_size", 8));
  db.pool_size = static_cast<int>(pool_size);
  ASSIGN_OR_RETURN(db.statement_timeout, config.Duration("db_statement_timeout", absl::Seconds(10)));
  return db;
}

// Waits for the database (it may start after us), then migrates under the
// lock. Gives up at `give_up`, or when `stop()` says a stop was requested.
absl::Status Migrate(db::DbPool& pool, const ServiceSpec& spec, absl::Time give_up,
                     const std::function<bool()>& stop) {
  absl::StatusOr<std::unique_ptr<sql::Connection>> conn = pool.Connect();
  absl::Time next_log = absl::Now() + absl::Seconds(10);
  while (!conn.ok()) {
    if (stop()) return absl::CancelledError("stopped while waiting for the database");
    if (absl::Now() >= give_up) return absl::UnavailableError("database not reachable; giving up");
    if (absl::Now() >= next_log) {
      log::Warn("still waiting for the database", {{"db", pool.config().database}});
      next_log = absl::Now() + absl::Seconds(10);
    }
    absl::SleepFor(absl::Seconds(1));
    conn = pool.Connect();
  }
  std::vector<db::MigrationSet> sets = {db::RuntimeMigrations()};
  sets.insert(sets.end(), spec.migrations.begin(), spec.migrations.end());
  ASSIGN_OR_RETURN(db::MigrationReport report, db::ApplyMigrations(**conn, sets));
  log::Info("migrations checked", {{"applied", report.applied}, {"already_applied", report.already}});
  return absl::OkStatus();
}

// The outbox relay to svc-audit, or null when this service relays nothing.
absl::StatusOr<std::unique_ptr<outbox::OutboxRelay>> RelayFrom(const Config& config,
                                                               const ServiceSpec& spec,
                                                               db::DbPool& pool,
                                                               metrics::Registry& registry) {
  if (!spec.relay_outbox) return nullptr;
  outbox::RelayOptions options;
  options.audit_address = config.String("audit_addr");
  if (options.audit_address.empty()) {
    log::Warn("audit_addr is not set: audit events wait in the outbox until it is");
    return nullptr;
  }
  RETURN_IF_ERROR(SplitHostPort(options.audit_address, "audit_addr").status());
  // The token's subject is the service name, which is also every event's `service`.
  ASSIGN_OR_RETURN(outbox::TokenSource token, outbox::ServiceTokenSource(config, spec.name));
  return std::make_unique<outbox::OutboxRelay>(pool, std::move(options), std::move(token), &registry);
}

absl::Status Run(int argc, char** argv, const ServiceSpec& spec) {
  ASSIGN_OR_RETURN(Config config, Config::FromProcess(argc, argv));
  std::vector<std::string> known = CommonKeys();
  known.insert(known.end(), spec.extra_flags.begin(), spec.extra_flags.end());
  RETURN_IF_ERROR(config.CheckKnown(known));
  ASSIGN_OR_RETURN(log::Level level, log::ParseLevel(config.String("log_level", "info")));
  log::Init(spec.name, level);

  ASSIGN_OR_RETURN(db::DbConfig db_config, DbConfigFrom(config, spec));
  metrics::Registry registry;
  metrics::AddProcessMetrics(registry);
  auto pool = db::DbPool::Create(db_config, &registry);
  ASSIGN_OR_RETURN(absl::Duration db_wait, config.Duration("db_wait", absl::Seconds(60)));
  ASSIGN_OR_RETURN(bool migrate_only, config.Bool("migrate_only", false));
  if (migrate_only) {
    // A migration Job fails after db_wait, so the orchestrator sees it.
    return Migrate(*pool, spec, absl::Now() + db_wait, [] { return StopSignalled(); });
  }

  ASSIGN_OR_RETURN(auto verifier, VerifierFromConfig(config));
  CallGate gate(verifier);
  ASSIGN_OR_RETURN(std::unique_ptr<outbox::OutboxRelay> relay,
                   RelayFrom(config, spec, *pool, registry));
  std::vector<std::function<void()>> build_stop_hooks;
  std::vector<std::function<absl::Status()>> start_hooks;
  // clock_offset (default 0) runs the business clock ahead of the wall clock
  // for a demonstration or acceptance run; never set in production, so it is
  // logged and exported for anyone to see.
  ASSIGN_OR_RETURN(absl::Duration clock_offset, config.Duration("clock_offset", absl::ZeroDuration()));
  ASSIGN_OR_RETURN(std::shared_ptr<BusinessClock> clock,
                   BusinessClock::System(config.String("county_time_zone", std::string(kDefaultCountyTimeZone)),
                                         clock_offset));
  registry.AddGauge("huinong_clock_offset_seconds",
                    "How far the business clock runs ahead of the wall clock (clock_offset); 0 in production.")
      .WithLabels({})
      .Set(absl::ToDoubleSeconds(clock_offset));
  if (clock_offset != absl::ZeroDuration()) {
    log::Warn("the business clock runs off the wall clock (clock_offset): for demonstrations and tests only",
              {{"clock_offset", absl::FormatDuration(clock_offset)}});
  }
  ServiceContext context{config, *pool, registry, gate, relay.get(),
                         [&](std::function<void()> hook) { build_stop_hooks.push_back(std::move(hook)); },
                         [&](std::function<absl::Status()> hook) { start_hooks.push_back(std::move(hook)); },
                         clock};
  ASSIGN_OR_RETURN(std::vector<HostedService> services, spec.build(context));

  HostOptions options;
  options.listen = config.String("listen", spec.default_listen);
  options.metrics_listen = config.String("metrics_listen", spec.default_metrics);
  ASSIGN_OR_RETURN(options.interceptors, config.Bool("interceptors", true));
  ASSIGN_OR_RETURN(options.drain_timeout, config.Duration("drain_timeout", absl::Seconds(15)));
  ASSIGN_OR_RETURN(options.shutdown_grace, config.Duration("shutdown_grace", absl::ZeroDuration()));
  ServiceHost host(options, registry, gate);
  for (auto& s : services) host.AddService(s.service.get(), s.health_name);
  // Serving health (NOT_SERVING) from the start, and SERVING only once the
  // schema is migrated and the database answers.
  std::atomic<bool> migrated{false};
  host.SetReadiness([&pool, &migrated] {
    if (!migrated.load()) return absl::UnavailableError("migrations not applied yet");
    return pool->Ping();
  });
  // Stop hooks run after in-flight calls have drained, so the last events
  // are in the outbox before the relay flushes it.
  for (auto& hook : build_stop_hooks) host.OnStop(std::move(hook));
  if (relay) host.OnStop([&relay] { relay->Stop(absl::Seconds(10)); });
  RETURN_IF_ERROR(host.Start());
  // A running service waits for its database as long as it takes (it reports
  // NOT_SERVING meanwhile); SIGTERM still stops it at once.
  absl::Status migration = Migrate(*pool, spec, absl::InfiniteFuture(), [] { return StopSignalled(); });
  if (!migration.ok()) {
    host.RequestStop();
    host.WaitForStop();
    return absl::IsCancelled(migration) ? absl::OkStatus() : migration;
  }
  for (auto& hook : start_hooks) {
    absl::Status started = hook();
    if (!started.ok()) {
      host.RequestStop();
      host.WaitForStop();
      return started;
    }
  }
  migrated = true;
  if (relay) relay->Start();
  log::Info("started", {{"listen", options.listen},
                        {"port", host.port()},
                        {"metrics_listen", options.metrics_listen},
                        {"db", db_config.database},
                        {"county_time_zone", clock->zone_name()},
                        {"audit_addr", relay ? config.String("audit_addr") : std::string()}});
  host.WaitForStop();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::shared_ptr<const auth::TokenVerifier>> VerifierFromConfig(const Config& config) {
  auth::VerifierConfig vc;
  vc.issuer = config.String("jwt_issuer", "huinong-local");
  vc.audience = config.String("jwt_audience", "huinong");
  const std::string secret_file = config.String("jwt_hs256_secret_file");
  const std::string key_file = config.String("jwt_public_key_file");
  if (secret_file.empty() == key_file.empty()) {
    return absl::InvalidArgumentError(
        "set exactly one of jwt_hs256_secret_file (development) and jwt_public_key_file");
  }
  if (!secret_file.empty()) {
    ASSIGN_OR_RETURN(vc.hs256_secret, ReadSecretFile(secret_file));
  } else {
    ASSIGN_OR_RETURN(vc.public_key_pem, ReadSecretFile(key_file));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<auth::TokenVerifier> verifier,
                   auth::TokenVerifier::Create(std::move(vc)));
  return std::shared_ptr<const auth::TokenVerifier>(std::move(verifier));
}

ServiceSpec StandardSpec(const std::string& short_name, int index) {
  ServiceSpec spec;
  spec.name = absl::StrCat("svc-", short_name);
  spec.default_listen = absl::StrCat("127.0.0.1:", 50050 + index);
  spec.default_metrics = absl::StrCat("127.0.0.1:", 9100 + index);
  spec.default_db_name = absl::StrCat("huinong_", short_name);
  spec.default_db_user = spec.default_db_name;
  return spec;
}

void DisableMutexDeadlockDetection() {
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

int RunService(int argc, char** argv, const ServiceSpec& spec) {
  DisableMutexDeadlockDetection();
  InstallStopSignals();
  log::Init(spec.name, log::Level::kInfo);
  absl::Status status = Run(argc, argv, spec);
  if (!status.ok()) {
    log::Error("exiting", {{"error", std::string(status.message())},
                           {"code", absl::StatusCodeToString(status.code())}});
    return 1;
  }
  return 0;
}

}  // namespace huinong::server
