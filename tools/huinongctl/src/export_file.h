// The file `audit export` writes and `audit verify-export` reads: JSON lines,
// one huinong.audit.v1.ExportEventsResponse per line in stream order (the
// header, then events in sequence order, each checkpoint right after the
// event at its sequence), in proto JSON with the proto field names, so bytes
// fields are base64 and 64-bit numbers are strings. Nothing else is added:
// the file is the stream, and any proto JSON reader can check it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "huinong/audit/v1/audit.pb.h"

namespace huinong::ctl {

// One line, without the trailing newline.
absl::StatusOr<std::string> ExportLine(const audit::v1::ExportEventsResponse& message);
// INVALID_ARGUMENT when the text is not that message in proto JSON (unknown
// fields included: a field we do not know is one we would not verify).
absl::StatusOr<audit::v1::ExportEventsResponse> ParseExportLine(std::string_view line);

// Counts what an export stream carried, for the summary `audit export`
// prints on stderr.
class ExportTally {
 public:
  void Add(const audit::v1::ExportEventsResponse& message);

  int64_t events() const { return events_; }
  int64_t checkpoints() const { return checkpoints_; }
  int64_t last_event() const { return last_event_; }           // 0: none
  int64_t last_checkpoint() const { return last_checkpoint_; }  // 0: none

  // "exported 5 events (sequences 1–5), 2 checkpoints (last at sequence 5)"
  // plus, when events follow the last checkpoint, a line saying they are
  // covered by no signature.
  std::string Summary() const;

 private:
  bool have_header_ = false;
  int64_t header_start_ = 0;
  int64_t header_end_ = 0;
  int64_t events_ = 0;
  int64_t checkpoints_ = 0;
  int64_t first_event_ = 0;
  int64_t last_event_ = 0;
  int64_t last_checkpoint_ = 0;
};

}  // namespace huinong::ctl
