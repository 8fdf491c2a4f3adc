#include "common/outbox/tests/outbox_db.h"

#include <cstdlib>
#include <sstream>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/db/migrations.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/outbox.h"
#include "huinong/org/v1/units.pb.h"

namespace huinong::outbox::testing {

void OutboxDb::SetUp() {
  db_ = db::TestDatabase::Create("outbox");
  ASSERT_NE(db_, nullptr);
  pool_ = db::DbPool::Create(db_->config(), nullptr);
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto applied = db::ApplyMigrations(**conn, {db::RuntimeMigrations()});
  ASSERT_TRUE(applied.ok()) << applied.status();
}

huinong::audit::v1::Event OutboxDb::NewEvent(int n) const {
  org::v1::Unit before;
  before.set_name(absl::StrCat("units/unit-", n));
  before.set_display_name(absl::StrCat("村服务站 ", n));
  before.set_etag("1");
  org::v1::Unit after = before;
  after.set_display_name(absl::StrCat("村金融扶贫服务站 ", n));
  after.set_etag("2");
  Change c;
  c.service = "svc-org";
  c.actor.subject = "staff/0042";
  c.actor.unit = "units/county";
  c.actor.roles = {"org.admin"};
  c.action = "org.UpdateUnit";
  c.resource_type = "unit";
  c.resource_id = before.name();
  c.resource_unit = before.name();
  c.request_id = absl::StrCat("req-", n);
  c.before = &before;
  c.after = &after;
  auto event = BuildEvent(c, absl::Now());
  EXPECT_TRUE(event.ok()) << event.status();
  return *event;
}

void OutboxDb::RecordCommitted(const huinong::audit::v1::Event& event) {
  absl::Status s = pool_->Transact([&](sql::Connection& conn) { return Record(conn, event); });
  ASSERT_TRUE(s.ok()) << s;
}

std::vector<std::string> OutboxDb::RecordMany(int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    huinong::audit::v1::Event e = NewEvent(++next_);
    RecordCommitted(e);
    ids.push_back(e.event_id());
  }
  return ids;
}

int64_t OutboxDb::Rows() const { return std::atoll(db_->Scalar("SELECT COUNT(*) FROM outbox").c_str()); }

int64_t OutboxDb::Unsent() const {
  return std::atoll(db_->Scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").c_str());
}

std::vector<std::string> OutboxDb::IdsBySeq() const {
  std::vector<std::string> ids;
  auto conn = db_->Admin();
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT event_id FROM outbox ORDER BY seq"));
  while (rs->next()) ids.push_back(rs->getString(1));
  return ids;
}

bool WaitFor(const std::function<bool()>& done, absl::Duration timeout) {
  const absl::Time give_up = absl::Now() + timeout;
  while (!done()) {
    if (absl::Now() > give_up) return false;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return true;
}

double MetricValue(const std::string& exposition, const std::string& series) {
  std::stringstream in(exposition);
  for (std::string line; std::getline(in, line);) {
    if (absl::StartsWith(line, series + " ")) return std::atof(line.c_str() + series.size() + 1);
  }
  return -1;
}

}  // namespace huinong::outbox::testing
