// The mutating-call skeleton against a real MariaDB: a deadlock inside a
// change runs the whole change again (and both changes land, each with its
// audit event once); events carry the method named once; after-commit hooks
// run only after a commit; validate_only changes and claims nothing; a retry
// with the same request id replays without running the change.
#include "common/server/handler_kit.h"

#include <atomic>
#include <latch>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/tests/test_database.h"
#include "common/server/tests/test_callers.h"
#include "huinong/audit/v1/audit.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::server {
namespace {

using huinong::type::v1::Money;

class HandlerKitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::TestDatabase::Create("kit");
    ASSERT_NE(db_, nullptr);
    pool_ = db::DbPool::Create(db_->config(), nullptr);
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(db::ApplyMigrations(**conn, {db::RuntimeMigrations()}).ok());
    db_->Exec("CREATE TABLE accounts (id INT PRIMARY KEY, fen BIGINT NOT NULL) ENGINE=InnoDB");
    db_->Exec("INSERT INTO accounts VALUES (1, 0), (2, 0)");
    clock_ = BusinessClock::Settable(absl::FromUnixSeconds(1'800'000'000), "Asia/Shanghai");
    kit_ = std::make_unique<HandlerKit>(*pool_, callers_.gate(), clock_,
                                        ServiceIdentity{"svc-test", "test"});
    caller_.subject = "staff/1";
    caller_.roles = {"admin"};
  }

  static void Exec(sql::Connection& c, const std::string& sql) {
    std::unique_ptr<sql::Statement> st(c.createStatement());
    st->execute(sql);
  }

  // Adds `fen` to both accounts in the order given, recording one event.
  absl::StatusOr<std::string> Transfer(const std::string& request_id, int first, int second, int64_t fen,
                                       std::latch* both_hold_first, std::atomic<int>& runs,
                                       std::atomic<int>* hooks = nullptr) {
    Money request;
    request.set_fen(fen);
    return kit_->Run(caller_, "Transfer", request, request_id, false,
                     [&](Mutation& m) -> absl::StatusOr<std::string> {
                       const int attempt = ++runs;
                       if (hooks != nullptr) m.AfterCommit([hooks] { ++*hooks; });  // before the deadlock point
                       Exec(m.tx(), absl::StrCat("UPDATE accounts SET fen = fen + ", fen, " WHERE id = ", first));
                       if (both_hold_first != nullptr && attempt <= 2) both_hold_first->arrive_and_wait();
                       Exec(m.tx(), absl::StrCat("UPDATE accounts SET fen = fen + ", fen, " WHERE id = ", second));
                       RETURN_IF_ERROR(m.Record({"account", absl::StrCat("accounts/", first), "", nullptr, &request}));
                       return request.SerializeAsString();
                     });
  }

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  TestCallers callers_;
  std::shared_ptr<BusinessClock> clock_;
  std::unique_ptr<HandlerKit> kit_;
  auth::Principal caller_;
};

TEST_F(HandlerKitTest, ADeadlockRunsTheWholeChangeAgainAndBothChangesLandOnceWithTheirHooks) {
  std::latch both_hold_first(2);
  std::atomic<int> runs{0};
  std::atomic<int> hooks{0};
  absl::StatusOr<std::string> a, b;
  std::thread ta([&] { a = Transfer("t-a", 1, 2, 100, &both_hold_first, runs, &hooks); });
  std::thread tb([&] { b = Transfer("t-b", 2, 1, 10, &both_hold_first, runs, &hooks); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(runs.load(), 3);  // the deadlock victim ran again, whole
  EXPECT_EQ(hooks.load(), 2);  // one per change that landed, none for the attempt rolled back
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "110");
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 2"), "110");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox"), "2");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM request_log"), "2");
}

TEST_F(HandlerKitTest, TheEventNamesTheMethodOnceWithTheCallersRequestIdAndTheClocksTime) {
  std::atomic<int> runs{0};
  ASSERT_TRUE(Transfer("t-1", 1, 2, 5, nullptr, runs).ok());
  std::string payload = db_->Scalar("SELECT payload FROM outbox");
  huinong::audit::v1::Event event;
  ASSERT_TRUE(event.ParseFromString(payload));
  EXPECT_EQ(event.action(), "test.Transfer");
  EXPECT_EQ(event.service(), "svc-test");
  EXPECT_EQ(event.request_id(), "t-1");
  EXPECT_EQ(event.resource_id(), "accounts/1");
  EXPECT_EQ(event.time().seconds(), 1'800'000'000);
}

TEST_F(HandlerKitTest, ARetryWithTheSameRequestIdReplaysWithoutRunningTheChangeOrItsHooks) {
  std::atomic<int> runs{0};
  int hooks = 0;
  Money request;
  request.set_fen(7);
  auto change = [&](Mutation& m) -> absl::StatusOr<std::string> {
    ++runs;
    Exec(m.tx(), "UPDATE accounts SET fen = fen + 7 WHERE id = 1");
    m.AfterCommit([&] { ++hooks; });
    return request.SerializeAsString();
  };
  ASSERT_TRUE(kit_->Run(caller_, "Pay", request, "p-1", false, change).ok());
  ASSERT_TRUE(kit_->Run(caller_, "Pay", request, "p-1", false, change).ok());
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(hooks, 1);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "7");
}

TEST_F(HandlerKitTest, AFailedChangeRollsBackItsEventsAndRunsNoHook) {
  int hooks = 0;
  Money request;
  auto change = [&](Mutation& m) -> absl::StatusOr<std::string> {
    Exec(m.tx(), "UPDATE accounts SET fen = fen + 1 WHERE id = 1");
    RETURN_IF_ERROR(m.Record({"account", "accounts/1", "", nullptr, &request}));
    m.AfterCommit([&] { ++hooks; });
    return absl::FailedPreconditionError("refused after writing");
  };
  absl::StatusOr<std::string> out = kit_->Run(caller_, "Pay", request, "p-2", false, change);
  EXPECT_EQ(out.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(hooks, 0);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "0");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox"), "0");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM request_log"), "0");  // the id stays free
}

TEST_F(HandlerKitTest, ValidateOnlyRunsTheSameCodeAndChangesAndClaimsNothing) {
  int hooks = 0;
  bool saw_validate_only = false;
  Money request;
  request.set_fen(3);
  auto change = [&](Mutation& m) -> absl::StatusOr<std::string> {
    saw_validate_only = m.validate_only();
    Exec(m.tx(), "UPDATE accounts SET fen = fen + 3 WHERE id = 1");
    RETURN_IF_ERROR(m.Record({"account", "accounts/1", "", nullptr, &request}));
    m.AfterCommit([&] { ++hooks; });
    return request.SerializeAsString();
  };
  absl::StatusOr<std::string> out = kit_->Run(caller_, "Pay", request, "v-1", true, change);
  ASSERT_TRUE(out.ok()) << out.status();
  Money answered;
  ASSERT_TRUE(answered.ParseFromString(*out));
  EXPECT_EQ(answered.fen(), 3);
  EXPECT_TRUE(saw_validate_only);
  EXPECT_EQ(hooks, 0);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "0");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox"), "0");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM request_log"), "0");
}

TEST_F(HandlerKitTest, TodayIsTheCountysDayOfTheChangesInstant) {
  clock_->Set(absl::FromCivil(absl::CivilSecond(2026, 12, 1, 23, 30, 0), absl::UTCTimeZone()));
  Money request;
  absl::CivilDay seen;
  ASSERT_TRUE(kit_->Run(caller_, "Pay", request, "d-1", false,
                        [&](Mutation& m) -> absl::StatusOr<std::string> {
                          seen = m.today();
                          return std::string();
                        })
                  .ok());
  EXPECT_EQ(seen, absl::CivilDay(2026, 12, 2));
}

}  // namespace
}  // namespace huinong::server
