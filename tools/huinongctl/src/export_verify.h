// `audit verify-export`'s offline check of an export file (export_file.h),
// with nothing but the file and, optionally, the public key the auditor
// trusts. It uses svc-audit's own chain code (ChainVerifier, CheckpointBytes,
// VerifySignature, KeyId), so it hashes exactly what the server hashes.
//
// An export is accepted only when: the first line is a header of format
// "huinong.audit.v1"; every event links to the one before, starting from the
// header's anchor_prev_hash (32 zero bytes from sequence 1), and hashes to its
// stored hash; the events are exactly the header's start..end, none missing
// or repeated; every checkpoint follows the event at its sequence, names that
// event's hash, and carries a valid Ed25519 signature by a trusted key — the
// header's keys (each checked against its key id), or with a pinned key that
// key alone. The first fault found is reported and nothing after it.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace huinong::ctl {

struct ExportFault {
  int64_t sequence = 0;  // 0 when the fault is in the file's structure
  int64_t line = 0;      // 1-based line of the file where it was found
  std::string problem;
};

struct ExportVerdict {
  int64_t start_sequence = 0;  // from the header
  int64_t end_sequence = 0;
  int64_t events = 0;
  int64_t checkpoints = 0;
  int64_t last_checkpoint = 0;  // sequence of the last signed checkpoint; 0: none
  std::vector<std::string> key_ids;  // the keys signatures were checked with
  bool key_pinned = false;
  std::optional<ExportFault> fault;
  // True things worth saying even when the export verifies (events after the
  // last checkpoint, a key taken on the file's word).
  std::vector<std::string> warnings;

  bool ok() const { return !fault.has_value(); }
  // "export verified: N events, K checkpoints, last signed checkpoint at
  // sequence S" or "export BROKEN at sequence S: <problem>" ("at line N"
  // when the fault has no sequence).
  std::string Text() const;
};

// `pinned_public_key`: the raw 32-byte Ed25519 key the auditor trusts.
ExportVerdict VerifyExport(std::istream& lines, const std::optional<std::string>& pinned_public_key);

// 64 hex characters -> 32 raw bytes; INVALID_ARGUMENT otherwise.
absl::StatusOr<std::string> ParsePublicKeyHex(std::string_view hex);

}  // namespace huinong::ctl
