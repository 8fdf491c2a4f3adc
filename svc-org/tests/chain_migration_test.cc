// Migration 0014 on approval chains written before it: a chain stored the way
// the store wrote it until then (the ApprovalChain message without its column
// fields, printed as proto3 JSON by protobuf itself) reads back, after the
// migration, as the same title and steps through the store.
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "svc-org/src/api/chain_mapping.h"
#include "svc-org/src/store/change_store.h"
#include "svc-org/src/store/migrations.h"

namespace huinong::org {
namespace {

db::MigrationSet OrgUpTo(int last) {
  db::MigrationSet set = Migrations();
  std::vector<db::Migration> kept;
  for (const auto& m : set.migrations) {
    if (m.version <= last) kept.push_back(m);
  }
  set.migrations = kept;
  return set;
}

TEST(ApprovalChainMigration, AChainWrittenAsProtoJsonReadsBackUnchanged) {
  std::unique_ptr<db::TestDatabase> database = db::TestDatabase::Create("orgchainmig");
  ASSERT_NE(database, nullptr);
  std::unique_ptr<db::DbPool> pool = db::DbPool::Create(database->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  ASSERT_TRUE(db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(13)}).ok());

  // 004:31-33: the office meeting decides, the board approves structure.
  v1::ApprovalChain old;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"(
      title: "公司审批链"
      steps { title: "总经理办公会" required_capability: "org.change.decide" at_unit: "units/company" }
      steps { title: "董事会" required_capability: "org.change.approve" at_unit: "units/board"
              applies_to: CHANGE_KIND_MOVE_REPORTING_LINE applies_to: CHANGE_KIND_CREATE_UNIT
              applies_to: CHANGE_KIND_SET_QUOTA })", &old));
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(old, &json).ok());
  std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(
      "INSERT INTO approval_chains (id, unit_id, require_change_requests, body_json, version, create_time,"
      " update_time) VALUES ('CHAIN', 'company', 1, ?, 3, NOW(6), NOW(6))"));
  q->setString(1, json);
  q->executeUpdate();

  absl::StatusOr<db::MigrationReport> applied =
      db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(14)});
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->applied, 1);

  absl::StatusOr<std::optional<ApprovalChain>> chain = store::GetChain(**conn, "CHAIN");
  ASSERT_TRUE(chain.ok()) << chain.status();
  ASSERT_TRUE(chain->has_value());
  EXPECT_EQ((*chain)->unit_id, "company");
  EXPECT_TRUE((*chain)->require_change_requests);
  EXPECT_EQ((*chain)->version, 3);
  ASSERT_EQ((*chain)->steps.size(), 2u);
  EXPECT_EQ((*chain)->steps[1].applies_to, (std::vector<int>{11, 1, 10}));
  v1::ApprovalChain back = ToProto(**chain);
  back.clear_name();
  back.clear_unit();
  back.clear_require_change_requests();
  back.clear_create_time();
  back.clear_update_time();
  back.clear_etag();
  EXPECT_EQ(back.ShortDebugString(), old.ShortDebugString());
}

}  // namespace
}  // namespace huinong::org
