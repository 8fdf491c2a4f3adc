// Migrations 0014 and 0015 on rows written before them. A chain stored the
// way the store wrote it until then (the ApprovalChain message without its
// column fields, printed as proto3 JSON by protobuf itself) reads back, after
// 0014, as the same title and steps through the store. A change request
// stored as its message reads back, after 0015, with its title, reason and
// columns, marked legacy (it can only be withdrawn), its old text kept.
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "common/rpc/status_details.h"
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

TEST(ChangeRequestMigration, ARequestWrittenAsProtoJsonKeepsItsTextAndReadsAsLegacy) {
  std::unique_ptr<db::TestDatabase> database = db::TestDatabase::Create("orgchangemig");
  ASSERT_NE(database, nullptr);
  std::unique_ptr<db::DbPool> pool = db::DbPool::Create(database->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  ASSERT_TRUE(db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(14)}).ok());

  // As the store wrote it before: the message without its column fields.
  v1::ChangeRequest old;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"(
      title: "设立风险管理部" reason: "加强风险控制"
      items { abolish_unit { unit: "units/old" } kind: CHANGE_KIND_ABOLISH_UNIT }
      effective_date { year: 2027 month: 1 day: 1 }
      steps { title: "总经理办公会" required_capability: "org.change.decide" at_unit: "units/company"
              state: APPROVAL_STEP_STATE_PENDING }
      submit_time { seconds: 1790000000 })", &old));
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(old, &json).ok());
  std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(
      "INSERT INTO change_requests (id, unit_id, state, effective_date, drafted_by, body_json, version,"
      " create_time, update_time) VALUES ('CR1', 'company', 2, '2027-01-01', 'staff/hr', ?, 4, NOW(6), NOW(6))"));
  q->setString(1, json);
  q->executeUpdate();

  absl::StatusOr<db::MigrationReport> applied =
      db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(15)});
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->applied, 1);

  absl::StatusOr<std::optional<ChangeRequest>> read = store::GetChange(**conn, "CR1");
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->has_value());
  const ChangeRequest& r = **read;
  EXPECT_EQ(r.title, "设立风险管理部");
  EXPECT_EQ(r.reason, "加强风险控制");
  EXPECT_EQ(r.state, ChangeState::kInApproval);
  EXPECT_EQ(r.effective_date, absl::CivilDay(2027, 1, 1));
  EXPECT_EQ(r.drafted_by, "staff/hr");
  EXPECT_EQ(r.version, 4);
  EXPECT_EQ(r.legacy_body, json);
  EXPECT_TRUE(r.items.empty());
  EXPECT_EQ(r.current_step, -1);
  EXPECT_EQ(rpc::ReasonOf(CheckReadable(r)), "LEGACY_REQUEST");

  // The old text is kept whole beside the new members.
  std::unique_ptr<sql::Statement> raw((*conn)->createStatement());
  std::unique_ptr<sql::ResultSet> rs(raw->executeQuery(
      "SELECT JSON_VALUE(body_json, '$.legacy_body') AS legacy FROM change_requests WHERE id = 'CR1'"));
  ASSERT_TRUE(rs->next());
  EXPECT_EQ(std::string(rs->getString("legacy")), json);

  // Withdrawing it (its one allowed move) keeps the old text.
  ChangeRequest withdrawn = r;
  withdrawn.state = ChangeState::kWithdrawn;
  withdrawn.version += 1;
  ASSERT_TRUE(store::UpdateChange(**conn, withdrawn, absl::FromUnixSeconds(1'790'000'000)).ok());
  rs.reset(raw->executeQuery(
      "SELECT JSON_VALUE(body_json, '$.legacy_body') AS legacy FROM change_requests WHERE id = 'CR1'"));
  ASSERT_TRUE(rs->next());
  EXPECT_EQ(std::string(rs->getString("legacy")), json);

  // A rerun leaves the converted row alone.
  ASSERT_TRUE(db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(15)}).ok());
  read = store::GetChange(**conn, "CR1");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->title, "设立风险管理部");
}

}  // namespace
}  // namespace huinong::org
