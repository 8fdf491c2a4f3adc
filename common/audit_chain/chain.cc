#include "common/audit_chain/chain.h"

#include "absl/strings/str_cat.h"
#include "common/audit_chain/signature.h"
#include "common/core/sha256.h"
#include "common/core/utc_text.h"

namespace huinong::audit {
namespace {

// Every field is written as a 4-byte big-endian length and its bytes.
void AppendLength(std::string& out, size_t size) {
  const uint32_t n = static_cast<uint32_t>(size);
  const char bytes[4] = {static_cast<char>((n >> 24) & 0xFF), static_cast<char>((n >> 16) & 0xFF),
                         static_cast<char>((n >> 8) & 0xFF), static_cast<char>(n & 0xFF)};
  out.append(bytes, 4);
}

void AppendField(std::string& out, absl::string_view field) {
  AppendLength(out, field.size());
  out.append(field.data(), field.size());
}

// The roles joined with ",", written in place (no joined copy).
void AppendRoles(std::string& out, const std::vector<std::string>& roles) {
  size_t size = roles.empty() ? 0 : roles.size() - 1;
  for (const std::string& role : roles) size += role.size();
  AppendLength(out, size);
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(roles[i]);
  }
}

// Writes CanonicalTime(t) into `out` (27 bytes) for every time the store can
// hold (years 1000-9999); false leaves the rest to absl.
bool FormatCanonicalTime(absl::Time t, char out[kUtcTextSize + 1]) {
  if (!FormatUtcMicros(t, 'T', out)) return false;
  out[kUtcTextSize] = 'Z';
  return true;
}

void AppendTime(std::string& out, absl::Time t) {
  char text[kUtcTextSize + 1];
  if (FormatCanonicalTime(t, text)) {
    AppendField(out, absl::string_view(text, sizeof(text)));
  } else {
    AppendField(out, CanonicalTime(t));
  }
}

void AppendCanonicalBytes(std::string& out, const Event& e) {
  AppendField(out, "huinong.audit.v1.event");
  AppendField(out, absl::AlphaNum(e.sequence).Piece());
  AppendField(out, e.event_id);
  AppendTime(out, e.time);
  AppendField(out, e.service);
  AppendField(out, e.actor_subject);
  AppendField(out, e.actor_unit);
  AppendRoles(out, e.actor_roles);
  AppendField(out, e.action);
  AppendField(out, e.resource_type);
  AppendField(out, e.resource_id);
  AppendField(out, e.resource_unit);
  AppendField(out, e.request_id);
  AppendField(out, e.before_json);
  AppendField(out, e.after_json);
}

}  // namespace

std::string ZeroHash() { return std::string(32, '\0'); }

absl::Time TruncateToMicros(absl::Time t) {
  return absl::FromUnixMicros(absl::ToUnixMicros(t));
}

std::string CanonicalTime(absl::Time t) {
  char text[kUtcTextSize + 1];
  if (FormatCanonicalTime(t, text)) return std::string(text, sizeof(text));
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", TruncateToMicros(t), absl::UTCTimeZone());
}

std::string CanonicalBytes(const Event& e) {
  std::string out;
  out.reserve(256 + e.before_json.size() + e.after_json.size());
  AppendCanonicalBytes(out, e);
  return out;
}

std::string ChainHash(absl::string_view prev_hash, const Event& event) {
  // One buffer per thread, grown once: hashing allocates nothing but the
  // 32-byte result.
  thread_local std::string buffer;
  buffer.clear();
  buffer.append(prev_hash.data(), prev_hash.size());
  AppendCanonicalBytes(buffer, event);
  return Sha256(std::string_view(buffer));
}

std::string CheckpointBytes(const Checkpoint& c) {
  std::string out;
  AppendField(out, "huinong.audit.v1.checkpoint");
  AppendField(out, absl::AlphaNum(c.sequence).Piece());
  AppendField(out, HexEncode(c.head_hash));
  AppendTime(out, c.time);
  AppendField(out, c.key_id);
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
