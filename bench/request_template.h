// Requests from templates, for any unary method of the suite found by name in
// the generated descriptor pool (every huinong proto is linked in).
//
// A template is proto text format or JSON (it starts with '{') of the
// method's request type. Before parsing, ${name} is replaced by the variable
// `name` (a list variable gives slot k its element k mod size, so each
// in-flight slot can work on its own record), and ${name[]} by all of its
// values as a JSON array of strings (a seed's list argument; written
// "${name[]}" in a JSON plan, and the quotes are replaced with it). After parsing,
// every string field containing {{ulid}} gets a fresh ULID at each call (one per call, the
// same in all fields of that call) — a unique request_id for writes.
//
// Guarantees: a template that does not parse, names a missing variable, or a
// method that is not unary is an INVALID_ARGUMENT / NOT_FOUND at set-up,
// never a failure in the middle of a run.
#pragma once

#include <map>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "absl/status/statusor.h"
#include "bench/grpc_load.h"

namespace huinong::bench {

inline constexpr char kUlidPlaceholder[] = "{{ulid}}";

struct MethodInfo {
  std::string path;  // "/huinong.org.v1.UnitService/GetUnit"
  const google::protobuf::Descriptor* input = nullptr;
  const google::protobuf::Descriptor* output = nullptr;
};

// Accepts "/pkg.Service/Method", "pkg.Service/Method" or "pkg.Service.Method".
absl::StatusOr<MethodInfo> ResolveMethod(absl::string_view name);

using Variables = std::map<std::string, std::vector<std::string>>;

// Replaces each ${name} with vars[name][slot % size], and each ${name[]}
// with ["v0","v1",...] (every value, JSON-escaped; "${name[]}" quotes and all).
absl::StatusOr<std::string> ExpandVariables(absl::string_view text, const Variables& vars, int slot);

absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseRequest(const google::protobuf::Descriptor& type,
                                                                        absl::string_view text);

// Replaces {{ulid}} by `value` in every string field, recursively; true if any was.
bool SubstituteUlid(google::protobuf::Message& message, const std::string& value);

// The value of a (dotted) singular string field of `message`, e.g. "name" or "unit.parent".
absl::StatusOr<std::string> StringField(const google::protobuf::Message& message, absl::string_view path);

// A RequestSource from one template, expanded per slot.
class TemplateRequests final : public RequestSource {
 public:
  static absl::StatusOr<std::unique_ptr<TemplateRequests>> Create(const MethodInfo& method,
                                                                  absl::string_view text, const Variables& vars,
                                                                  int slots);
  grpc::ByteBuffer Next(int slot) override;

 private:
  struct Slot {
    std::unique_ptr<google::protobuf::Message> base;     // as parsed
    std::unique_ptr<google::protobuf::Message> scratch;  // base with this call's ULID
    bool per_call = false;                               // has {{ulid}}
    grpc::ByteBuffer fixed;                              // the bytes when !per_call
  };
  std::vector<Slot> slots_;
};

// Serializes a message into a ByteBuffer.
grpc::ByteBuffer ToByteBuffer(const google::protobuf::Message& message);

}  // namespace huinong::bench
