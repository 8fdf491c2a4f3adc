#include "svc-audit/src/domain/chain.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/sha256.h"
#include "svc-audit/src/domain/signature.h"

namespace huinong::audit {
namespace {

void Append(std::string& out, absl::string_view field) {
  const uint32_t n = static_cast<uint32_t>(field.size());
  out.push_back(static_cast<char>((n >> 24) & 0xFF));
  out.push_back(static_cast<char>((n >> 16) & 0xFF));
  out.push_back(static_cast<char>((n >> 8) & 0xFF));
  out.push_back(static_cast<char>(n & 0xFF));
  out.append(field.data(), field.size());
}

}  // namespace

std::string ZeroHash() { return std::string(32, '\0'); }

absl::Time TruncateToMicros(absl::Time t) {
  return absl::FromUnixMicros(absl::ToUnixMicros(t));
}

std::string CanonicalTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", TruncateToMicros(t), absl::UTCTimeZone());
}

std::string CanonicalBytes(const Event& e) {
  std::string out;
  out.reserve(256 + e.before_json.size() + e.after_json.size());
  Append(out, "huinong.audit.v1.event");
  Append(out, absl::StrCat(e.sequence));
  Append(out, e.event_id);
  Append(out, CanonicalTime(e.time));
  Append(out, e.service);
  Append(out, e.actor_subject);
  Append(out, e.actor_unit);
  Append(out, absl::StrJoin(e.actor_roles, ","));
  Append(out, e.action);
  Append(out, e.resource_type);
  Append(out, e.resource_id);
  Append(out, e.resource_unit);
  Append(out, e.request_id);
  Append(out, e.before_json);
  Append(out, e.after_json);
  return out;
}

std::string ChainHash(absl::string_view prev_hash, const Event& event) {
  return Sha256(absl::StrCat(prev_hash, CanonicalBytes(event)));
}

std::string CheckpointBytes(const Checkpoint& c) {
  std::string out;
  Append(out, "huinong.audit.v1.checkpoint");
  Append(out, absl::StrCat(c.sequence));
  Append(out, HexEncode(c.head_hash));
  Append(out, CanonicalTime(c.time));
  Append(out, c.key_id);
  return out;
}

ChainVerifier::ChainVerifier(int64_t first_sequence, std::string prev_hash)
    : next_sequence_(first_sequence), prev_hash_(std::move(prev_hash)) {}

std::optional<ChainFault> ChainVerifier::Feed(const Event& stored) {
  if (fault_) return fault_;
  if (stored.sequence != next_sequence_) {
    fault_ = ChainFault{next_sequence_, ChainProblem::kSequenceGap};
  } else if (stored.prev_hash != prev_hash_) {
    fault_ = ChainFault{stored.sequence, ChainProblem::kPrevHashMismatch};
  } else if (ChainHash(stored.prev_hash, stored) != stored.hash) {
    fault_ = ChainFault{stored.sequence, ChainProblem::kHashMismatch};
  } else {
    prev_hash_ = stored.hash;
    ++next_sequence_;
    ++checked_;
  }
  return fault_;
}

std::optional<ChainFault> ChainVerifier::FeedCheckpoint(const Checkpoint& checkpoint,
                                                        absl::string_view event_hash,
                                                        absl::string_view public_key) {
  if (fault_) return fault_;
  if (checkpoint.head_hash != event_hash) {
    fault_ = ChainFault{checkpoint.sequence, ChainProblem::kCheckpointMismatch};
  } else if (!VerifySignature(public_key, CheckpointBytes(checkpoint), checkpoint.signature)) {
    fault_ = ChainFault{checkpoint.sequence, ChainProblem::kBadSignature};
  }
  return fault_;
}

}  // namespace huinong::audit
