// A client that learns a server's API from gRPC server reflection alone
// (grpc.reflection.v1alpha, what gRPC C++ 1.51 serves), as grpcurl or Postman
// do: it lists the services, describes one by fetching the file that declares
// it and, by name, every file that file imports, and calls unary methods with
// messages built from those descriptors by a DynamicMessageFactory.
//
// Guarantees: its descriptor pool has no underlay, so nothing it describes or
// calls comes from the descriptors compiled into this binary — a test that
// passes with it proves a reflection-only client can describe and call the
// service. Messages it returns must not outlive it (they use its pool).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/statusor.h"
#include "grpc/reflection/v1alpha/reflection.pb.h"

namespace huinong::e2e {

class ReflectionClient {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // `headers` go with every call (e.g. x-huinong-backend through the gateway).
  ReflectionClient(std::shared_ptr<grpc::Channel> channel, Headers headers);

  // The full names of the services the server lists.
  absl::StatusOr<std::vector<std::string>> ListServices();

  // The service `full_name` ("huinong.org.v1.UnitService"), described: its
  // methods and their input and output types resolve in pool().
  absl::StatusOr<const google::protobuf::ServiceDescriptor*> DescribeService(const std::string& full_name);

  // The method `name` of the service `service`, described as above.
  absl::StatusOr<const google::protobuf::MethodDescriptor*> DescribeMethod(const std::string& service,
                                                                            const std::string& name);

  // An empty message of a described type.
  std::unique_ptr<google::protobuf::Message> NewMessage(const google::protobuf::Descriptor& type);

  // Calls a described unary method with `request` (of its input type) and
  // `extra` headers (e.g. authorization); the answer is of its output type.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Call(
      const google::protobuf::MethodDescriptor& method, const google::protobuf::Message& request,
      const Headers& extra = {});

  const google::protobuf::DescriptorPool& pool() const { return pool_; }

 private:
  std::unique_ptr<grpc::ClientContext> Context(const Headers& extra) const;
  // One question on its own reflection stream; an error_response becomes the status.
  absl::StatusOr<grpc::reflection::v1alpha::ServerReflectionResponse> Ask(
      const grpc::reflection::v1alpha::ServerReflectionRequest& request);
  // Keeps the FileDescriptorProtos of an answer, by file name; their names in the answer's order.
  absl::StatusOr<std::vector<std::string>> Keep(const grpc::reflection::v1alpha::ServerReflectionResponse& response);
  // Builds the file `name` into pool_ after its imports, asking for any not yet received.
  absl::Status Build(const std::string& name);

  std::shared_ptr<grpc::Channel> channel_;
  Headers headers_;
  std::map<std::string, google::protobuf::FileDescriptorProto> received_;
  std::set<std::string> building_;  // guards against an import cycle from a broken server
  google::protobuf::DescriptorPool pool_;
  google::protobuf::DynamicMessageFactory factory_;  // after pool_: destroyed first
};

}  // namespace huinong::e2e
