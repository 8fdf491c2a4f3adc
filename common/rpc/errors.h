// The error model. Inside a service every failure is an absl::Status; rich
// details (which fields were wrong, a machine-readable reason) ride along as
// payloads keyed by their google.rpc type URL. At the gRPC edge ToGrpcStatus
// turns the status into a grpc::Status whose binary details are a
// google.rpc.Status — sent by gRPC as the `grpc-status-details-bin` trailer,
// which any gRPC client's standard decoder reads. INTERNAL and UNKNOWN
// messages never leave the service: the edge logs them and sends a generic one.
#pragma once

#include <grpcpp/support/status.h>

#include "common/rpc/status_details.h"

namespace huinong::rpc {

// The edge: absl::Status -> grpc::Status with google.rpc.Status details.
grpc::Status ToGrpcStatus(const absl::Status& status);
// A client's view: grpc::Status (with details, if any) -> absl::Status with payloads.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace huinong::rpc
