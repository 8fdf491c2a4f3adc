// OutboxRelay against a real MariaDB and an in-process fake svc-audit:
// delivery in seq order, nothing marked sent while svc-audit fails (and the
// backlog metric shows it), exactly-once in the chain after recovery and after
// lost replies, two replicas sharing one database, draining on Stop, and the
// retention sweep.
#include <atomic>
#include <set>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/metrics/registry.h"
#include "common/outbox/relay.h"
#include "common/outbox/tests/fake_audit.h"
#include "common/outbox/tests/outbox_db.h"

namespace huinong::outbox::testing {
namespace {

class RelayTest : public OutboxDb {
 protected:
  RelayOptions Options() const {
    RelayOptions o;
    o.audit_address = audit_.address();
    o.idle_poll = absl::Milliseconds(20);
    o.initial_backoff = absl::Milliseconds(20);
    o.max_backoff = absl::Milliseconds(200);
    o.rpc_deadline = absl::Seconds(5);
    return o;
  }
  std::unique_ptr<OutboxRelay> NewRelay(RelayOptions o, db::DbPool* pool = nullptr) {
    return std::make_unique<OutboxRelay>(
        pool ? *pool : *pool_, std::move(o),
        [] { return absl::StatusOr<std::string>("svc-org-token"); }, &registry_);
  }
  // Each event_id in the chain exactly once.
  void ExpectChainedOnce(const std::vector<std::string>& ids) {
    std::vector<std::string> chain = audit_.ChainIds();
    EXPECT_EQ(chain.size(), ids.size());
    EXPECT_EQ(std::set<std::string>(chain.begin(), chain.end()).size(), chain.size());
    std::set<std::string> chained(chain.begin(), chain.end());
    for (const auto& id : ids) EXPECT_TRUE(chained.count(id)) << id << " never reached the chain";
  }

  FakeAudit audit_;
  metrics::Registry registry_;
};

TEST_F(RelayTest, DeliversEverythingInSeqOrderAndMarksItSent) {
  const std::vector<std::string> ids = RecordMany(250);
  auto relay = NewRelay(Options());
  relay->Start();
  ASSERT_TRUE(WaitFor([&] { return Unsent() == 0; })) << Unsent() << " still unsent";
  relay->Stop(absl::Seconds(5));
  EXPECT_EQ(audit_.ChainIds(), ids) << "the chain holds the outbox in seq order";
  for (const auto& [id, n] : audit_.Receipts()) EXPECT_EQ(n, 1) << id << " sent more than once";
  EXPECT_EQ(audit_.last_authorization(), "Bearer svc-org-token");
  EXPECT_EQ(audit_.Chain()[7].request_id(), "req-8") << "the payload is the recorded event";
  const std::string metrics = registry_.Render();
  EXPECT_EQ(MetricValue(metrics, "outbox_sent_events_total"), 250);
  EXPECT_GE(MetricValue(metrics, "outbox_batch_seconds_count"), 3) << "batches of at most 100";
  EXPECT_EQ(MetricValue(metrics, "outbox_backlog_events"), 0);
  EXPECT_EQ(Rows(), 250) << "sent rows stay until the retention sweep";
}

TEST_F(RelayTest, BatchesAreCutByBytesToo) {
  RecordMany(10);
  RelayOptions o = Options();
  o.max_batch_bytes = 1;  // every batch is a single event
  auto relay = NewRelay(o);
  for (int i = 0; i < 10; ++i) {
    RoundOutcome r = relay->RunRound();
    ASSERT_EQ(r.kind, RoundOutcome::Kind::kSent) << r.error;
    EXPECT_EQ(r.sent, 1);
  }
  EXPECT_EQ(relay->RunRound().kind, RoundOutcome::Kind::kEmpty);
  EXPECT_EQ(audit_.calls(), 10);
}

TEST_F(RelayTest, WhileAuditFailsNothingIsMarkedAndItCatchesUpExactlyOnce) {
  audit_.FailWith(grpc::StatusCode::UNAVAILABLE);
  const std::vector<std::string> ids = RecordMany(30);
  auto relay = NewRelay(Options());
  relay->Start();
  ASSERT_TRUE(WaitFor([&] { return audit_.calls() >= 4; }));
  EXPECT_EQ(Unsent(), 30);
  EXPECT_TRUE(audit_.ChainIds().empty());
  absl::SleepFor(absl::Milliseconds(1100));
  const std::string metrics = registry_.Render();
  EXPECT_EQ(MetricValue(metrics, "outbox_backlog_events"), 30);
  EXPECT_GE(MetricValue(metrics, "outbox_oldest_unsent_age_seconds"), 1.0);
  EXPECT_GE(MetricValue(metrics, "outbox_send_errors_total{code=\"UNAVAILABLE\"}"), 3);
  EXPECT_EQ(MetricValue(metrics, "outbox_sent_events_total"), 0);

  audit_.FailWith(grpc::StatusCode::OK);
  ASSERT_TRUE(WaitFor([&] { return Unsent() == 0; }));
  relay->Stop(absl::Seconds(5));
  EXPECT_EQ(audit_.ChainIds(), ids);
  EXPECT_EQ(MetricValue(registry_.Render(), "outbox_oldest_unsent_age_seconds"), 0);
}

TEST_F(RelayTest, ALostReplyIsResentButChainedOnce) {
  const std::vector<std::string> ids = RecordMany(40);
  audit_.ReplyAfter(absl::Milliseconds(700));  // stored, but the answer comes too late
  RelayOptions o = Options();
  o.rpc_deadline = absl::Milliseconds(300);
  auto relay = NewRelay(o);
  relay->Start();
  ASSERT_TRUE(WaitFor([&] { return audit_.calls() >= 2; }));
  EXPECT_EQ(Unsent(), 40) << "an unacknowledged batch is not marked sent";
  audit_.ReplyAfter(absl::ZeroDuration());
  ASSERT_TRUE(WaitFor([&] { return Unsent() == 0; }));
  relay->Stop(absl::Seconds(5));
  ExpectChainedOnce(ids);
  EXPECT_EQ(audit_.ChainIds(), ids);
  int resent = 0;
  for (const auto& [id, n] : audit_.Receipts()) {
    EXPECT_GE(n, 1);
    if (n > 1) ++resent;
  }
  EXPECT_GT(resent, 0) << "the lost reply must have caused a resend";
  EXPECT_GE(MetricValue(registry_.Render(), "outbox_send_errors_total{code=\"DEADLINE_EXCEEDED\"}"), 1);
}

TEST_F(RelayTest, TwoReplicasDeliverEveryEventOnceAndInOrder) {
  auto second_pool = db::DbPool::Create(db_->config(), nullptr);
  auto a = NewRelay(Options());
  auto b = NewRelay(Options(), second_pool.get());
  a->Start();
  b->Start();
  // Writers keep committing while both relays run.
  std::vector<std::string> ids;
  for (int burst = 0; burst < 6; ++burst) {
    std::vector<std::string> more = RecordMany(50);
    ids.insert(ids.end(), more.begin(), more.end());
    a->Notify();
    b->Notify();
    absl::SleepFor(absl::Milliseconds(30));
  }
  ASSERT_TRUE(WaitFor([&] { return Unsent() == 0; }));
  a->Stop(absl::Seconds(5));
  b->Stop(absl::Seconds(5));
  EXPECT_EQ(audit_.ChainIds(), ids) << "one order across replicas";
  for (const auto& [id, n] : audit_.Receipts()) EXPECT_EQ(n, 1) << id << " sent twice";
  EXPECT_EQ(MetricValue(registry_.Render(), "outbox_sent_events_total"), 300);
}

TEST_F(RelayTest, TheLeaseHolderIsTheOnlySender) {
  RecordMany(3);
  auto relay = NewRelay(Options());
  auto holder = pool_->Connect();  // another replica in the middle of its round
  ASSERT_TRUE(holder.ok());
  (*holder)->setAutoCommit(false);
  std::unique_ptr<sql::Statement> st((*holder)->createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT id FROM outbox_lease WHERE id = 1 FOR UPDATE"));
  EXPECT_EQ(relay->RunRound().kind, RoundOutcome::Kind::kLeaseBusy);
  EXPECT_EQ(audit_.calls(), 0);
  (*holder)->rollback();
  RoundOutcome r = relay->RunRound();
  EXPECT_EQ(r.kind, RoundOutcome::Kind::kSent);
  EXPECT_EQ(r.sent, 3);
}

TEST_F(RelayTest, StopFlushesWhatIsPendingBeforeReturning) {
  RelayOptions o = Options();
  o.idle_poll = absl::Hours(1);  // only Stop can make it look again
  std::vector<std::string> ids = RecordMany(1);
  auto relay = NewRelay(o);
  relay->Start();
  // The probe arrived, so the first rounds are done and the relay sleeps.
  ASSERT_TRUE(WaitFor([&] { return audit_.ChainIds().size() == 1 && Unsent() == 0; }));
  absl::SleepFor(absl::Milliseconds(300));
  const std::vector<std::string> more = RecordMany(120);
  ids.insert(ids.end(), more.begin(), more.end());
  absl::SleepFor(absl::Milliseconds(300));
  ASSERT_EQ(Unsent(), 120) << "the relay should be asleep until Stop";
  relay->Stop(absl::Seconds(10));
  EXPECT_EQ(Unsent(), 0);
  EXPECT_EQ(audit_.ChainIds(), ids);
}

TEST_F(RelayTest, StopGivesUpAtItsDeadlineAndKeepsTheRest) {
  audit_.FailWith(grpc::StatusCode::UNAVAILABLE);
  RecordMany(5);
  auto relay = NewRelay(Options());
  relay->Start();
  ASSERT_TRUE(WaitFor([&] { return audit_.calls() >= 1; }));
  const absl::Time start = absl::Now();
  relay->Stop(absl::Milliseconds(500));
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  EXPECT_EQ(Unsent(), 5);
}

TEST_F(RelayTest, AFailingTokenSourceSendsNothing) {
  RecordMany(2);
  OutboxRelay relay(*pool_, Options(), [] { return absl::StatusOr<std::string>(absl::UnavailableError("no secret")); },
                    &registry_);
  RoundOutcome r = relay.RunRound();
  EXPECT_EQ(r.kind, RoundOutcome::Kind::kFailed);
  EXPECT_EQ(audit_.calls(), 0);
  EXPECT_EQ(Unsent(), 2);
}

TEST_F(RelayTest, SweepDeletesOnlyRowsSentBeforeTheRetention) {
  const std::vector<std::string> ids = RecordMany(4);
  db_->Exec(absl::StrCat("UPDATE outbox SET sent_at = UTC_TIMESTAMP(6) - INTERVAL 8 DAY WHERE event_id IN ('",
                         ids[0], "','", ids[1], "')"));
  db_->Exec(absl::StrCat("UPDATE outbox SET sent_at = UTC_TIMESTAMP(6) - INTERVAL 6 DAY WHERE event_id = '",
                         ids[2], "'"));
  RelayOptions o = Options();
  o.sweep_batch = 1;  // several small batches
  auto relay = NewRelay(o);
  auto swept = relay->SweepSent(absl::Now());
  ASSERT_TRUE(swept.ok()) << swept.status();
  EXPECT_EQ(*swept, 2);
  EXPECT_EQ(IdsBySeq(), (std::vector<std::string>{ids[2], ids[3]}));
}

}  // namespace
}  // namespace huinong::outbox::testing
