// outbox::Record against a real MariaDB: the event commits and rolls back
// with the transaction it is written in, round-trips byte for byte, and an
// event that could never be appended is refused before it is written.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/sql_time.h"
#include "common/outbox/outbox.h"
#include "common/outbox/tests/outbox_db.h"
#include "common/rpc/proto_time.h"

namespace huinong::outbox::testing {
namespace {

class RecordTest : public OutboxDb {};

TEST_F(RecordTest, ATransactionThatFailsLeavesNoEvent) {
  auto event = NewEvent(1);
  absl::Status s = pool_->Transact([&](sql::Connection& conn) -> absl::Status {
    absl::Status recorded = Record(conn, event);
    if (!recorded.ok()) return recorded;
    // The change after the event fails (e.g. a business rule): all of it rolls back.
    return absl::FailedPreconditionError("TOWNSHIP_SUSPENDED");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Rows(), 0);
}

TEST_F(RecordTest, ACommittedTransactionLeavesExactlyOneUnsentEvent) {
  auto event = NewEvent(2);
  RecordCommitted(event);
  EXPECT_EQ(Rows(), 1);
  EXPECT_EQ(Unsent(), 1);
  auto conn = db_->Admin();
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  std::unique_ptr<sql::ResultSet> rs(
      st->executeQuery("SELECT event_id, event_time, payload FROM outbox"));
  ASSERT_TRUE(rs->next());
  EXPECT_EQ(rs->getString(1), event.event_id());
  EXPECT_EQ(db::ParseSqlDateTime(std::string(rs->getString(2))), rpc::FromTimestamp(event.time()))
      << "event_time keeps the microseconds";
  huinong::audit::v1::Event stored;
  ASSERT_TRUE(stored.ParseFromString(rs->getString(3)));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, event))
      << stored.DebugString();
}

TEST_F(RecordTest, ABigEventRoundTripsWhole) {
  auto event = NewEvent(3);
  event.set_before_json("{\"functions\":\"" + std::string(60000, 'a') + "\"}");
  event.set_after_json("{\"functions\":\"" + std::string(60000, 'b') + "\"}");
  RecordCommitted(event);
  std::string payload = db_->Scalar("SELECT payload FROM outbox");
  huinong::audit::v1::Event stored;
  ASSERT_TRUE(stored.ParseFromString(payload));
  EXPECT_EQ(stored.after_json(), event.after_json());
}

TEST_F(RecordTest, AnUnappendableEventIsRefusedAndNothingIsWritten) {
  auto event = NewEvent(4);
  event.set_action("org CreateUnit");  // a space: svc-audit would refuse it forever
  absl::Status s = pool_->Transact([&](sql::Connection& conn) { return Record(conn, event); });
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Rows(), 0);
}

TEST_F(RecordTest, TheSameEventTwiceIsRefused) {
  auto event = NewEvent(5);
  RecordCommitted(event);
  absl::Status s = pool_->Transact([&](sql::Connection& conn) { return Record(conn, event); });
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Rows(), 1);
}

TEST_F(RecordTest, MigrationCreatesTheLeaseRowOnce) {
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox_lease"), "1");
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  auto again = db::ApplyMigrations(**conn, {db::RuntimeMigrations()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->applied, 0);
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox_lease"), "1");
}

}  // namespace
}  // namespace huinong::outbox::testing
