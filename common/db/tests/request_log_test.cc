// Idempotent mutations against a real MariaDB: the same request id changes
// things once, concurrent duplicates included; reuse for another request is
// refused; a failed change leaves the id free.
#include <atomic>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/request_log.h"
#include "common/db/tests/test_database.h"
#include "common/rpc/errors.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::db {
namespace {

using huinong::type::v1::Money;

class RequestLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create("reqlog");
    ASSERT_NE(db_, nullptr);
    pool_ = DbPool::Create(db_->config(), nullptr);
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(ApplyMigrations(**conn, {RuntimeMigrations()}).ok());
    db_->Exec("CREATE TABLE payments (id INT AUTO_INCREMENT PRIMARY KEY, fen BIGINT) ENGINE=InnoDB");
  }

  // The "change": insert a payment, answer with the amount paid so far.
  absl::StatusOr<Money> Pay(const std::string& request_id, int64_t fen, std::atomic<int>* runs) {
    Money request;
    request.set_fen(fen);
    return RunOnce<Money>(*pool_, KeyFor("Pay", "staff/1", request_id, request),
                          [&](sql::Connection& c) -> absl::StatusOr<Money> {
                            if (runs) ++*runs;
                            std::unique_ptr<sql::Statement> st(c.createStatement());
                            st->execute("INSERT INTO payments (fen) VALUES (" + std::to_string(fen) + ")");
                            Money paid;
                            paid.set_fen(fen);
                            return paid;
                          });
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<DbPool> pool_;
};

TEST_F(RequestLogTest, SameIdTwiceChangesOnceAndReturnsTheFirstResult) {
  std::atomic<int> runs{0};
  auto first = Pay("pay-1", 500, &runs);
  auto again = Pay("pay-1", 500, &runs);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->fen(), 500);
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM payments"), "1");
}

TEST_F(RequestLogTest, ReusingAnIdForAnotherRequestIsRefused) {
  ASSERT_TRUE(Pay("pay-2", 500, nullptr).ok());
  auto other = Pay("pay-2", 999, nullptr);
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(rpc::ReasonOf(other.status()), "REQUEST_ID_REUSED");
  ASSERT_EQ(rpc::FieldViolationsOf(other.status()).size(), 1u);
  EXPECT_EQ(rpc::FieldViolationsOf(other.status())[0].field, "request_id");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM payments"), "1");
}

TEST_F(RequestLogTest, RequestIdsArePerCaller) {
  ASSERT_TRUE(Pay("pay-shared", 500, nullptr).ok());
  Money request;
  request.set_fen(900);
  std::atomic<int> runs{0};
  auto other = RunOnce<Money>(*pool_, KeyFor("Pay", "staff/2", "pay-shared", request),
                              [&](sql::Connection&) -> absl::StatusOr<Money> {
                                ++runs;
                                return request;
                              });
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_EQ(other->fen(), 900);
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM request_log WHERE request_id='pay-shared'"), "2");
}

TEST_F(RequestLogTest, FailedChangeLeavesTheIdFree) {
  Money request;
  request.set_fen(1);
  auto failed = RunOnce<Money>(*pool_, KeyFor("Pay", "staff/1", "pay-3", request),
                               [](sql::Connection&) -> absl::StatusOr<Money> {
                                 return absl::FailedPreconditionError("no");
                               });
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Pay("pay-3", 1, nullptr).ok());
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM request_log WHERE request_id='pay-3'"), "1");
}

TEST_F(RequestLogTest, ConcurrentDuplicatesChangeOnce) {
  std::atomic<int> runs{0};
  constexpr int kClients = 6;
  std::vector<absl::StatusOr<Money>> results(kClients, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] { results[i] = Pay("pay-concurrent", 700, &runs); });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->fen(), 700);
  }
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM payments"), "1");
}

}  // namespace
}  // namespace huinong::db
