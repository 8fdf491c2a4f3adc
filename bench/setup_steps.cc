#include "bench/setup_steps.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"

namespace huinong::bench {
namespace {

absl::Status Annotate(const absl::Status& s, const CallStep& step) {
  if (absl::IsUnimplemented(s)) {
    return absl::UnimplementedError(absl::StrCat(ShortMethod(step.method), " (setup)"));
  }
  return absl::Status(s.code(), absl::StrCat("setup step \"", step.label, "\": ", s.message()));
}

absl::Status RunStep(const CallStep& step, Channels& channels, const std::string& bearer, Variables& vars) {
  ASSIGN_OR_RETURN(MethodInfo method, ResolveMethod(step.method));
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, channels.For(step.service));
  Endpoint endpoint{"", method.path, {{"authorization", bearer}}};
  std::vector<std::string> captured;
  for (int i = 0; i < step.repeat; ++i) {
    const std::string text = absl::StrReplaceAll(step.request, {{"{{i}}", absl::StrCat(i)}});
    ASSIGN_OR_RETURN(std::string expanded, ExpandVariables(text, vars, i));
    ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> request, ParseRequest(*method.input, expanded));
    SubstituteUlid(*request, NewUlid());
    ASSIGN_OR_RETURN(grpc::ByteBuffer bytes,
                     CallOnce(*channel, endpoint, ToByteBuffer(*request), absl::Seconds(30)));
    if (step.capture_var.empty()) continue;
    std::unique_ptr<google::protobuf::Message> response(
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(method.output)->New());
    std::vector<grpc::Slice> slices;
    if (!bytes.Dump(&slices).ok()) return absl::InternalError("cannot read the response");
    std::string raw;
    for (const grpc::Slice& s : slices) raw.append(reinterpret_cast<const char*>(s.begin()), s.size());
    if (!response->ParseFromString(raw)) return absl::InternalError("response does not parse");
    ASSIGN_OR_RETURN(std::string value, StringField(*response, step.capture_field));
    captured.push_back(std::move(value));
  }
  if (!step.capture_var.empty()) vars[step.capture_var] = std::move(captured);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> Channels::Address(const std::string& service) const {
  auto it = addr_.find(service);
  if (it == addr_.end() || it->second.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("no address for service \"", service, "\" (HUINONG_", absl::AsciiStrToUpper(service),
                     "_ADDR; source .run/env)"));
  }
  return it->second;
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> Channels::For(const std::string& service) {
  auto it = open_.find(service);
  if (it != open_.end()) return it->second;
  ASSIGN_OR_RETURN(std::string address, Address(service));
  ASSIGN_OR_RETURN(auto opened, OpenChannels(address, 1, absl::Seconds(5)));
  open_[service] = opened[0];
  return opened[0];
}

absl::Status RunSteps(const std::vector<CallStep>& steps, Channels& channels, const std::string& bearer,
                      Variables& vars) {
  for (const CallStep& step : steps) {
    absl::Status s = RunStep(step, channels, bearer, vars);
    if (!s.ok()) return Annotate(s, step);
  }
  return absl::OkStatus();
}

std::string ShortMethod(const std::string& method) {
  std::string m = method;
  const size_t slash = m.find_last_of("/.");
  if (slash != std::string::npos && m[slash] == '.') m[slash] = '/';  // "pkg.Service.Method"
  const size_t cut = m.rfind('.', m.rfind('/'));
  return cut == std::string::npos ? m : m.substr(cut + 1);
}

std::string WhyNot(const absl::Status& status) {
  if (absl::IsUnimplemented(status)) return absl::StrCat("not implemented yet: ", status.message());
  return absl::StrCat(absl::StatusCodeToString(status.code()), ": ", status.message());
}

}  // namespace huinong::bench
