// How an item's failure is reported when a change request is applied: a
// broken rule is CHANGE_CONFLICT naming the item, but a deadlock or lock-wait
// passes unchanged so the pool runs the whole approval again (it used to be
// reported as a conflict, and approvals that deadlocked failed).
#include <cppconn/exception.h>
#include <gtest/gtest.h>

#include "common/db/pool.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/change_items.h"

namespace huinong::org {
namespace {

TEST(ItemConflict, ABrokenRuleIsAConflictNamingTheItem) {
  absl::Status s = ItemConflict(2, ChangeKind::kMoveUnit,
                                rpc::FailedPrecondition("CYCLE", "a unit cannot be moved into its own subtree"));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(s), "CHANGE_CONFLICT");
  EXPECT_EQ(s.message(), "items[2] (CHANGE_KIND_MOVE_UNIT): a unit cannot be moved into its own subtree");
}

TEST(ItemConflict, AStaleEtagInsideAnItemIsAConflictToo) {
  absl::Status s = ItemConflict(0, ChangeKind::kUpdateUnit, rpc::Aborted("STALE_ETAG", "changed"));
  EXPECT_EQ(rpc::ReasonOf(s), "CHANGE_CONFLICT");
}

TEST(ItemConflict, ADeadlockPassesUnchangedSoThePoolRetriesTheApproval) {
  // The status the pool makes of MariaDB's 1213 (deadlock) and 1205 (lock wait).
  sql::SQLException deadlock("Deadlock found when trying to get lock", "40001", db::kErrDeadlock);
  absl::Status retryable = db::StatusFromSqlError(deadlock);
  ASSERT_TRUE(db::IsRetryable(retryable));
  absl::Status s = ItemConflict(1, ChangeKind::kCreatePost, retryable);
  EXPECT_TRUE(db::IsRetryable(s));
  EXPECT_EQ(s, retryable);
}

TEST(ItemConflict, AnInternalErrorPassesUnchanged) {
  absl::Status s = ItemConflict(0, ChangeKind::kCreateUnit, absl::InternalError("disk full"));
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(rpc::ReasonOf(s), "");
}

}  // namespace
}  // namespace huinong::org
