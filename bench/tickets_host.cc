// See tickets_host.h.
#include "bench/tickets_host.h"

#include <cppconn/connection.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/status_macros.h"
#include "common/db/migrations.h"
#include "svc-tickets/src/api/tickets_services.h"
#include "svc-tickets/src/store/migrations.h"

namespace huinong::bench {
namespace {

static_assert(sizeof(kBenchCounty) == 27 && sizeof(kBenchTownship) == 27 && sizeof(kBenchVillage) == 27);

// The bench's own signing secret: its tokens are good for its own host only.
constexpr char kSecret[] = "tickets-bench-secret-0123456789-abcdefghijklmn";
constexpr char kIssuer[] = "huinong-tickets-bench";
constexpr char kAudience[] = "huinong";

absl::Status Exec(const RawDbOptions& server, const std::string& sql) {
  auto pool = db::DbPool::Create(PoolConfig(server, 1, "mysql"), nullptr);  // any schema the admin can enter
  return pool->Read([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(sql);
    return absl::OkStatus();
  });
}

std::string UnitOf(const std::string& staff) {
  if (staff == "clerk") return kBenchVillage;
  if (staff == "countylead") return kBenchCounty;
  return kBenchTownship;
}

}  // namespace

absl::Status RecreateDatabase(const RawDbOptions& server, const std::string& name) {
  RETURN_IF_ERROR(DropDatabase(server, name));
  return Exec(server, absl::StrCat("CREATE DATABASE `", name, "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
}

absl::Status DropDatabase(const RawDbOptions& server, const std::string& name) {
  return Exec(server, absl::StrCat("DROP DATABASE IF EXISTS `", name, "`"));
}

// Every question to svc-org counted, then answered by the table.
class TicketsHost::CountingOrgView final : public org_directory::OrgView {
 public:
  explicit CountingOrgView(std::shared_ptr<org_directory::TableOrgView> table) : table_(std::move(table)) {}

  absl::StatusOr<bool> Holds(const std::string& staff_id, const std::string& capability, const std::string& unit_id,
                             absl::CivilDay day) override {
    holds_.fetch_add(1, std::memory_order_relaxed);
    return table_->Holds(staff_id, capability, unit_id, day);
  }
  absl::StatusOr<org_directory::UnitLineage> Lineage(const std::string& unit_id) override {
    lineage_.fetch_add(1, std::memory_order_relaxed);
    return table_->Lineage(unit_id);
  }
  absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> CalendarFor(const std::string& unit_id,
                                                                            absl::CivilDay day) override {
    calendar_.fetch_add(1, std::memory_order_relaxed);
    return table_->CalendarFor(unit_id, day);
  }
  absl::StatusOr<std::string> StaffDisplayName(const std::string& staff_id) override {
    other_.fetch_add(1, std::memory_order_relaxed);
    return table_->StaffDisplayName(staff_id);
  }
  absl::StatusOr<std::vector<std::string>> CapabilityHolders(const std::string& capability,
                                                             const std::string& unit_id, absl::CivilDay day) override {
    other_.fetch_add(1, std::memory_order_relaxed);
    return table_->CapabilityHolders(capability, unit_id, day);
  }

  OrgCalls calls() const {
    return OrgCalls{holds_.load(), lineage_.load(), calendar_.load(), other_.load()};
  }

 private:
  std::shared_ptr<org_directory::TableOrgView> table_;
  std::atomic<int64_t> holds_{0}, lineage_{0}, calendar_{0}, other_{0};
};

absl::StatusOr<std::unique_ptr<TicketsHost>> TicketsHost::Start(const RawDbOptions& db, int pool_size) {
  std::unique_ptr<TicketsHost> h(new TicketsHost());
  db::DbConfig config = PoolConfig(db, pool_size);
  config.statement_timeout = absl::Minutes(10);  // the bulk seeding runs through this pool too
  h->pool_ = db::DbPool::Create(config, nullptr);
  {
    ASSIGN_OR_RETURN(std::unique_ptr<sql::Connection> conn, h->pool_->Connect());
    RETURN_IF_ERROR(db::ApplyMigrations(*conn, {db::RuntimeMigrations(), tickets::Migrations()}).status());
  }
  // Monday 2026-12-07 09:00 in Asia/Shanghai: a working morning.
  h->clock_ = BusinessClock::Settable(absl::FromCivil(absl::CivilSecond(2026, 12, 7, 1, 0, 0), absl::UTCTimeZone()),
                                      "Asia/Shanghai");
  auto table = std::make_shared<org_directory::TableOrgView>();
  using type::v1::LEVEL_COUNTY, type::v1::LEVEL_TOWNSHIP, type::v1::LEVEL_VILLAGE;
  table->AddUnit(kBenchCounty, LEVEL_COUNTY);
  table->AddUnit(kBenchTownship, LEVEL_TOWNSHIP, kBenchCounty);
  table->AddUnit(kBenchVillage, LEVEL_VILLAGE, kBenchTownship);
  table->Grant("clerk", "tickets.agent", kBenchVillage);
  table->Grant("lead", "tickets.supervisor", kBenchTownship);
  table->Grant("lead", "tickets.agent", kBenchTownship);
  table->Grant("head", "tickets.manager", kBenchTownship);
  table->Grant("countylead", "tickets.supervisor", kBenchCounty);
  h->org_ = std::make_shared<CountingOrgView>(std::move(table));

  auth::VerifierConfig vc;
  vc.issuer = kIssuer;
  vc.audience = kAudience;
  vc.hs256_secret = kSecret;
  ASSIGN_OR_RETURN(std::unique_ptr<auth::TokenVerifier> verifier, auth::TokenVerifier::Create(vc));
  h->gate_ = std::make_unique<server::CallGate>(std::shared_ptr<const auth::TokenVerifier>(std::move(verifier)));

  h->kit_ = std::make_shared<tickets::TicketsKit>(*h->pool_, *h->gate_, h->clock_, h->org_, h->registry_);
  h->services_ = tickets::TicketsServices(h->kit_);
  h->host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, h->registry_, *h->gate_);
  for (auto& s : h->services_) h->host_->AddService(s.service.get(), s.health_name);
  RETURN_IF_ERROR(h->host_->Start());
  return h;
}

TicketsHost::~TicketsHost() {
  if (!host_) return;
  host_->RequestStop();
  host_->WaitForStop();
}

std::string TicketsHost::address() const { return absl::StrCat("127.0.0.1:", host_->port()); }

absl::StatusOr<std::string> TicketsHost::BearerFor(const std::string& staff) const {
  auth::Claims claims;
  claims.subject = absl::StrCat("staff/", staff);
  claims.unit = absl::StrCat("units/", UnitOf(staff));
  claims.issuer = kIssuer;
  claims.audience = kAudience;
  ASSIGN_OR_RETURN(const std::string token, auth::MintHs256(claims, kSecret, absl::Now()));
  return absl::StrCat("Bearer ", token);
}

OrgCalls TicketsHost::org_calls() const { return org_->calls(); }

}  // namespace huinong::bench
