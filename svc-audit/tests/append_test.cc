// Ingest through the real server into a real MariaDB: a batch gets gapless
// sequences in request order and hashes anyone can recompute; the event table
// refuses UPDATE and DELETE to the runtime account; retries store once, a
// changed re-send is refused whole; concurrent appenders build one gapless
// chain; malformed or unmasked events are refused naming the field.
#include <atomic>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/rpc/proto_time.h"
#include "svc-audit/src/api/event_mapping.h"
#include "svc-audit/tests/audit_fixture.h"

namespace huinong::audit {
namespace {

constexpr int kMysqlCommandDenied = 1142;

class AuditAppend : public AuditFixture {};

TEST_F(AuditAppend, BatchOfHundredGetsSequencesInRequestOrderAndHashesRecompute) {
  std::vector<v1::Event> events;
  // Request order deliberately differs from id order and from time order.
  for (int i = 0; i < 100; ++i) events.push_back(MakeEvent(absl::StrCat("ev-", 99 - i), (i * 37) % 100));
  // Four-byte UTF-8 and escapes must round-trip byte for byte to hash the same.
  events[10].set_after_json(R"({"note":"丰收🌾 \"quoted\"\n","amount_fen":120000})");
  events[11].clear_before_json();
  events[11].mutable_actor()->clear_roles();
  v1::AppendEventsResponse resp;
  grpc::Status s = Append(events, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(resp.results_size(), 100);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(resp.results(i).event_id(), events[i].event_id());
    EXPECT_EQ(resp.results(i).sequence(), i + 1);
    EXPECT_FALSE(resp.results(i).duplicate());
  }
  EXPECT_EQ(Count(), 100);
  EXPECT_EQ(HeadSequence(), 100);

  // Recomputed independently: from what was sent (time cut to microseconds)
  // and from the stored fields; each row links to the one before.
  std::vector<Event> rows = StoredRows(1, 100);
  ASSERT_EQ(rows.size(), 100u);
  std::string prev = ZeroHash();
  for (int i = 0; i < 100; ++i) {
    const Event& row = rows[i];
    ASSERT_EQ(row.sequence, i + 1);
    EXPECT_EQ(row.event_id, events[i].event_id());
    EXPECT_EQ(row.prev_hash, prev) << "seq " << row.sequence;
    EXPECT_EQ(ChainHash(row.prev_hash, row), row.hash) << "seq " << row.sequence;
    Event sent = DomainEvent(events[i]);
    sent.sequence = i + 1;
    EXPECT_EQ(CanonicalTime(sent.time), CanonicalTime(row.time));
    EXPECT_EQ(ChainHash(prev, sent), row.hash) << "seq " << row.sequence;
    prev = row.hash;
  }
  EXPECT_EQ(HeadHash(), prev);
  EXPECT_EQ(CanonicalTime(rows[0].time), "2024-05-01T08:30:00.123456Z");

  v1::VerifyChainResponse verified = MustVerifyAll();
  EXPECT_TRUE(verified.ok()) << "first bad " << verified.first_bad_sequence() << " problem "
                             << verified.problem();
  // Every appended event was checked; then the read itself was recorded after them.
  EXPECT_EQ(verified.checked_count(), 100);
  EXPECT_EQ(verified.start_sequence(), 1);
  EXPECT_EQ(verified.end_sequence(), 100);
  EXPECT_EQ(Count(), 101);
  EXPECT_EQ(Count("seq = 101 AND action = 'audit.VerifyChain' AND actor_subject = 'admin'"), 1);
}

TEST_F(AuditAppend, RuntimeAccountCannotUpdateOrDeleteEvents) {
  MustAppend("ev", 3);
  const std::string action_before = db_->Scalar("SELECT action FROM events WHERE seq = 1");
  auto conn = pool_->Connect();  // the service's own (restricted) account
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto refused_code = [&](const std::string& stmt) -> int {
    try {
      std::unique_ptr<sql::Statement> st((*conn)->createStatement());
      st->execute(stmt);
    } catch (const sql::SQLException& e) {
      return e.getErrorCode();
    }
    return 0;
  };
  EXPECT_EQ(refused_code("UPDATE events SET action = 'x' WHERE seq = 1"), kMysqlCommandDenied);
  EXPECT_EQ(refused_code("DELETE FROM events WHERE seq = 1"), kMysqlCommandDenied);
  EXPECT_EQ(refused_code("DELETE FROM checkpoints"), kMysqlCommandDenied);
  EXPECT_EQ(refused_code("UPDATE checkpoints SET key_id = 'x'"), kMysqlCommandDenied);
  EXPECT_NE(refused_code("TRUNCATE TABLE events"), 0);
  EXPECT_NE(refused_code("DROP TABLE events"), 0);
  EXPECT_EQ(db_->Scalar("SELECT action FROM events WHERE seq = 1"), action_before);
  EXPECT_EQ(Count(), 3);

  // What the service needs is allowed: SELECT and INSERT on events.
  try {
    std::unique_ptr<sql::Statement> st((*conn)->createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT COUNT(*) FROM events"));
    ASSERT_TRUE(rs->next());
    EXPECT_EQ(rs->getInt64(1), 3);
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << "SELECT refused: " << e.getErrorCode() << " " << e.what();
  }
  EXPECT_EQ(refused_code("INSERT INTO events (seq, event_id, event_time, append_time, service,"
                         " actor_subject, actor_unit, actor_roles, action, resource_type,"
                         " resource_id, resource_unit, request_id, before_json, after_json,"
                         " prev_hash, hash) VALUES (1000, 'probe', NOW(6), NOW(6), 's', 'a', '',"
                         " '', 'x', 'y', 'z', '', '', '', '', REPEAT(CHAR(0), 32),"
                         " REPEAT(CHAR(0), 32))"),
            0);
  EXPECT_EQ(Count(), 4);
}

TEST_F(AuditAppend, SameBatchTwiceStoresOnce) {
  std::vector<v1::Event> batch;
  for (int i = 0; i < 5; ++i) batch.push_back(MakeEvent(absl::StrCat("once-", i), i));
  v1::AppendEventsResponse first, second;
  ASSERT_TRUE(Append(batch, &first).ok());
  ASSERT_EQ(Count(), 5);
  // A relay retry: same ids, same content (even the same sub-microsecond digits dropped).
  grpc::Status s = Append(batch, &second);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(second.results_size(), 5);
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(second.results(i).duplicate()) << i;
    EXPECT_FALSE(first.results(i).duplicate()) << i;
    EXPECT_EQ(second.results(i).sequence(), first.results(i).sequence()) << i;
    EXPECT_EQ(second.results(i).event_id(), batch[i].event_id());
  }
  EXPECT_EQ(Count(), 5);
  EXPECT_EQ(HeadSequence(), 5);

  // A batch mixing an already-stored event and new ones stores only the new ones.
  std::vector<v1::Event> mixed = {MakeEvent("once-new-a", 10), batch[2], MakeEvent("once-new-b", 11)};
  v1::AppendEventsResponse third;
  ASSERT_TRUE(Append(mixed, &third).ok());
  ASSERT_EQ(third.results_size(), 3);
  EXPECT_EQ(third.results(0).sequence(), 6);
  EXPECT_FALSE(third.results(0).duplicate());
  EXPECT_EQ(third.results(1).sequence(), first.results(2).sequence());
  EXPECT_TRUE(third.results(1).duplicate());
  EXPECT_EQ(third.results(2).sequence(), 7);
  EXPECT_EQ(Count(), 7);
  EXPECT_TRUE(MustVerifyAll().ok());
}

// huinong_audit_chain_events, the dashboard's chain length: the head's
// sequence at each scrape, so a retried batch adds nothing.
TEST_F(AuditAppend, ChainLengthGaugeIsTheHeadSequenceAndRetriesAddNothing) {
  EXPECT_NE(registry_.Render().find("\nhuinong_audit_chain_events 0\n"), std::string::npos) << registry_.Render();
  std::vector<v1::Event> batch;
  for (int i = 0; i < 3; ++i) batch.push_back(MakeEvent(absl::StrCat("length-", i), i));
  v1::AppendEventsResponse first, again;
  ASSERT_TRUE(Append(batch, &first).ok());
  EXPECT_NE(registry_.Render().find("\nhuinong_audit_chain_events 3\n"), std::string::npos) << registry_.Render();
  ASSERT_TRUE(Append(batch, &again).ok());
  EXPECT_NE(registry_.Render().find("\nhuinong_audit_chain_events 3\n"), std::string::npos) << registry_.Render();
}

TEST_F(AuditAppend, ResentIdWithOtherContentIsRefusedAndNothingOfTheBatchIsStored) {
  std::vector<v1::Event> batch = MustAppend("conflict", 3);
  ASSERT_EQ(Count(), 3);
  v1::Event changed = batch[1];
  changed.set_after_json(R"({"display_name":"篡改"})");
  v1::AppendEventsResponse resp;
  grpc::Status s = Append({MakeEvent("conflict-fresh", 9), changed}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ReasonOf(s), "EVENT_ID_CONFLICT");
  EXPECT_EQ(Count(), 3);
  EXPECT_EQ(Count("event_id = 'conflict-fresh'"), 0);
  EXPECT_EQ(HeadSequence(), 3);
  // The stored event keeps its original content.
  EXPECT_EQ(db_->Scalar("SELECT after_json FROM events WHERE event_id = 'conflict-1'"),
            batch[1].after_json());

  // A different time (by a whole microsecond) is different content too.
  v1::Event later = batch[0];
  later.mutable_time()->set_nanos(later.time().nanos() + 1000);
  s = Append({later}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ReasonOf(s), "EVENT_ID_CONFLICT");
  EXPECT_EQ(Count(), 3);
}

TEST_F(AuditAppend, SameIdTwiceInOneBatchNamesTheSecond) {
  v1::AppendEventsResponse resp;
  grpc::Status s = Append({MakeEvent("twin", 1), MakeEvent("twin", 2)}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events[1].event_id"});
  EXPECT_EQ(Count(), 0);
}

TEST_F(AuditAppend, ConcurrentAppendersBuildOneGaplessChain) {
  constexpr int kThreads = 4, kBatches = 25, kPerBatch = 4;
  std::atomic<int> failures{0};
  std::vector<std::vector<int64_t>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<v1::Event> batch;
        for (int k = 0; k < kPerBatch; ++k) {
          batch.push_back(MakeEvent(absl::StrCat("t", t, "-b", b, "-e", k), b * kPerBatch + k));
        }
        v1::AppendEventsResponse resp;
        grpc::Status s = Append(batch, &resp);
        if (!s.ok() || resp.results_size() != kPerBatch) {
          ++failures;
          continue;
        }
        for (const auto& r : resp.results()) {
          if (r.duplicate()) ++failures;
          seen[t].push_back(r.sequence());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(failures.load(), 0);

  constexpr int64_t kTotal = kThreads * kBatches * kPerBatch;
  EXPECT_EQ(Count(), kTotal);
  EXPECT_EQ(db_->Scalar("SELECT MIN(seq) FROM events"), "1");
  EXPECT_EQ(db_->Scalar("SELECT MAX(seq) FROM events"), absl::StrCat(kTotal));
  EXPECT_EQ(db_->Scalar("SELECT COUNT(DISTINCT seq) FROM events"), absl::StrCat(kTotal));
  EXPECT_EQ(HeadSequence(), kTotal);
  std::set<int64_t> all;
  for (int t = 0; t < kThreads; ++t) {
    // Each appender's own events keep its order.
    for (size_t i = 1; i < seen[t].size(); ++i) EXPECT_LT(seen[t][i - 1], seen[t][i]);
    all.insert(seen[t].begin(), seen[t].end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kTotal));

  v1::VerifyChainResponse verified = MustVerifyAll();
  EXPECT_TRUE(verified.ok()) << "first bad " << verified.first_bad_sequence() << " problem "
                             << verified.problem();
  EXPECT_EQ(verified.checked_count(), kTotal);
  EXPECT_EQ(Count(), kTotal + 1);  // plus the read event recorded after the check
}

// A relay that re-sends a batch while the first send is still being stored:
// both look for the ids before locking the chain head and find nothing, one
// inserts, the other's insert hits the unique event id and runs again, and
// then acknowledges every event as the duplicate it is.
TEST_F(AuditAppend, TheSameBatchSentConcurrentlyIsStoredOnce) {
  constexpr int kSenders = 4, kRounds = 5, kPerBatch = 20;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<v1::Event> batch;
    for (int k = 0; k < kPerBatch; ++k) batch.push_back(MakeEvent(absl::StrCat("race-", round, "-", k), k));
    std::vector<v1::AppendEventsResponse> responses(kSenders);
    std::vector<grpc::Status> statuses(kSenders);
    std::vector<std::thread> senders;
    for (int t = 0; t < kSenders; ++t) {
      senders.emplace_back([&, t] { statuses[t] = Append(batch, &responses[t]); });
    }
    for (auto& th : senders) th.join();
    int stored_by = 0;
    for (int t = 0; t < kSenders; ++t) {
      ASSERT_TRUE(statuses[t].ok()) << statuses[t].error_message() << " (" << ReasonOf(statuses[t]) << ")";
      ASSERT_EQ(responses[t].results_size(), kPerBatch);
      if (!responses[t].results(0).duplicate()) ++stored_by;
      for (int k = 0; k < kPerBatch; ++k) {
        EXPECT_EQ(responses[t].results(k).sequence(), responses[0].results(k).sequence());
        EXPECT_EQ(responses[t].results(k).duplicate(), responses[t].results(0).duplicate());
      }
    }
    EXPECT_EQ(stored_by, 1) << "round " << round;
    EXPECT_EQ(Count(), (round + 1) * kPerBatch);
  }
  EXPECT_EQ(HeadSequence(), kRounds * kPerBatch);
  EXPECT_TRUE(MustVerifyAll().ok());
}

TEST_F(AuditAppend, UnmaskedPhoneNumberIsRefusedNamingTheField) {
  v1::Event e = MakeEvent("pii", 1);
  e.set_after_json(R"({"contact_phone":"13812345678"})");
  v1::AppendEventsResponse resp;
  grpc::Status s = Append({e}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events[0].after_json"});
  EXPECT_NE(s.error_message().find("PERSONAL_DATA_UNMASKED"), std::string::npos)
      << s.error_message();
  EXPECT_EQ(Count(), 0);

  // Also in before_json, in the second event of a batch.
  v1::Event idcard = MakeEvent("pii-2", 2);
  idcard.set_before_json(R"({"id_number":"11010519491231002X"})");
  s = Append({MakeEvent("pii-ok", 3), idcard}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events[1].before_json"});
  EXPECT_EQ(Count(), 0);
}

TEST_F(AuditAppend, JsonThatIsNotAnObjectIsRefused) {
  v1::AppendEventsResponse resp;
  for (const char* json : {"[1,2,3]", "\"text\"", "{not json", "42"}) {
    v1::Event e = MakeEvent("notobj", 1);
    e.set_after_json(json);
    grpc::Status s = Append({e}, &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << json;
    EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events[0].after_json"}) << json;
  }
  v1::Event big = MakeEvent("too-big", 1);
  big.set_after_json(absl::StrCat(R"({"note":")", std::string(64 * 1024, 'a'), R"("})"));
  grpc::Status s = Append({big}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events[0].after_json"});
  EXPECT_EQ(Count(), 0);
}

// The API's event ids are case-sensitive ([A-Za-z0-9._:-]): two ids that
// differ only in case are two events, and each is acknowledged as such.
TEST_F(AuditAppend, EventIdsDifferingOnlyInCaseAreDistinct) {
  v1::AppendEventsResponse resp;
  ASSERT_TRUE(Append({MakeEvent("ev-abc", 1)}, &resp).ok());
  grpc::Status s = Append({MakeEvent("EV-ABC", 2)}, &resp);
  EXPECT_TRUE(s.ok()) << s.error_code() << " " << s.error_message() << " (" << ReasonOf(s) << ")";
  EXPECT_EQ(Count(), 2);
}

TEST_F(AuditAppend, MissingFieldsAreEachNamed) {
  v1::Event e = MakeEvent("bare", 1);
  e.clear_action();
  e.clear_resource_type();
  v1::Event f = MakeEvent("bare-2", 2);
  f.clear_resource_id();
  f.clear_time();
  f.mutable_actor()->clear_subject();
  v1::AppendEventsResponse resp;
  grpc::Status s = Append({e, f}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s),
            (std::set<std::string>{"events[0].action", "events[0].resource_type",
                                   "events[1].resource_id", "events[1].time",
                                   "events[1].actor.subject"}));
  EXPECT_EQ(Count(), 0);

  s = Append({}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"events"});
}

}  // namespace
}  // namespace huinong::audit
