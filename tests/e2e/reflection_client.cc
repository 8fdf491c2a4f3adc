#include "tests/e2e/reflection_client.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/e2e/unary_call.h"

namespace huinong::e2e {
namespace {

namespace pb = google::protobuf;
namespace refl = grpc::reflection::v1alpha;

// Keeps the first error of a BuildFile, for the status.
class FirstError : public pb::DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string& filename, const std::string& element_name, const pb::Message*,
                ErrorLocation, const std::string& message) override {
    if (first_.empty()) first_ = absl::StrCat(filename, ": ", element_name, ": ", message);
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

}  // namespace

ReflectionClient::ReflectionClient(std::shared_ptr<grpc::Channel> channel, Headers headers)
    : channel_(std::move(channel)), headers_(std::move(headers)) {}

std::unique_ptr<grpc::ClientContext> ReflectionClient::Context(const Headers& extra) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  for (const auto& [key, value] : headers_) ctx->AddMetadata(key, value);
  for (const auto& [key, value] : extra) ctx->AddMetadata(key, value);
  return ctx;
}

absl::StatusOr<refl::ServerReflectionResponse> ReflectionClient::Ask(
    const refl::ServerReflectionRequest& request) {
  auto ctx = Context({});
  auto stub = refl::ServerReflection::NewStub(channel_);
  auto stream = stub->ServerReflectionInfo(ctx.get());
  refl::ServerReflectionResponse response;
  const bool written = stream->Write(request);
  stream->WritesDone();
  const bool answered = written && stream->Read(&response);
  grpc::Status status = stream->Finish();
  if (!status.ok()) return rpc::FromGrpcStatus(status);
  if (!answered) return absl::UnavailableError("server reflection ended the stream without an answer");
  if (response.has_error_response()) {
    return absl::Status(static_cast<absl::StatusCode>(response.error_response().error_code()),
                        response.error_response().error_message());
  }
  return response;
}

absl::StatusOr<std::vector<std::string>> ReflectionClient::ListServices() {
  refl::ServerReflectionRequest request;
  request.set_list_services("");
  auto response = Ask(request);
  if (!response.ok()) return response.status();
  std::vector<std::string> names;
  for (const auto& service : response->list_services_response().service()) names.push_back(service.name());
  return names;
}

absl::StatusOr<std::vector<std::string>> ReflectionClient::Keep(const refl::ServerReflectionResponse& response) {
  std::vector<std::string> names;
  for (const std::string& bytes : response.file_descriptor_response().file_descriptor_proto()) {
    pb::FileDescriptorProto file;
    if (!file.ParseFromString(bytes)) return absl::DataLossError("unparsable FileDescriptorProto");
    names.push_back(file.name());
    received_.emplace(file.name(), std::move(file));
  }
  return names;
}

absl::Status ReflectionClient::Build(const std::string& name) {
  if (pool_.FindFileByName(name) != nullptr) return absl::OkStatus();
  if (!building_.insert(name).second) return absl::FailedPreconditionError("import cycle at " + name);
  if (!received_.contains(name)) {
    refl::ServerReflectionRequest request;
    request.set_file_by_filename(name);
    auto response = Ask(request);
    if (!response.ok()) return response.status();
    if (auto kept = Keep(*response); !kept.ok()) return kept.status();
    if (!received_.contains(name)) return absl::NotFoundError("server did not send " + name);
  }
  const pb::FileDescriptorProto& file = received_.at(name);
  for (const std::string& import : file.dependency()) {
    if (absl::Status built = Build(import); !built.ok()) return built;
  }
  FirstError errors;
  if (pool_.BuildFileCollectingErrors(file, &errors) == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("cannot build ", name, ": ", errors.first()));
  }
  building_.erase(name);
  return absl::OkStatus();
}

absl::StatusOr<const pb::ServiceDescriptor*> ReflectionClient::DescribeService(const std::string& full_name) {
  refl::ServerReflectionRequest request;
  request.set_file_containing_symbol(full_name);
  auto response = Ask(request);
  if (!response.ok()) return response.status();
  auto kept = Keep(*response);
  if (!kept.ok()) return kept.status();
  // The first file is the one that declares the symbol; the rest are imports
  // the server chose to send along (Build asks by name for any it did not).
  if (kept->empty()) return absl::NotFoundError("no file declares " + full_name);
  if (absl::Status built = Build(kept->front()); !built.ok()) return built;
  const pb::ServiceDescriptor* service = pool_.FindServiceByName(full_name);
  if (service == nullptr) return absl::NotFoundError(absl::StrCat(kept->front(), " does not declare ", full_name));
  return service;
}

absl::StatusOr<const pb::MethodDescriptor*> ReflectionClient::DescribeMethod(const std::string& service,
                                                                             const std::string& name) {
  auto described = DescribeService(service);
  if (!described.ok()) return described.status();
  const pb::MethodDescriptor* method = (*described)->FindMethodByName(name);
  if (method == nullptr) return absl::NotFoundError(absl::StrCat(service, " has no method ", name));
  return method;
}

std::unique_ptr<pb::Message> ReflectionClient::NewMessage(const pb::Descriptor& type) {
  return std::unique_ptr<pb::Message>(factory_.GetPrototype(&type)->New());
}

absl::StatusOr<std::unique_ptr<pb::Message>> ReflectionClient::Call(const pb::MethodDescriptor& method,
                                                                     const pb::Message& request,
                                                                     const Headers& extra) {
  if (request.GetDescriptor() != method.input_type()) {
    return absl::InvalidArgumentError(absl::StrCat(method.full_name(), " takes ", method.input_type()->full_name(),
                                                   ", not ", request.GetDescriptor()->full_name()));
  }
  auto ctx = Context(extra);
  auto bytes = CallUnary(channel_, *ctx, absl::StrCat("/", method.service()->full_name(), "/", method.name()),
                         request.SerializeAsString());
  if (!bytes.ok()) return bytes.status();
  auto response = NewMessage(*method.output_type());
  if (!response->ParseFromString(*bytes)) {
    return absl::DataLossError(absl::StrCat("cannot parse the answer as ", method.output_type()->full_name()));
  }
  return response;
}

}  // namespace huinong::e2e
