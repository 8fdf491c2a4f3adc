// AuditService calls; see audit_client.h.
#include "tools/huinongctl/src/audit_client.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/org_client.h"

namespace huinong::ctl {

namespace v1 = ::huinong::audit::v1;

AuditClient::AuditClient(const Connection& connection)
    : connection_(connection),
      stub_(connection.status().ok() ? v1::AuditService::NewStub(connection.channel()) : nullptr) {}

absl::StatusOr<v1::SearchEventsResponse> AuditClient::SearchEvents(
    const v1::SearchEventsRequest& request) const {
  RETURN_IF_ERROR(connection_.status());
  grpc::ClientContext context;
  connection_.Prepare(context);
  v1::SearchEventsResponse response;
  const grpc::Status status = stub_->SearchEvents(&context, request, &response);
  if (!status.ok()) return rpc::FromGrpcStatus(status);
  return response;
}

absl::StatusOr<std::vector<v1::Event>> AuditClient::SearchAllEvents(v1::SearchEventsRequest request) const {
  if (request.page_size() == 0) request.set_page_size(kFullPage);
  std::vector<v1::Event> events;
  while (true) {
    ASSIGN_OR_RETURN(v1::SearchEventsResponse page, SearchEvents(request));
    for (v1::Event& event : *page.mutable_events()) events.push_back(std::move(event));
    if (page.next_page_token().empty()) break;
    if (page.next_page_token() == request.page_token()) {
      return absl::InternalError("SearchEvents returned the same page token twice");
    }
    request.set_page_token(page.next_page_token());
  }
  return events;
}

absl::StatusOr<v1::VerifyChainResponse> AuditClient::VerifyChain(const v1::VerifyChainRequest& request) const {
  RETURN_IF_ERROR(connection_.status());
  grpc::ClientContext context;
  connection_.Prepare(context);
  v1::VerifyChainResponse response;
  const grpc::Status status = stub_->VerifyChain(&context, request, &response);
  if (!status.ok()) return rpc::FromGrpcStatus(status);
  return response;
}

absl::StatusOr<ChainReport> AuditClient::VerifyRange(int64_t start, int64_t end, int64_t batch) const {
  ChainReport report;
  v1::VerifyChainRequest request;
  request.set_start_sequence(start);
  request.set_end_sequence(end);
  request.set_max_events(batch);
  while (true) {
    ASSIGN_OR_RETURN(const v1::VerifyChainResponse response, VerifyChain(request));
    if (report.calls++ == 0) report.start_sequence = response.start_sequence();
    report.end_sequence = response.end_sequence();
    report.checked_count += response.checked_count();
    report.checkpoints_checked += response.checkpoints_checked();
    if (!response.ok()) {
      report.ok = false;
      report.first_bad_sequence = response.first_bad_sequence();
      report.problem = response.problem();
      return report;
    }
    report.end_hash = response.end_hash();
    if (response.next_start_sequence() == 0) return report;
    // Each call must move forward, or a confused server would loop us forever.
    if (response.next_start_sequence() <= request.start_sequence()) {
      return absl::InternalError(absl::StrCat("VerifyChain did not advance: asked from ",
                                              request.start_sequence(), ", told to continue from ",
                                              response.next_start_sequence()));
    }
    request.set_start_sequence(response.next_start_sequence());
  }
}

absl::Status AuditClient::ExportEvents(
    const v1::ExportEventsRequest& request, absl::Duration deadline,
    const std::function<absl::Status(const v1::ExportEventsResponse&)>& sink) const {
  RETURN_IF_ERROR(connection_.status());
  grpc::ClientContext context;
  connection_.Prepare(context, deadline);
  std::unique_ptr<grpc::ClientReader<v1::ExportEventsResponse>> reader =
      stub_->ExportEvents(&context, request);
  v1::ExportEventsResponse message;
  absl::Status sink_status;
  while (reader->Read(&message)) {
    sink_status = sink(message);
    if (!sink_status.ok()) {
      context.TryCancel();
      break;
    }
  }
  const grpc::Status status = reader->Finish();
  if (!sink_status.ok()) return sink_status;
  if (!status.ok()) return rpc::FromGrpcStatus(status);
  return absl::OkStatus();
}

}  // namespace huinong::ctl
