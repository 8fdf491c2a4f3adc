// See org_call.h.
#include "common/org_directory/org_call.h"

#include <chrono>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/call_deadline.h"
#include "common/rpc/errors.h"

namespace huinong::org_directory {

absl::Status CallOrg(const TokenSource& token, absl::Duration deadline, absl::string_view what,
                     const std::function<grpc::Status(grpc::ClientContext&)>& call) {
  absl::StatusOr<std::string> bearer = token();
  if (!bearer.ok()) {
    return absl::Status(bearer.status().code(), absl::StrCat("service token: ", bearer.status().message()));
  }
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", absl::StrCat("Bearer ", *bearer));
  ctx.set_deadline(absl::ToChronoTime(std::min(absl::Now() + deadline, CurrentCallDeadline())));
  const grpc::Status status = call(ctx);
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return absl::OkStatus();
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return rpc::WithReason(
          absl::UnavailableError(absl::StrCat("svc-org cannot answer ", what, ": ", status.error_message())),
          "ORG_UNAVAILABLE");
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      // The caller did nothing wrong: this service's own account was refused.
      return absl::InternalError(absl::StrCat("svc-org refused this service's token: ", status.error_message()));
    default:
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          absl::StrCat("svc-org: ", status.error_message()));
  }
}

}  // namespace huinong::org_directory
