// The audit hash chain, free of I/O: the canonical bytes of an event and of a
// checkpoint (exactly as documented in protos/huinong/audit/v1/audit.proto, so
// an auditor can recompute them offline), the chain hash, and an incremental
// verifier that names the first sequence where stored data stops matching.
//
//   hash(n) = SHA-256(prev_hash(n) || canonical_bytes(event n)),
//   prev_hash(1) = 32 zero bytes, prev_hash(n) = hash(n-1).
//
// Guarantees:
// - the bytes and hashes are a fixed format: a chain written by any earlier
//   build verifies with this one (tests/chain_test.cc pins the hashes of a
//   sample chain computed from the documented format alone);
// - svc-audit (which writes and verifies the chain) and huinongctl's offline
//   verifier use this one implementation, so they cannot disagree;
// - pure: no I/O, no global state but a per-thread scratch buffer, safe to
//   call from any number of threads;
// - hashing an event allocates only its 32-byte result (svc-audit hashes every
//   appended event under the chain-head lock, and VerifyChain every stored one).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace huinong::audit {

struct Event {
  std::string event_id;
  absl::Time time;  // microsecond precision is what is hashed
  std::string service;
  std::string actor_subject;
  std::string actor_unit;
  std::vector<std::string> actor_roles;
  std::string action;
  std::string resource_type;
  std::string resource_id;
  std::string resource_unit;
  std::string request_id;
  std::string before_json;
  std::string after_json;
  // Chain fields (set when stored).
  int64_t sequence = 0;
  std::string prev_hash;  // 32 raw bytes
  std::string hash;       // 32 raw bytes
  absl::Time append_time;
};

struct Checkpoint {
  int64_t sequence = 0;
  std::string head_hash;  // 32 raw bytes
  absl::Time time;
  std::string key_id;
  std::string signature;  // 64 raw bytes (Ed25519)
};

// Numeric values match huinong.audit.v1.ChainProblem.
enum class ChainProblem {
  kNone = 0,
  kHashMismatch = 1,
  kPrevHashMismatch = 2,
  kSequenceGap = 3,
  kCheckpointMismatch = 4,
  kBadSignature = 5,
};

struct ChainFault {
  int64_t sequence;
  ChainProblem problem;
};

std::string ZeroHash();
// "2024-05-01T08:30:00.123456Z": RFC 3339, UTC, exactly six fractional digits.
std::string CanonicalTime(absl::Time t);
// Drops sub-microsecond digits, so what is stored is what is hashed.
absl::Time TruncateToMicros(absl::Time t);

std::string CanonicalBytes(const Event& event);
std::string ChainHash(absl::string_view prev_hash, const Event& event);
std::string CheckpointBytes(const Checkpoint& checkpoint);

// Feeds stored events in ascending sequence order; stops at the first fault.
class ChainVerifier {
 public:
  // `first_sequence` is where checking starts; `prev_hash` is the hash the
  // first event must link to (ZeroHash() for sequence 1).
  ChainVerifier(int64_t first_sequence, std::string prev_hash);

  // Returns the fault of this event, if any; after a fault further events are ignored.
  std::optional<ChainFault> Feed(const Event& stored);
  // Checks a checkpoint whose sequence has already been fed; `event_hash` is
  // the stored hash at that sequence.
  std::optional<ChainFault> FeedCheckpoint(const Checkpoint& checkpoint,
                                           absl::string_view event_hash,
                                           absl::string_view public_key);

  std::optional<ChainFault> fault() const { return fault_; }
  int64_t checked() const { return checked_; }
  int64_t next_sequence() const { return next_sequence_; }
  // The last verified hash (the head of what was checked).
  const std::string& head_hash() const { return prev_hash_; }

 private:
  int64_t next_sequence_;
  std::string prev_hash_;
  int64_t checked_ = 0;
  std::optional<ChainFault> fault_;
};

}  // namespace huinong::audit
