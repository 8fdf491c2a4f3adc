// The read-call skeleton (HandlerKit::Read) against a real MariaDB: an
// unauthenticated call never reaches the body; a bad field stops the read
// before it takes a connection and is answered before the body's own
// refusal; a refusal without bad fields comes back unchanged; the read runs
// on a pooled connection and its own error comes back unchanged; a field
// found bad after a first read stops the next one.
#include <atomic>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <grpcpp/server_context.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/db/tests/test_database.h"
#include "common/rpc/status_details.h"
#include "common/server/handler_kit.h"
#include "common/server/tests/test_callers.h"

namespace huinong::server {
namespace {

class ReadKitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::TestDatabase::Create("readkit");
    ASSERT_NE(db_, nullptr);
    db_->Exec("CREATE TABLE units (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL) ENGINE=InnoDB");
    db_->Exec("INSERT INTO units VALUES (7, 'Qingshui township')");
    pool_ = db::DbPool::Create(db_->config(), nullptr);
    // A pool that cannot connect: a call answered through it with anything
    // but its connection error took no connection.
    db::DbConfig dead = db_->config();
    dead.port = 1;
    dead_pool_ = db::DbPool::Create(dead, nullptr);
    auto clock = BusinessClock::Settable(absl::FromUnixSeconds(1'800'000'000), "Asia/Shanghai");
    kit_ = std::make_unique<HandlerKit>(*pool_, callers_.gate(), clock, ServiceIdentity{"svc-test", "test"});
    dead_kit_ = std::make_unique<HandlerKit>(*dead_pool_, callers_.gate(), clock,
                                             ServiceIdentity{"svc-test", "test"});
    caller_.subject = "staff/1";
    caller_.roles = {"hr"};
  }

  // Reads the name of unit `id` into `name`.
  static db::DbPool::Body NameOf(int id, std::string& name, std::atomic<int>& reads) {
    return [id, &name, &reads](sql::Connection& conn) -> absl::Status {
      ++reads;
      std::unique_ptr<sql::Statement> st(conn.createStatement());
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery(absl::StrCat("SELECT name FROM units WHERE id = ", id)));
      if (!rs->next()) return absl::NotFoundError(absl::StrCat("units/", id));
      name = rs->getString(1);
      return absl::OkStatus();
    };
  }

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  std::unique_ptr<db::DbPool> dead_pool_;
  TestCallers callers_;
  std::unique_ptr<HandlerKit> kit_;
  std::unique_ptr<HandlerKit> dead_kit_;
  auth::Principal caller_;
};

TEST_F(ReadKitTest, AnUnauthenticatedCallNeverReachesTheBody) {
  grpc::ServerContext no_token;
  std::atomic<int> bodies{0};
  const grpc::Status s = kit_->Read(no_token, [&](const auth::Principal&, rpc::Violations&, const Reader&) {
    ++bodies;
    return absl::OkStatus();
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(bodies.load(), 0);
}

TEST_F(ReadKitTest, ABadFieldStopsTheReadAndIsAnsweredBeforeTheBodysRefusal) {
  std::atomic<int> reads{0};
  std::string name;
  absl::Status read_answer;
  const absl::Status s = kit_->ReadAs(caller_, [&](const auth::Principal&, rpc::Violations& v, const Reader& reader) {
    v.Add("name", "must be units/{id}");
    v.Add("as_of", "not a date");
    read_answer = reader(NameOf(7, name, reads));
    return absl::PermissionDeniedError("outside the caller's scope");
  });
  EXPECT_EQ(read_answer.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(reads.load(), 0);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  const std::vector<rpc::FieldViolation> fields = rpc::FieldViolationsOf(s);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].field, "name");
  EXPECT_EQ(fields[1].field, "as_of");
}

TEST_F(ReadKitTest, ARefusalWithoutBadFieldsComesBackUnchangedWithoutAConnection) {
  const absl::Status s = dead_kit_->ReadAs(caller_, [&](const auth::Principal& caller, rpc::Violations&,
                                                        const Reader&) -> absl::Status {
    if (caller.roles != std::vector<std::string>{"admin"}) {
      return absl::PermissionDeniedError("the report is for admin");
    }
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);  // not the dead pool's error
  EXPECT_EQ(s.message(), "the report is for admin");
  // The same pool fails a real read, so nothing above connected.
  EXPECT_FALSE(dead_kit_->ReadAs(caller_, [](const auth::Principal&, rpc::Violations&, const Reader& reader) {
                  return reader([](sql::Connection&) { return absl::OkStatus(); });
                }).ok());
}

TEST_F(ReadKitTest, TheReadRunsOnAConnectionAndItsErrorComesBackUnchanged) {
  std::atomic<int> reads{0};
  std::string name;
  const absl::Status found = kit_->ReadAs(caller_, [&](const auth::Principal&, rpc::Violations&, const Reader& reader) {
    return reader(NameOf(7, name, reads));
  });
  ASSERT_TRUE(found.ok()) << found;
  EXPECT_EQ(name, "Qingshui township");
  const absl::Status missing = kit_->ReadAs(caller_, [&](const auth::Principal&, rpc::Violations&,
                                                         const Reader& reader) { return reader(NameOf(8, name, reads)); });
  EXPECT_EQ(missing.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(missing.message(), "units/8");
  EXPECT_EQ(reads.load(), 2);
}

TEST_F(ReadKitTest, AFieldFoundBadAfterAFirstReadStopsTheNextOne) {
  std::atomic<int> reads{0};
  std::string name;
  const absl::Status s = kit_->ReadAs(caller_, [&](const auth::Principal&, rpc::Violations& v,
                                                   const Reader& reader) -> absl::Status {
    RETURN_IF_ERROR(reader(NameOf(7, name, reads)));
    v.Add("inputs", "names no line of the standard");  // judged against what was read
    RETURN_IF_ERROR(reader(NameOf(7, name, reads)));
    return absl::OkStatus();
  });
  EXPECT_EQ(reads.load(), 1);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(rpc::FieldViolationsOf(s).size(), 1u);
  EXPECT_EQ(rpc::FieldViolationsOf(s)[0].field, "inputs");
}

}  // namespace
}  // namespace huinong::server
