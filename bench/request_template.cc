#include "bench/request_template.h"

#include <optional>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/core/ids.h"
#include "huinong/bench/v1/bench.pb.h"

namespace huinong::bench {
namespace {

namespace pb = google::protobuf;

// The API's services are registered by the shared huinong_protos library as
// it loads. bench.proto is in a static library of its own and the bench names
// none of its messages, so nothing would pull its object out of the archive;
// referencing its descriptor table does.
const void* volatile kLinkedBenchService = &descriptor_table_huinong_2fbench_2fv1_2fbench_2eproto;

// ["a","b"]: every value, each a JSON string (a seed's list argument).
std::string JsonStrings(const std::vector<std::string>& values) {
  pb::ListValue list;
  for (const std::string& v : values) list.add_values()->set_string_value(v);
  std::string out;
  (void)pb::util::MessageToJsonString(list, &out);
  return out;
}

}  // namespace

absl::StatusOr<MethodInfo> ResolveMethod(absl::string_view name) {
  (void)kLinkedBenchService;
  std::string dotted(absl::StripPrefix(name, "/"));
  const size_t slash = dotted.rfind('/');
  if (slash != std::string::npos) dotted[slash] = '.';
  const pb::MethodDescriptor* m = pb::DescriptorPool::generated_pool()->FindMethodByName(dotted);
  if (m == nullptr) return absl::NotFoundError(absl::StrCat("no method ", name, " in the suite's protos"));
  if (m->client_streaming() || m->server_streaming()) {
    return absl::InvalidArgumentError(absl::StrCat(m->full_name(), " is streaming; only unary methods"));
  }
  return MethodInfo{absl::StrCat("/", m->service()->full_name(), "/", m->name()), m->input_type(),
                    m->output_type()};
}

absl::StatusOr<std::string> ExpandVariables(absl::string_view text, const Variables& vars, int slot) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = text.find("${", pos);
    if (open == absl::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == absl::string_view::npos) return absl::InvalidArgumentError("unterminated ${ in template");
    absl::string_view key = text.substr(open + 2, close - open - 2);
    const bool whole = absl::ConsumeSuffix(&key, "[]");
    auto it = vars.find(std::string(key));
    if (it == vars.end() || it->second.empty()) {
      return absl::NotFoundError(absl::StrCat("template names ${", key, "}, which no setup step captured"));
    }
    if (!whole) {
      absl::StrAppend(&out, text.substr(pos, open - pos), it->second[slot % it->second.size()]);
      pos = close + 1;
      continue;
    }
    // "${name[]}" is how a JSON plan must write it: the quotes go too.
    const bool quoted = open > pos && text[open - 1] == '"' && close + 1 < text.size() && text[close + 1] == '"';
    absl::StrAppend(&out, text.substr(pos, open - pos - (quoted ? 1 : 0)), JsonStrings(it->second));
    pos = close + 1 + (quoted ? 1 : 0);
  }
  absl::StrAppend(&out, text.substr(pos));
  return out;
}

absl::StatusOr<std::unique_ptr<pb::Message>> ParseRequest(const pb::Descriptor& type, absl::string_view text) {
  const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(&type);
  if (prototype == nullptr) return absl::InternalError(absl::StrCat("no prototype for ", type.full_name()));
  std::unique_ptr<pb::Message> message(prototype->New());
  const absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(text);
  if (absl::StartsWith(trimmed, "{")) {
    pb::util::Status s = pb::util::JsonStringToMessage(std::string(trimmed), message.get());
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("request is not JSON of ", type.full_name(), ": ", std::string(s.message())));
    }
  } else {
    // Collects the parser's complaint into the status instead of protobuf's log.
    struct FirstError : pb::io::ErrorCollector {
      std::string text;
      void AddError(int line, int column, const std::string& message) override {
        if (text.empty()) text = absl::StrCat(line + 1, ":", column + 1, ": ", message);
      }
    } errors;
    pb::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    if (!parser.ParseFromString(std::string(text), message.get())) {
      return absl::InvalidArgumentError(
          absl::StrCat("request is not text format of ", type.full_name(), ": ", errors.text));
    }
  }
  return message;
}

bool SubstituteUlid(pb::Message& message, const std::string& value) {
  const pb::Reflection* r = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  r->ListFields(message, &fields);
  bool any = false;
  for (const pb::FieldDescriptor* f : fields) {
    if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) {
      auto replace = [&](const std::string& s) -> std::optional<std::string> {
        if (s.find(kUlidPlaceholder) == std::string::npos) return std::nullopt;
        return absl::StrReplaceAll(s, {{kUlidPlaceholder, value}});
      };
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(message, f); ++i) {
          if (auto s = replace(r->GetRepeatedString(message, f, i))) {
            r->SetRepeatedString(&message, f, i, *s);
            any = true;
          }
        }
      } else if (auto s = replace(r->GetString(message, f))) {
        r->SetString(&message, f, *s);
        any = true;
      }
    } else if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(message, f); ++i) {
          any |= SubstituteUlid(*r->MutableRepeatedMessage(&message, f, i), value);
        }
      } else {
        any |= SubstituteUlid(*r->MutableMessage(&message, f), value);
      }
    }
  }
  return any;
}

absl::StatusOr<std::string> StringField(const pb::Message& message, absl::string_view path) {
  const pb::Message* at = &message;
  std::vector<absl::string_view> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const pb::FieldDescriptor* f = at->GetDescriptor()->FindFieldByName(std::string(parts[i]));
    if (f == nullptr || f->is_repeated()) {
      return absl::NotFoundError(absl::StrCat(at->GetDescriptor()->full_name(), " has no singular field ", parts[i]));
    }
    const bool last = i + 1 == parts.size();
    if (last && f->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) {
      return at->GetReflection()->GetString(*at, f);
    }
    if (last || f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(absl::StrCat(path, " is not a string field"));
    }
    at = &at->GetReflection()->GetMessage(*at, f);
  }
  return absl::InvalidArgumentError("empty field path");
}

grpc::ByteBuffer ToByteBuffer(const pb::Message& message) {
  std::string bytes = message.SerializeAsString();
  grpc::Slice slice(std::move(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

absl::StatusOr<std::unique_ptr<TemplateRequests>> TemplateRequests::Create(const MethodInfo& method,
                                                                           absl::string_view text,
                                                                           const Variables& vars, int slots) {
  auto out = std::unique_ptr<TemplateRequests>(new TemplateRequests());
  out->slots_.resize(slots);
  for (int i = 0; i < slots; ++i) {
    absl::StatusOr<std::string> expanded = ExpandVariables(text, vars, i);
    if (!expanded.ok()) return expanded.status();
    absl::StatusOr<std::unique_ptr<pb::Message>> base = ParseRequest(*method.input, *expanded);
    if (!base.ok()) return base.status();
    Slot& s = out->slots_[i];
    s.base = *std::move(base);
    s.scratch.reset(s.base->New());
    s.scratch->CopyFrom(*s.base);
    s.per_call = SubstituteUlid(*s.scratch, "probe");
    if (!s.per_call) s.fixed = ToByteBuffer(*s.base);
  }
  return out;
}

grpc::ByteBuffer TemplateRequests::Next(int slot) {
  Slot& s = slots_[slot % slots_.size()];
  if (!s.per_call) return s.fixed;
  s.scratch->CopyFrom(*s.base);
  SubstituteUlid(*s.scratch, NewUlid());
  return ToByteBuffer(*s.scratch);
}

}  // namespace huinong::bench
