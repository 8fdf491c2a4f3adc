// See fake_canned.h.
#include "tools/huinongctl/tests/fake_canned.h"

#include "gtest/gtest.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"

namespace huinong::ctl::testing {

namespace pb = ::google::protobuf;

namespace {

std::string KeyOf(const pb::MethodDescriptor& method) {
  return absl::StrCat(method.service()->name(), "/", method.name());
}

// One unary call over the generic (byte) interface: read the request,
// answer it, finish.
class UnaryReactor final : public grpc::ServerGenericBidiReactor {
 public:
  UnaryReactor(CannedServices* services, std::string path) : services_(services), path_(std::move(path)) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "no request message"));
      return;
    }
    std::vector<grpc::Slice> slices;
    std::string request;
    if (request_.Dump(&slices).ok()) {
      for (const grpc::Slice& s : slices) request.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    std::string response;
    const grpc::Status status = services_->Serve(path_, request, &response);
    if (!status.ok()) {
      Finish(status);
      return;
    }
    grpc::Slice slice(response);
    response_ = grpc::ByteBuffer(&slice, 1);
    StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
  }

  void OnDone() override { delete this; }

 private:
  CannedServices* const services_;
  const std::string path_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
};

}  // namespace

CannedServices::CannedServices(std::vector<const pb::ServiceDescriptor*> services)
    : services_(std::move(services)) {}

grpc::ServerGenericBidiReactor* CannedServices::CreateReactor(grpc::GenericCallbackServerContext* ctx) {
  return new UnaryReactor(this, ctx->method());
}

grpc::Status CannedServices::Serve(const std::string& path, const std::string& request, std::string* response) {
  // "/huinong.loans.v1.SubsidyService/ApplyForSubsidy"
  const size_t slash = path.rfind('/');
  const std::string service_name = path.substr(1, slash == std::string::npos ? 0 : slash - 1);
  const pb::MethodDescriptor* method = nullptr;
  for (const pb::ServiceDescriptor* service : services_) {
    if (service->full_name() == service_name) method = service->FindMethodByName(path.substr(slash + 1));
  }
  if (method == nullptr) return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, path);
  absl::MutexLock lock(&mu_);
  calls_.emplace_back(KeyOf(*method), request);
  const auto it = answers_.find(KeyOf(*method));
  if (it == answers_.end()) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "the test set no answer for " + KeyOf(*method));
  }
  if (!it->second.status.ok()) return rpc::ToGrpcStatus(it->second.status);
  *response = it->second.response;
  return grpc::Status::OK;
}

const pb::MethodDescriptor* CannedServices::MethodOf(const pb::Descriptor* request) const {
  for (const pb::ServiceDescriptor* service : services_) {
    for (int i = 0; i < service->method_count(); ++i) {
      if (service->method(i)->input_type() == request) return service->method(i);
    }
  }
  ADD_FAILURE() << "no canned service has a method taking " << request->full_name();
  return nullptr;
}

void CannedServices::Set(const pb::Descriptor* request, const pb::Message* response, absl::Status status) {
  const pb::MethodDescriptor* method = MethodOf(request);
  if (method == nullptr) return;
  Canned canned;
  canned.status = std::move(status);
  if (response != nullptr) {
    if (response->GetDescriptor() != method->output_type()) {
      ADD_FAILURE() << KeyOf(*method) << " returns " << method->output_type()->full_name() << ", not "
                    << response->GetDescriptor()->full_name();
      return;
    }
    canned.response = response->SerializeAsString();
  }
  absl::MutexLock lock(&mu_);
  answers_[KeyOf(*method)] = std::move(canned);
}

std::optional<std::string> CannedServices::LastBytes(const pb::Descriptor* request) const {
  const pb::MethodDescriptor* method = MethodOf(request);
  if (method == nullptr) return std::nullopt;
  absl::MutexLock lock(&mu_);
  for (auto it = calls_.rbegin(); it != calls_.rend(); ++it) {
    if (it->first == KeyOf(*method)) return it->second;
  }
  return std::nullopt;
}

std::vector<std::string> CannedServices::Calls() const {
  absl::MutexLock lock(&mu_);
  std::vector<std::string> methods;
  for (const auto& [method, request] : calls_) methods.push_back(method);
  return methods;
}

}  // namespace huinong::ctl::testing
