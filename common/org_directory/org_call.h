// One call from another service to svc-org, the same way every time: the
// calling service's own bearer token, a deadline (the configured one, or
// sooner when the call being served must be answered sooner:
// CurrentCallDeadline), and svc-org's answer
// mapped so that a caller of the other service is never blamed for svc-org:
// - svc-org unreachable, late or overloaded: UNAVAILABLE / ORG_UNAVAILABLE
//   (never read as "no" and never cached by the readers in this folder);
// - this service's own token refused: INTERNAL;
// - anything else (NOT_FOUND for an unknown unit, INVALID_ARGUMENT) keeps
//   svc-org's code, with "svc-org: " before its message.
#pragma once

#include <functional>
#include <string>

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace huinong::org_directory {

// The bearer token of the calling service's account.
using TokenSource = std::function<absl::StatusOr<std::string>()>;

// Runs `call` with a context carrying the token and the earlier of now +
// `deadline` and the served call's deadline; `what` names the question in
// errors ("whether loans.review is held").
absl::Status CallOrg(const TokenSource& token, absl::Duration deadline, absl::string_view what,
                     const std::function<grpc::Status(grpc::ClientContext&)>& call);

}  // namespace huinong::org_directory
