// Offline verification of an export file; see export_verify.h.
#include "tools/huinongctl/src/export_verify.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/audit_chain/chain.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/audit_chain/signature.h"
#include "common/core/sha256.h"
#include "huinong/audit/v1/audit.pb.h"
#include "tools/huinongctl/src/audit_format.h"
#include "tools/huinongctl/src/export_file.h"

namespace huinong::ctl {

namespace v1 = ::huinong::audit::v1;

namespace {

constexpr char kFormat[] = "huinong.audit.v1";

// Walks the file's messages in order; the first fault stops it.
class ExportCheck {
 public:
  ExportCheck(ExportVerdict& verdict, const std::optional<std::string>& pinned)
      : verdict_(verdict), pinned_(pinned) {}

  // The file line the next message (or fault) comes from.
  void At(int64_t line) { line_ = line; }

  // False once a fault is recorded.
  bool Take(const v1::ExportEventsResponse& message) {
    if (!chain_.has_value()) return TakeHeader(message);
    switch (message.item_case()) {
      case v1::ExportEventsResponse::kEvent:
        return TakeEvent(message.event());
      case v1::ExportEventsResponse::kCheckpoint:
        return TakeCheckpoint(message.checkpoint());
      case v1::ExportEventsResponse::kHeader:
        return Fail(0, "a second export header");
      case v1::ExportEventsResponse::ITEM_NOT_SET:
        return Fail(0, "a line with neither header, event nor checkpoint");
    }
    return Fail(0, "an unknown kind of export line");
  }

  // After the last line: the events must reach the header's end.
  void Finish() {
    if (!chain_.has_value()) {
      Fail(0, "no export header (the file is empty)");
      return;
    }
    if (chain_->next_sequence() <= verdict_.end_sequence) {
      Fail(chain_->next_sequence(),
           absl::StrCat(ProblemText(audit::ChainProblem::kSequenceGap), ": the file ends after sequence ",
                        chain_->next_sequence() - 1, " but its header promises events through ",
                        verdict_.end_sequence));
    }
  }

  bool Fail(int64_t sequence, std::string problem) {
    verdict_.fault = ExportFault{sequence, line_, std::move(problem)};
    return false;
  }

 private:
  bool TakeHeader(const v1::ExportEventsResponse& message) {
    if (!message.has_header()) return Fail(0, "the first line is not an export header");
    const v1::ExportHeader& header = message.header();
    if (header.format() != kFormat) {
      return Fail(0, absl::StrCat("export format \"", header.format(), "\" is not ", kFormat));
    }
    verdict_.start_sequence = header.start_sequence();
    verdict_.end_sequence = header.end_sequence();
    if (header.start_sequence() < 1 || header.end_sequence() < header.start_sequence() - 1) {
      return Fail(0, absl::StrCat("the header's range ",
                                  SequenceRange(header.start_sequence(), header.end_sequence()),
                                  " is not a range of sequences"));
    }
    if (header.anchor_prev_hash().size() != 32) {
      return Fail(header.start_sequence(), "the header's anchor_prev_hash is not 32 bytes");
    }
    // The chain's first link is fixed by the API; an anchor for sequence 1
    // that is not all zeros would let a rewritten chain verify.
    if (header.start_sequence() == 1 && header.anchor_prev_hash() != audit::ZeroHash()) {
      return Fail(1, "prev_hash mismatch: an export from sequence 1 must be anchored at 32 zero bytes");
    }
    for (const v1::SigningKey& key : header.signing_keys()) {
      if (key.public_key().size() != 32 || audit::KeyId(key.public_key()) != key.key_id()) {
        return Fail(0, absl::StrCat("the header's signing key \"", key.key_id(),
                                    "\" does not match its public key"));
      }
      if (!pinned_.has_value()) keys_[key.key_id()] = key.public_key();
    }
    if (pinned_.has_value()) {
      const std::string pinned_id = audit::KeyId(*pinned_);
      bool listed = header.signing_keys().empty();
      for (const v1::SigningKey& key : header.signing_keys()) listed = listed || key.key_id() == pinned_id;
      if (!listed) {
        std::vector<std::string> ids;
        for (const v1::SigningKey& key : header.signing_keys()) ids.push_back(key.key_id());
        return Fail(0, absl::StrCat("the export is signed by key ", absl::StrJoin(ids, ", "),
                                    ", not by the --public-key given (key ", pinned_id, "): refused"));
      }
      keys_[pinned_id] = *pinned_;
      verdict_.key_pinned = true;
    }
    for (const auto& [id, key] : keys_) verdict_.key_ids.push_back(id);
    chain_.emplace(header.start_sequence(), header.anchor_prev_hash());
    return true;
  }

  bool TakeEvent(const v1::Event& proto) {
    const audit::Event event = audit::DomainEvent(proto);
    if (event.sequence > verdict_.end_sequence) {
      return Fail(event.sequence, absl::StrCat("event beyond the header's range ",
                                               SequenceRange(verdict_.start_sequence, verdict_.end_sequence)));
    }
    if (event.sequence < chain_->next_sequence()) {
      return Fail(event.sequence, "event repeated or out of order");
    }
    if (const std::optional<audit::ChainFault> fault = chain_->Feed(event)) {
      return Fail(fault->sequence, ProblemText(fault->problem));
    }
    ++verdict_.events;
    last_hash_ = event.hash;
    return true;
  }

  bool TakeCheckpoint(const v1::Checkpoint& proto) {
    const audit::Checkpoint checkpoint = audit::DomainCheckpoint(proto);
    // A checkpoint ahead of the events means the event at its sequence is
    // missing: the gap is the fault, at the first missing sequence.
    if (checkpoint.sequence >= chain_->next_sequence()) {
      return Fail(chain_->next_sequence(), ProblemText(audit::ChainProblem::kSequenceGap));
    }
    if (verdict_.events == 0 || checkpoint.sequence != chain_->next_sequence() - 1) {
      return Fail(checkpoint.sequence, "checkpoint out of place: it must follow the event at its sequence");
    }
    const auto key = keys_.find(checkpoint.key_id);
    if (key == keys_.end()) {
      return Fail(checkpoint.sequence,
                  verdict_.key_pinned
                      ? absl::StrCat("checkpoint signed by key ", checkpoint.key_id,
                                     ", not by the --public-key given (key ", verdict_.key_ids.front(),
                                     "): refused")
                      : absl::StrCat("checkpoint signed by key ", checkpoint.key_id,
                                     ", which the export header does not list"));
    }
    if (const std::optional<audit::ChainFault> fault =
            chain_->FeedCheckpoint(checkpoint, last_hash_, key->second)) {
      return Fail(fault->sequence, ProblemText(fault->problem));
    }
    ++verdict_.checkpoints;
    verdict_.last_checkpoint = checkpoint.sequence;
    return true;
  }

  ExportVerdict& verdict_;
  const std::optional<std::string>& pinned_;
  std::optional<audit::ChainVerifier> chain_;  // set by the header
  std::map<std::string, std::string> keys_;    // trusted: key id -> raw public key
  std::string last_hash_;
  int64_t line_ = 0;
};

void AddWarnings(ExportVerdict& verdict) {
  if (!verdict.ok() || verdict.events == 0) return;
  if (verdict.last_checkpoint == 0) {
    verdict.warnings.push_back(
        "no signed checkpoint in the export: the events link up, but no signature vouches for them");
  } else if (verdict.last_checkpoint < verdict.end_sequence) {
    verdict.warnings.push_back(absl::StrCat(
        "events ", SequenceRange(verdict.last_checkpoint + 1, verdict.end_sequence),
        " come after the last signed checkpoint and are covered by no signature"));
  }
  if (!verdict.key_pinned && verdict.checkpoints > 0) {
    verdict.warnings.push_back(absl::StrCat(
        "signatures checked with the key(s) the export itself names (", absl::StrJoin(verdict.key_ids, ", "),
        "); pass --public-key with the key svc-audit publishes to pin it"));
  }
}

}  // namespace

std::string ExportVerdict::Text() const {
  if (fault.has_value()) {
    const std::string where = fault->sequence > 0 ? absl::StrCat("sequence ", fault->sequence)
                                                  : absl::StrCat("line ", fault->line);
    return absl::StrCat("export BROKEN at ", where, ": ", fault->problem);
  }
  return absl::StrCat("export verified: ", events, " events, ", checkpoints, " checkpoints, ",
                      last_checkpoint > 0 ? absl::StrCat("last signed checkpoint at sequence ", last_checkpoint)
                                          : std::string("no signed checkpoint"));
}

ExportVerdict VerifyExport(std::istream& lines, const std::optional<std::string>& pinned_public_key) {
  ExportVerdict verdict;
  ExportCheck check(verdict, pinned_public_key);
  std::string text;
  int64_t line = 0;
  while (std::getline(lines, text)) {
    check.At(++line);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (absl::StripAsciiWhitespace(text).empty()) continue;
    absl::StatusOr<v1::ExportEventsResponse> message = ParseExportLine(text);
    if (!message.ok()) {
      check.Fail(0, std::string(message.status().message()));
      return verdict;
    }
    if (!check.Take(*message)) return verdict;
  }
  if (lines.bad()) {
    check.Fail(0, "the file could not be read to the end");
    return verdict;
  }
  check.At(std::max<int64_t>(line, 1));
  check.Finish();
  AddWarnings(verdict);
  return verdict;
}

absl::StatusOr<std::string> ParsePublicKeyHex(std::string_view hex) {
  const absl::string_view text = absl::StripAsciiWhitespace(absl::string_view(hex.data(), hex.size()));
  if (text.size() != 64) {
    return absl::InvalidArgumentError(
        absl::StrCat("--public-key must be 64 hex characters (a raw 32-byte Ed25519 key), got ",
                     text.size()));
  }
  std::string out;
  out.reserve(32);
  for (size_t i = 0; i < text.size(); i += 2) {
    int byte = 0;
    for (size_t k = i; k < i + 2; ++k) {
      const char c = absl::ascii_tolower(static_cast<unsigned char>(text[k]));
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (digit < 0) return absl::InvalidArgumentError("--public-key is not hexadecimal");
      byte = byte * 16 + digit;
    }
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

}  // namespace huinong::ctl
