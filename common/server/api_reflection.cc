#include "common/server/api_reflection.h"

#include <algorithm>
#include <set>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace huinong::server {
namespace {

namespace pb = google::protobuf;
namespace rf = grpc::reflection::v1alpha;

const pb::DescriptorPool& Pool() { return *pb::DescriptorPool::generated_pool(); }

// The answers of one stream: a file once, its imports before it.
class Answer {
 public:
  explicit Answer(std::set<std::string>& sent) : sent_(sent) {}

  void AddFile(const pb::FileDescriptor& file, rf::FileDescriptorResponse& out) {
    if (!sent_.insert(file.name()).second) return;
    pb::FileDescriptorProto proto;
    file.CopyTo(&proto);
    out.add_file_descriptor_proto(proto.SerializeAsString());
    for (int i = 0; i < file.dependency_count(); ++i) AddFile(*file.dependency(i), out);
  }

 private:
  std::set<std::string>& sent_;
};

void NotFound(rf::ServerReflectionResponse& response, const std::string& message) {
  response.mutable_error_response()->set_error_code(static_cast<int>(grpc::StatusCode::NOT_FOUND));
  response.mutable_error_response()->set_error_message(message);
}

}  // namespace

ApiReflectionService::ApiReflectionService() {
  std::vector<std::string> files;
  pb::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  for (const std::string& name : files) {
    if (!absl::StartsWith(name, "huinong/")) continue;
    const pb::FileDescriptor* file = Pool().FindFileByName(name);
    if (file == nullptr) continue;
    for (int i = 0; i < file->service_count(); ++i) services_.push_back(file->service(i)->full_name());
  }
  services_.push_back("grpc.health.v1.Health");
  services_.push_back(rf::ServerReflection::service_full_name());
  std::sort(services_.begin(), services_.end());
}

grpc::Status ApiReflectionService::ServerReflectionInfo(
    grpc::ServerContext* /*context*/,
    grpc::ServerReaderWriter<rf::ServerReflectionResponse, rf::ServerReflectionRequest>* stream) {
  std::set<std::string> sent;  // files this stream has been sent
  rf::ServerReflectionRequest request;
  while (stream->Read(&request)) {
    rf::ServerReflectionResponse response;
    response.set_valid_host(request.host());
    *response.mutable_original_request() = request;
    Answer answer(sent);
    switch (request.message_request_case()) {
      case rf::ServerReflectionRequest::kListServices:
        for (const std::string& name : services_) {
          response.mutable_list_services_response()->add_service()->set_name(name);
        }
        break;
      case rf::ServerReflectionRequest::kFileByFilename: {
        const pb::FileDescriptor* file = Pool().FindFileByName(request.file_by_filename());
        if (file == nullptr) {
          NotFound(response, absl::StrCat("file not found: ", request.file_by_filename()));
        } else {
          answer.AddFile(*file, *response.mutable_file_descriptor_response());
        }
        break;
      }
      case rf::ServerReflectionRequest::kFileContainingSymbol: {
        const pb::FileDescriptor* file = Pool().FindFileContainingSymbol(request.file_containing_symbol());
        if (file == nullptr) {
          NotFound(response, absl::StrCat("symbol not found: ", request.file_containing_symbol()));
        } else {
          answer.AddFile(*file, *response.mutable_file_descriptor_response());
        }
        break;
      }
      case rf::ServerReflectionRequest::kFileContainingExtension: {
        const rf::ExtensionRequest& asked = request.file_containing_extension();
        const pb::Descriptor* type = Pool().FindMessageTypeByName(asked.containing_type());
        const pb::FieldDescriptor* extension =
            type == nullptr ? nullptr : Pool().FindExtensionByNumber(type, asked.extension_number());
        if (extension == nullptr) {
          NotFound(response, absl::StrCat("extension not found: ", asked.containing_type(), " ",
                                          asked.extension_number()));
        } else {
          answer.AddFile(*extension->file(), *response.mutable_file_descriptor_response());
        }
        break;
      }
      case rf::ServerReflectionRequest::kAllExtensionNumbersOfType: {
        const pb::Descriptor* type = Pool().FindMessageTypeByName(request.all_extension_numbers_of_type());
        if (type == nullptr) {
          NotFound(response, absl::StrCat("type not found: ", request.all_extension_numbers_of_type()));
        } else {
          std::vector<const pb::FieldDescriptor*> extensions;
          Pool().FindAllExtensions(type, &extensions);
          auto* numbers = response.mutable_all_extension_numbers_response();
          numbers->set_base_type_name(type->full_name());
          for (const pb::FieldDescriptor* extension : extensions) numbers->add_extension_number(extension->number());
        }
        break;
      }
      default:
        response.mutable_error_response()->set_error_code(static_cast<int>(grpc::StatusCode::UNIMPLEMENTED));
        response.mutable_error_response()->set_error_message("unknown reflection request");
        break;
    }
    if (!stream->Write(response)) break;
  }
  return grpc::Status::OK;
}

}  // namespace huinong::server
