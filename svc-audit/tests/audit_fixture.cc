#include "svc-audit/tests/audit_fixture.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <grpcpp/create_channel.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/ids.h"
#include "common/db/migrations.h"
#include "common/db/sql_time.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "svc-audit/src/store/grants.h"
#include "svc-audit/src/store/migrations.h"

namespace huinong::audit {
namespace {


// The org tree, as svc-org's ListUnitSubtree would report it.
class FixedScopes : public AuditorScopes {
 public:
  FixedScopes() : AuditorScopes(nullptr, [] { return absl::StatusOr<std::string>(""); }) {}

 protected:
  absl::StatusOr<std::pair<std::vector<std::string>, bool>> Subtree(
      const std::string& unit) override {
    static const auto* tree =
        new absl::flat_hash_map<std::string, std::pair<std::vector<std::string>, bool>>{
            {kCounty, {{kCounty, kT1, kT2, kV1, kV2}, true}},
            {kT1, {{kT1, kV1}, false}},
            {kT2, {{kT2, kV2}, false}},
            {kV1, {{kV1}, false}},
            {kV2, {{kV2}, false}},
        };
    auto it = tree->find(unit);
    if (it == tree->end()) return absl::NotFoundError(unit);
    return it->second;
  }
};

// Who each As value is: subject, roles, unit.
struct Caller {
  std::string subject;
  std::vector<std::string> roles;
  std::string unit;
};

Caller Who(As who) {
  switch (who) {
    case As::kService: return {"svc-org", {"service"}, ""};
    case As::kAdmin: return {"admin", {"admin"}, ""};
    case As::kCountyAuditor: return {kCountyAuditorSubject, {"auditor"}, kCounty};
    case As::kTownshipAuditor: return {kTownshipAuditorSubject, {"auditor"}, kT1};
    case As::kStaff: return {"staff/clerk", {"hr"}, kT1};
  }
  return {};
}

}  // namespace

void AuditFixture::SetUp() {
  db_ = db::TestDatabase::Create("audit");
  ASSERT_NE(db_, nullptr);
  {
    auto admin = db_->Admin();
    auto applied = db::ApplyMigrations(*admin, {db::RuntimeMigrations(), Migrations()});
    ASSERT_TRUE(applied.ok()) << applied.status();
  }
  // The runtime account: exactly the grants production applies.
  runtime_user_ = absl::AsciiStrToLower(absl::StrCat("a_", NewUlid().substr(16)));
  runtime_password_ = NewUlid();
  for (const char* host : {"localhost", "127.0.0.1"}) {
    db_->Exec(absl::StrCat("CREATE USER '", runtime_user_, "'@'", host, "' IDENTIFIED BY '",
                           runtime_password_, "'"));
  }
  for (const std::string& grant : RuntimeGrants(db_->name(), runtime_user_)) db_->Exec(grant);
  ASSERT_FALSE(HasFailure()) << "could not set up the runtime account";

  db::DbConfig config = db_->config();
  config.user = runtime_user_;
  config.password = runtime_password_;
  pool_ = db::DbPool::Create(config, nullptr);
  ASSERT_TRUE(pool_->Ping().ok()) << "the runtime account cannot connect";

  auto key = GenerateSigningKey();
  ASSERT_TRUE(key.ok()) << key.status();
  key_ = *key;

  api_ = std::make_unique<AuditApi>(*pool_, *gate_, BusinessClock::Settable(absl::Now(), "Asia/Shanghai"), key_,
                                    std::make_unique<FixedScopes>(), registry_);
  // Never due on its own: tests sign with SignHead().
  checkpointer_ = std::make_unique<Checkpointer>(*pool_, key_, 1'000'000'000, absl::Hours(24));
  absl::Status started = checkpointer_->Start();
  ASSERT_TRUE(started.ok()) << started;

  host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, registry_, *gate_);
  host_->AddService(api_.get(), v1::AuditService::service_full_name());
  ASSERT_TRUE(host_->Start().ok());
  stub_ = v1::AuditService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->port()), grpc::InsecureChannelCredentials()));
}

void AuditFixture::TearDown() {
  if (host_) {
    host_->RequestStop();
    host_->WaitForStop();
  }
  stub_.reset();
  host_.reset();
  checkpointer_.reset();  // stops its thread
  api_.reset();
  pool_.reset();  // closes the runtime account's connections
  if (db_ && !runtime_user_.empty()) {
    db_->Exec(absl::StrCat("DROP USER IF EXISTS '", runtime_user_, "'@'localhost', '",
                           runtime_user_, "'@'127.0.0.1'"));
  }
  db_.reset();
}

std::unique_ptr<grpc::ClientContext> AuditFixture::Ctx(As who) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  const Caller c = Who(who);
  ctx->AddMetadata("authorization", "Bearer " + callers_.Token(c.subject, c.roles, c.unit));
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  return ctx;
}

v1::Event AuditFixture::MakeEvent(const std::string& event_id, int n) {
  v1::Event e;
  e.set_event_id(event_id);
  // Nanoseconds on purpose: only microseconds are stored and hashed.
  *e.mutable_time() =
      rpc::ToTimestamp(absl::FromUnixNanos(1714552200123456789) + absl::Seconds(n));
  e.set_service("svc-org");
  e.mutable_actor()->set_subject("staff/wang");
  e.mutable_actor()->set_unit(kT1);
  e.mutable_actor()->add_roles("org.admin");
  e.mutable_actor()->add_roles("hr");
  e.set_action("org.UpdateUnit");
  e.set_resource_type("unit");
  e.set_resource_id(absl::StrCat("units/R", n));
  e.set_resource_unit(kV1);
  e.set_request_id(absl::StrCat("req-", event_id));
  e.set_before_json(R"({"display_name":"东红寺村金融扶贫服务站"})");
  e.set_after_json(absl::StrCat(R"({"display_name":"东红寺村服务站 )", n,
                                R"(","phone":"138****5678"})"));
  return e;
}

grpc::Status AuditFixture::Append(const std::vector<v1::Event>& events,
                                  v1::AppendEventsResponse* resp, As who) {
  v1::AppendEventsRequest req;
  for (const auto& e : events) *req.add_events() = e;
  return stub_->AppendEvents(Ctx(who).get(), req, resp);
}

std::vector<v1::Event> AuditFixture::MustAppend(const std::string& prefix, int count) {
  std::vector<v1::Event> events;
  for (int i = 0; i < count; ++i) events.push_back(MakeEvent(absl::StrCat(prefix, "-", i), i));
  v1::AppendEventsResponse resp;
  grpc::Status s = Append(events, &resp);
  EXPECT_TRUE(s.ok()) << s.error_code() << ": " << s.error_message();
  return events;
}

grpc::Status AuditFixture::Verify(const v1::VerifyChainRequest& req,
                                  v1::VerifyChainResponse* resp, As who) {
  return stub_->VerifyChain(Ctx(who).get(), req, resp);
}

v1::VerifyChainResponse AuditFixture::MustVerifyAll() {
  v1::VerifyChainResponse resp;
  grpc::Status s = Verify(v1::VerifyChainRequest(), &resp);
  EXPECT_TRUE(s.ok()) << s.error_code() << ": " << s.error_message();
  return resp;
}

grpc::Status AuditFixture::Search(const v1::SearchEventsRequest& req,
                                  v1::SearchEventsResponse* resp, As who) {
  return stub_->SearchEvents(Ctx(who).get(), req, resp);
}

ExportResult AuditFixture::Export(const v1::ExportEventsRequest& req, As who) {
  ExportResult out;
  auto ctx = Ctx(who);
  auto reader = stub_->ExportEvents(ctx.get(), req);
  v1::ExportEventsResponse item;
  while (reader->Read(&item)) {
    if (item.has_header()) {
      out.header = item.header();
      out.order.push_back({'H', 0});
    } else if (item.has_event()) {
      out.events.push_back(item.event());
      out.order.push_back({'E', item.event().sequence()});
    } else if (item.has_checkpoint()) {
      out.checkpoints.push_back(item.checkpoint());
      out.order.push_back({'C', item.checkpoint().sequence()});
    }
  }
  out.status = reader->Finish();
  return out;
}

int64_t AuditFixture::Count(const std::string& where) const {
  return std::stoll("0" + db_->Scalar(absl::StrCat("SELECT COUNT(*) FROM events WHERE ", where)));
}

int64_t AuditFixture::HeadSequence() const {
  return std::stoll("0" + db_->Scalar("SELECT seq FROM chain_head WHERE id = 1"));
}

std::string AuditFixture::HeadHash() const {
  return db_->Scalar("SELECT hash FROM chain_head WHERE id = 1");
}

std::vector<Event> AuditFixture::StoredRows(int64_t from, int64_t to) const {
  std::vector<Event> out;
  auto admin = db_->Admin();
  std::unique_ptr<sql::PreparedStatement> q(admin->prepareStatement(
      "SELECT seq, event_id, event_time, service, actor_subject, actor_unit, actor_roles, action,"
      " resource_type, resource_id, resource_unit, request_id, before_json, after_json,"
      " prev_hash, hash FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq"));
  q->setInt64(1, from);
  q->setInt64(2, to);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  while (rs->next()) {
    Event e;
    e.sequence = rs->getInt64(1);
    e.event_id = rs->getString(2);
    e.time = db::ParseSqlDateTime(std::string(rs->getString(3)));
    e.service = rs->getString(4);
    e.actor_subject = rs->getString(5);
    e.actor_unit = rs->getString(6);
    const std::string roles = rs->getString(7);
    if (!roles.empty()) e.actor_roles = absl::StrSplit(roles, ',');
    e.action = rs->getString(8);
    e.resource_type = rs->getString(9);
    e.resource_id = rs->getString(10);
    e.resource_unit = rs->getString(11);
    e.request_id = rs->getString(12);
    e.before_json = rs->getString(13);
    e.after_json = rs->getString(14);
    e.prev_hash = rs->getString(15);
    e.hash = rs->getString(16);
    out.push_back(std::move(e));
  }
  return out;
}

void AuditFixture::InsertRowAsAdmin(const Event& e) const {
  auto admin = db_->Admin();
  std::unique_ptr<sql::PreparedStatement> q(admin->prepareStatement(
      "INSERT INTO events (seq, event_id, event_time, append_time, service, actor_subject,"
      " actor_unit, actor_roles, action, resource_type, resource_id, resource_unit, request_id,"
      " before_json, after_json, prev_hash, hash)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  q->setInt64(1, e.sequence);
  q->setString(2, e.event_id);
  q->setString(3, db::SqlDateTime(e.time));
  q->setString(4, db::SqlDateTime(e.time));
  q->setString(5, e.service);
  q->setString(6, e.actor_subject);
  q->setString(7, e.actor_unit);
  q->setString(8, absl::StrJoin(e.actor_roles, ","));
  q->setString(9, e.action);
  q->setString(10, e.resource_type);
  q->setString(11, e.resource_id);
  q->setString(12, e.resource_unit);
  q->setString(13, e.request_id);
  q->setString(14, e.before_json);
  q->setString(15, e.after_json);
  q->setString(16, e.prev_hash);
  q->setString(17, e.hash);
  q->executeUpdate();
}

std::string AuditFixture::ReasonOf(const grpc::Status& s) {
  return rpc::ReasonOf(rpc::FromGrpcStatus(s));
}

std::set<std::string> AuditFixture::FieldsOf(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) out.insert(fv.field);
  return out;
}

}  // namespace huinong::audit
