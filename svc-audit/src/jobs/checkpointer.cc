#include "svc-audit/src/jobs/checkpointer.h"

#include "absl/time/clock.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "svc-audit/src/store/event_store.h"

namespace huinong::audit {
namespace {
constexpr absl::Duration kPoll = absl::Milliseconds(500);
}

Checkpointer::Checkpointer(db::DbPool& pool, SigningKeyPair key, int64_t every,
                           absl::Duration interval)
    : pool_(pool), key_(std::move(key)), every_(every), interval_(interval) {}

Checkpointer::~Checkpointer() { Stop(); }

absl::Status Checkpointer::Start() {
  RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) {
    return store::InsertKeyIfMissing(conn, {key_.key_id, key_.public_key, absl::Now()});
  }));
  thread_ = std::thread([this] { Loop(); });
  return absl::OkStatus();
}

void Checkpointer::Stop() {
  if (!thread_.joinable()) return;
  stop_.Notify();
  thread_.join();
  absl::Status last = SignHead();
  if (!last.ok()) log::Warn("final checkpoint failed", {{"error", std::string(last.message())}});
}

absl::Status Checkpointer::SignHead() {
  return pool_.Transact([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(store::Head head, store::ReadHead(conn));
    ASSIGN_OR_RETURN(std::optional<Checkpoint> latest, store::GetCheckpoint(conn, std::nullopt));
    if (head.sequence == 0 || (latest && latest->sequence >= head.sequence)) return absl::OkStatus();
    Checkpoint cp{head.sequence, head.hash, TruncateToMicros(absl::Now()), key_.key_id, ""};
    ASSIGN_OR_RETURN(cp.signature, Sign(key_, CheckpointBytes(cp)));
    return store::InsertCheckpoint(conn, cp);
  });
}

void Checkpointer::Loop() {
  absl::Time last_signed = absl::Now();
  while (!stop_.WaitForNotificationWithTimeout(kPoll)) {
    bool due = absl::Now() - last_signed >= interval_;
    if (!due) {
      // Due early when enough events arrived since the last checkpoint.
      absl::Status s = pool_.Read([&](sql::Connection& conn) -> absl::Status {
        ASSIGN_OR_RETURN(store::Head head, store::ReadHead(conn));
        ASSIGN_OR_RETURN(std::optional<Checkpoint> latest, store::GetCheckpoint(conn, std::nullopt));
        due = head.sequence - (latest ? latest->sequence : 0) >= every_;
        return absl::OkStatus();
      });
      if (!s.ok()) continue;
    }
    if (!due) continue;
    absl::Status s = SignHead();
    if (s.ok()) {
      last_signed = absl::Now();
    } else {
      log::Warn("checkpoint failed", {{"error", std::string(s.message())}});
    }
  }
}

}  // namespace huinong::audit
