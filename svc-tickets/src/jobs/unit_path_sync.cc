// See unit_path_sync.h.
#include "svc-tickets/src/jobs/unit_path_sync.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "svc-tickets/src/app/ticket_access.h"
#include "svc-tickets/src/store/unit_path_store.h"

namespace huinong::tickets {
namespace {

// The unit a stored path ends in ("root/…/unit/").
std::string LastUnit(const std::string& path) {
  const std::vector<std::string> chain = absl::StrSplit(path, '/', absl::SkipEmpty());
  return chain.empty() ? std::string() : chain.back();
}

}  // namespace

UnitPathSync::UnitPathSync(db::DbPool& pool, std::shared_ptr<org_directory::OrgView> org, TicketsMetrics* metrics)
    : pool_(pool), org_(std::move(org)), metrics_(metrics) {}

absl::StatusOr<PathSyncPass> UnitPathSync::RunOnce() {
  PathSyncPass pass;
  std::vector<std::string> paths;
  RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(paths, store::StoredUnitPaths(conn));
    return absl::OkStatus();
  }));
  pass.paths = static_cast<int>(paths.size());
  for (const std::string& stored : paths) {
    const absl::StatusOr<std::string> live = UnitPath(*org_, LastUnit(stored));
    if (!live.ok()) {
      ++pass.unresolved;
      continue;
    }
    if (*live == stored) continue;
    int64_t rows = 0;
    RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::RewriteUnitPath(conn, stored, *live));
      return absl::OkStatus();
    }));
    pass.rows += rows;
    ++pass.rewritten;
    if (metrics_ != nullptr) metrics_->ObservePathRewrites(rows);
    log::Info("unit path rewritten after a move in svc-org", {{"from", stored}, {"to", *live}});
  }
  return pass;
}

void UnitPathSync::Start(absl::Duration interval) {
  rhythm_.Start(interval, [this] {
    const absl::StatusOr<PathSyncPass> pass = RunOnce();
    if (!pass.ok()) log::Warn("unit path sync failed", {{"error", std::string(pass.status().message())}});
  });
}

void UnitPathSync::Stop() { rhythm_.Stop(); }

}  // namespace huinong::tickets
