// The AuditService methods huinongctl reads with: each call prepared by the
// Connection (deadline, token, x-request-id), errors returned as absl::Status
// with the server's details, SearchEvents followed to the last page when a
// command needs every event, VerifyChain continued through next_start_sequence
// until the range is done, and ExportEvents consumed message by message.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "huinong/audit/v1/audit.grpc.pb.h"
#include "tools/huinongctl/src/connection.h"

namespace huinong::ctl {

// What the VerifyChain calls over one range found, summed over the calls.
struct ChainReport {
  bool ok = true;
  int64_t start_sequence = 0;  // of the first call's range
  int64_t end_sequence = 0;    // of the last call's range
  int64_t checked_count = 0;
  int64_t checkpoints_checked = 0;
  int64_t first_bad_sequence = 0;
  audit::v1::ChainProblem problem = audit::v1::CHAIN_PROBLEM_UNSPECIFIED;
  std::string end_hash;  // raw bytes, when ok
  int calls = 0;
};

class AuditClient {
 public:
  explicit AuditClient(const Connection& connection);

  absl::StatusOr<audit::v1::SearchEventsResponse> SearchEvents(
      const audit::v1::SearchEventsRequest& request) const;
  // Every page from `request` (its page_token is the start), in the order
  // the server returns them.
  absl::StatusOr<std::vector<audit::v1::Event>> SearchAllEvents(
      audit::v1::SearchEventsRequest request) const;

  absl::StatusOr<audit::v1::VerifyChainResponse> VerifyChain(
      const audit::v1::VerifyChainRequest& request) const;
  // VerifyChain from `start` to `end` (0: the API's defaults) in calls of at
  // most `batch` events each, stopping at the first bad sequence.
  absl::StatusOr<ChainReport> VerifyRange(int64_t start, int64_t end, int64_t batch) const;

  // Streams the export into `sink`, one message at a time; a sink error
  // cancels the stream and is returned. `deadline` bounds the whole stream.
  absl::Status ExportEvents(
      const audit::v1::ExportEventsRequest& request, absl::Duration deadline,
      const std::function<absl::Status(const audit::v1::ExportEventsResponse&)>& sink) const;

 private:
  const Connection& connection_;
  std::unique_ptr<audit::v1::AuditService::Stub> stub_;
};

// VerifyChain's max_events per call: large enough that a county's chain
// needs few calls, small enough that one call stays well inside a deadline.
inline constexpr int64_t kVerifyBatch = 100000;

}  // namespace huinong::ctl
