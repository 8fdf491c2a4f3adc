// svc-tickets hosted inside the bench process, for the tickets benches
// (issue 12 "Speed"): its real handlers behind the real server bootstrap
// (interceptors, token check, access log) on a free local port, over a
// database of the bench's choosing with the service's migrations; svc-org
// answered from a table (org_directory::TableOrgView — in process, so an
// org lookup costs a map lookup, not a gRPC call) and counted; a business
// clock the bench sets (Monday 2026-12-07 09:00 in Asia/Shanghai at start).
//
// The people (staff id: capability @ unit; units county › township ›
// village, ids of a real id's width):
//   clerk: tickets.agent @ village      lead: tickets.supervisor, tickets.agent @ township
//   head: tickets.manager @ township    countylead: tickets.supervisor @ county
//
// Guarantees: Start applies the migrations to `db.database` (which must
// exist) and touches no other database; the host stops when destroyed.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/raw_insert.h"
#include "common/core/business_clock.h"
#include "common/metrics/registry.h"
#include "common/org_directory/testing/table_org_view.h"
#include "common/server/call_gate.h"
#include "common/server/service_host.h"
#include "common/server/service_main.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::bench {

// Units of the host's table, 26 characters wide like the services' ULIDs.
inline constexpr char kBenchCounty[] = "01TBENCHC0UNTY000000000000";
inline constexpr char kBenchTownship[] = "01TBENCHT0WNSH1P0000000000";
inline constexpr char kBenchVillage[] = "01TBENCHV1LLAGE00000000000";

// The org lookups of a run, by question (svc-org's calls, had it been remote).
struct OrgCalls {
  int64_t holds = 0;
  int64_t lineage = 0;
  int64_t calendar = 0;
  int64_t other = 0;  // display names, capability holders
  int64_t total() const { return holds + lineage + calendar + other; }
};

// Drops and creates `name` on the server of `server` (its database unused).
absl::Status RecreateDatabase(const RawDbOptions& server, const std::string& name);
absl::Status DropDatabase(const RawDbOptions& server, const std::string& name);

class TicketsHost {
 public:
  // `pool_size`: the service's database connections (svc-tickets' default is 8).
  static absl::StatusOr<std::unique_ptr<TicketsHost>> Start(const RawDbOptions& db, int pool_size);
  ~TicketsHost();
  TicketsHost(const TicketsHost&) = delete;
  TicketsHost& operator=(const TicketsHost&) = delete;

  std::string address() const;  // 127.0.0.1:port
  // "Bearer …" for one of the people above, acting for their unit.
  absl::StatusOr<std::string> BearerFor(const std::string& staff) const;
  db::DbPool& pool() { return *pool_; }
  BusinessClock& clock() { return *clock_; }
  tickets::SlaScanner& scanner() { return *kit_->scanner; }
  OrgCalls org_calls() const;

 private:
  class CountingOrgView;
  TicketsHost() = default;

  std::unique_ptr<db::DbPool> pool_;
  std::shared_ptr<BusinessClock> clock_;
  std::shared_ptr<CountingOrgView> org_;
  std::unique_ptr<server::CallGate> gate_;
  metrics::Registry registry_;
  std::shared_ptr<tickets::TicketsKit> kit_;
  std::vector<server::HostedService> services_;
  std::unique_ptr<server::ServiceHost> host_;
};

}  // namespace huinong::bench
