// SQL for quotas (tables quotas, quota_versions); reads on a day pick the
// version in force, like post_store.h (DayRead).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/store/post_store.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

absl::StatusOr<std::optional<Quota>> GetQuotaOn(sql::Connection& conn, const std::string& id,
                                                DayRead read);
absl::StatusOr<std::optional<Quota>> GetLatestQuota(sql::Connection& conn, const std::string& id,
                                                    bool for_update = false);

absl::Status InsertQuota(sql::Connection& conn, const Quota& quota);
// As SaveTerms for posts: replaces or follows the latest version.
absl::Status SaveQuotaTerms(sql::Connection& conn, const Quota& quota, const Quota& latest);
// The quota row: last day, version, update_time.
absl::Status UpdateQuotaRow(sql::Connection& conn, const Quota& quota);

// Another quota of the same unit total (post_id "") or post whose days meet
// [from, to]; its id, or "" when none.
absl::StatusOr<std::string> OverlappingQuota(sql::Connection& conn, const std::string& unit_id,
                                             const std::string& post_id, absl::CivilDay from,
                                             const std::optional<absl::CivilDay>& to,
                                             const std::string& exclude_id);

// The quotas of a unit (its total and its posts') in force on the day.
absl::StatusOr<std::vector<Quota>> QuotasOfUnitOn(sql::Connection& conn, const std::string& unit_id,
                                                  absl::CivilDay day);
// The quota of one post in force on the day.
absl::StatusOr<std::optional<Quota>> QuotaOfPostOn(sql::Connection& conn, const std::string& post_id,
                                                   absl::CivilDay day);

struct QuotaQuery {
  DayRead read;
  std::string unit_id;
  std::string subtree_path;
  std::string post_id;
  std::optional<QuotaKind> kind;
  std::string visible_path;  // data scope: units in this subtree or above it
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Quota>> ListQuotas(sql::Connection& conn, const QuotaQuery& query);

}  // namespace huinong::org::store
