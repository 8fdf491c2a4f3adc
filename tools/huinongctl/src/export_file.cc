// Export JSON lines; see export_file.h.
#include "tools/huinongctl/src/export_file.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/string_views.h"
#include "google/protobuf/util/json_util.h"
#include "tools/huinongctl/src/audit_format.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

namespace v1 = ::huinong::audit::v1;

absl::StatusOr<std::string> ExportLine(const v1::ExportEventsResponse& message) {
  return MessageJson(message);
}

absl::StatusOr<v1::ExportEventsResponse> ParseExportLine(std::string_view line) {
  v1::ExportEventsResponse message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(line.data(), line.size()), &message, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not an ExportEventsResponse in proto JSON: ", status.message().as_string()));
  }
  return message;
}

void ExportTally::Add(const v1::ExportEventsResponse& message) {
  switch (message.item_case()) {
    case v1::ExportEventsResponse::kHeader:
      have_header_ = true;
      header_start_ = message.header().start_sequence();
      header_end_ = message.header().end_sequence();
      break;
    case v1::ExportEventsResponse::kEvent:
      if (events_++ == 0) first_event_ = message.event().sequence();
      last_event_ = message.event().sequence();
      break;
    case v1::ExportEventsResponse::kCheckpoint:
      ++checkpoints_;
      last_checkpoint_ = message.checkpoint().sequence();
      break;
    case v1::ExportEventsResponse::ITEM_NOT_SET:
      break;
  }
}

std::string ExportTally::Summary() const {
  std::string out = absl::StrCat(
      "exported ", events_, " events",
      events_ == 0 ? "" : absl::StrCat(" (sequences ", SequenceRange(first_event_, last_event_), ")"), ", ",
      checkpoints_, " checkpoints",
      checkpoints_ == 0 ? "" : absl::StrCat(" (last at sequence ", last_checkpoint_, ")"));
  if (have_header_) absl::StrAppend(&out, "; header range ", SequenceRange(header_start_, header_end_));
  out += "\n";
  if (events_ > 0 && last_checkpoint_ < last_event_) {
    absl::StrAppend(&out, "warning: events ",
                    SequenceRange(std::max(last_checkpoint_ + 1, first_event_), last_event_),
                    " are covered by no signed checkpoint yet\n");
  }
  return out;
}

}  // namespace huinong::ctl
