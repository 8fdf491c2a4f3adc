// Migration 0013 on rows written before it: a standard of every rule kind is
// stored the way the store wrote it until then (the rule oneof as proto3
// JSON, printed here by protobuf itself), the migration runs, and the store
// reads back the same rule — so every calculation made before gives the same
// headcount after.
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_calculator.h"
#include "svc-org/src/store/standard_store.h"
#include "svc-org/tests/staffing_rule_samples.h"

namespace huinong::org {
namespace staffing_test {
const db::MigrationSet& OrgMigrationFiles();  // embedded by staffing.cmake
}

namespace {

db::MigrationSet OrgUpTo(int last) {
  db::MigrationSet set = staffing_test::OrgMigrationFiles();
  set.component = "org";
  std::vector<db::Migration> kept;
  for (const auto& m : set.migrations) {
    if (m.version == 1 || m.version == 10 || (m.version == 13 && last >= 13)) kept.push_back(m);
  }
  set.migrations = kept;
  return set;
}

v1::StaffingStandard Parse(const std::string& text) {
  v1::StaffingStandard s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &s)) << text;
  return s;
}

// What the store wrote before 0013: the rule alone as proto3 JSON.
std::string OldRuleJson(const v1::StaffingStandard& rule) {
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(rule, &json).ok());
  return json;
}

TEST(StaffingRuleMigration, RowsWrittenAsProtoJsonReadBackUnchanged) {
  std::unique_ptr<db::TestDatabase> database = db::TestDatabase::Create("orgstaffmig");
  ASSERT_NE(database, nullptr);
  std::unique_ptr<db::DbPool> pool = db::DbPool::Create(database->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  ASSERT_TRUE(db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(12)}).ok());

  std::unique_ptr<sql::PreparedStatement> standard((*conn)->prepareStatement(
      "INSERT INTO staffing_standards (id, latest_version, create_time) VALUES ('S', ?, NOW(6))"));
  standard->setInt(1, static_cast<int>(std::size(kEveryRuleKind)));
  standard->executeUpdate();
  int version = 0;
  for (const char* text : kEveryRuleKind) {
    const v1::StaffingStandard rule = Parse(text);
    std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(
        "INSERT INTO staffing_standard_versions (standard_id, version, revision, title, source, description,"
        " rule_kind, rule_json, status, effective_from, create_time, update_time)"
        " VALUES ('S', ?, 1, '标准', '', '', ?, ?, 2, NULL, NOW(6), NOW(6))"));
    q->setInt(1, ++version);
    q->setInt(2, static_cast<int>(rule.rule_case()));
    q->setString(3, OldRuleJson(rule));
    q->executeUpdate();
  }

  absl::StatusOr<db::MigrationReport> applied =
      db::ApplyMigrations(**conn, {db::RuntimeMigrations(), OrgUpTo(13)});
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->applied, 1);

  version = 0;
  for (const char* text : kEveryRuleKind) {
    ++version;
    absl::StatusOr<store::StandardRecord> r = store::GetStandardOrNotFound(**conn, "S", version, false);
    ASSERT_TRUE(r.ok()) << text << ": " << r.status();
    v1::StaffingStandard back;
    SetRule(r->body.rule, back);
    EXPECT_EQ(back.ShortDebugString(), Parse(text).ShortDebugString()) << "version " << version;
    EXPECT_EQ(r->body.title, "标准");
    EXPECT_EQ(r->body.status, StandardStatus::kActive);
  }

  // The call-centre seed (004:117) still computes from the converted row.
  absl::StatusOr<store::StandardRecord> seats = store::GetStandardOrNotFound(**conn, "S", 1, false);
  ASSERT_TRUE(seats.ok());
  absl::StatusOr<Calculation> c = Calculate(seats->body.rule, {{"households", Exact::Integer(130000)}});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->headcount, 6);
}

}  // namespace
}  // namespace huinong::org
