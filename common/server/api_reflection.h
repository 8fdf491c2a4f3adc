// Server reflection (grpc.reflection.v1alpha, what grpcurl, Postman and the
// end-to-end reflection client speak) for the whole Huinong API, served by
// every service in place of gRPC's own reflection plugin.
//
// Why: the gateway routes reflection to one backend, and gRPC's plugin lists
// only the services registered in the process it runs in, so a client of the
// gateway saw svc-org's services alone unless it sent x-huinong-backend. Every
// Huinong proto is compiled into huinong_protos, a shared library loaded whole
// by every service, so each process can describe the whole API.
//
// Guarantees: list_services names every service declared in a huinong.*
// package, plus grpc.health.v1.Health and this reflection service — the same
// list from every service and every replica; file_by_filename,
// file_containing_symbol, file_containing_extension and
// all_extension_numbers_of_type answer from protobuf's generated pool, a file
// always with the files it imports that this stream has not been sent yet;
// anything unknown is an error_response NOT_FOUND on the stream, which stays
// open. Calling a listed method still goes by its path (the gateway routes it
// to its own backend); a backend reached directly answers UNIMPLEMENTED for
// another backend's service.
#pragma once

#include <string>
#include <vector>

#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace huinong::server {

class ApiReflectionService final : public grpc::reflection::v1alpha::ServerReflection::Service {
 public:
  ApiReflectionService();

  grpc::Status ServerReflectionInfo(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<grpc::reflection::v1alpha::ServerReflectionResponse,
                               grpc::reflection::v1alpha::ServerReflectionRequest>* stream) override;

  // The full names list_services answers with, sorted.
  const std::vector<std::string>& services() const { return services_; }

 private:
  std::vector<std::string> services_;
};

}  // namespace huinong::server
