// SQL for the chain: appending a batch (gapless sequences under the chain
// head's row lock), reading ranges for verification and export, searching
// with keyset pages by sequence, checkpoints and signing keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/audit_chain/chain.h"

namespace sql {
class Connection;
}

namespace huinong::audit::store {

struct Head {
  int64_t sequence = 0;
  std::string hash;  // ZeroHash() for an empty chain
};

struct Appended {
  int64_t sequence;
  bool duplicate;
};

// Appends `events` in order inside the caller's transaction; an event_id
// already stored with identical content is acknowledged with its sequence,
// one stored with other content is ALREADY_EXISTS (EVENT_ID_CONFLICT) and the
// caller's transaction must roll back. `now` is the append time.
// An event of the batch stored by a concurrent append between this append's
// duplicate check and its insert fails it with LostAppendRace(status): roll
// back and run the whole append again (it then finds that event stored).
absl::StatusOr<std::vector<Appended>> AppendBatch(sql::Connection& conn, std::vector<Event> events,
                                                  absl::Time now);
bool LostAppendRace(const absl::Status& status);

absl::StatusOr<Head> ReadHead(sql::Connection& conn);
// The highest stored sequence (may exceed the head if rows were inserted behind its back).
absl::StatusOr<int64_t> MaxSequence(sql::Connection& conn);
// Events with from <= seq <= to, ascending, at most `limit`.
absl::StatusOr<std::vector<Event>> ReadRange(sql::Connection& conn, int64_t from, int64_t to,
                                             int limit);
// The same into `out`, reusing its elements (and their strings' memory):
// VerifyChain reads the whole chain through two such buffers.
absl::Status ReadRangeInto(sql::Connection& conn, int64_t from, int64_t to, int limit,
                           std::vector<Event>& out);
// The stored hash at `sequence`, if that event exists.
absl::StatusOr<std::optional<std::string>> HashAt(sql::Connection& conn, int64_t sequence);

struct SearchFilter {
  std::string resource_type, resource_id, actor_subject, actor_unit, action, service, request_id;
  std::optional<absl::Time> time_from, time_to;
  // Data scope: when set, only events whose actor_unit or resource_unit is one of these.
  std::optional<std::vector<std::string>> units;
  bool newest_first = false;
};
absl::StatusOr<std::vector<Event>> Search(sql::Connection& conn, const SearchFilter& filter,
                                          int64_t after_sequence, int limit);
// First and last sequence of events in [from, to) by event time; nullopt when none.
absl::StatusOr<std::optional<std::pair<int64_t, int64_t>>> SequencesInTime(sql::Connection& conn,
                                                                          absl::Time from,
                                                                          absl::Time to);

absl::Status InsertCheckpoint(sql::Connection& conn, const Checkpoint& checkpoint);
absl::StatusOr<std::optional<Checkpoint>> GetCheckpoint(sql::Connection& conn,
                                                        std::optional<int64_t> sequence);
absl::StatusOr<std::vector<Checkpoint>> ListCheckpoints(sql::Connection& conn, int64_t from,
                                                        int64_t to, int64_t after, int limit);
// The first checkpoint at or after `sequence`.
absl::StatusOr<std::optional<Checkpoint>> CheckpointAtOrAfter(sql::Connection& conn, int64_t sequence);

struct StoredKey {
  std::string key_id;
  std::string public_key;
  absl::Time create_time;
};
absl::Status InsertKeyIfMissing(sql::Connection& conn, const StoredKey& key);
absl::StatusOr<std::optional<StoredKey>> GetKey(sql::Connection& conn, const std::string& key_id);

}  // namespace huinong::audit::store
