// Changed-field JSON for audit events; see change_json.h. The messages go
// through protobuf's own JSON printer (so enums, Timestamps and Dates look as
// in the API) and are read back with nlohmann-json, whose objects keep their
// members sorted by key; this file compares them field by field and writes
// each side in the canonical form of common/core/canonical_json.h, masking
// strings as it writes.
//
// Printing is most of the cost (a third of svc-loans's CPU per workflow
// step; docs/performance.md, "Loans (issue 10)"), and a fifth of a print was
// protobuf converting the same descriptors to type messages again on every
// call: GeneratedTypes below converts each once. The printer, its options
// and so every byte written are as MessageToJsonString's.
#include "common/outbox/change_json.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <shared_mutex>
#include <utility>
#include <vector>

#include <google/protobuf/type.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>
#include <google/protobuf/util/type_resolver_util.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "common/core/canonical_json.h"
#include "common/core/mask.h"
#include "common/core/status_macros.h"
#include "common/core/utf8.h"

namespace huinong::outbox {
namespace {

using Json = nlohmann::json;

// Top-level fields of one side, sorted by name; nullptr is written as null.
using Fields = std::map<std::string, const Json*>;

namespace pb = google::protobuf;

// The generated pool's types as protobuf's JSON printer asks for them.
// MessageToJsonString converts each message and enum type it meets from its
// descriptor again on every call (a third of a print); the generated pool
// never changes, so each type is converted once per process and copied out.
class GeneratedTypes : public pb::util::TypeResolver {
 public:
  static constexpr const char* kUrlPrefix = "type.googleapis.com";  // as MessageToJsonString's
  GeneratedTypes()
      : convert_(pb::util::NewTypeResolverForDescriptorPool(kUrlPrefix, pb::DescriptorPool::generated_pool())) {}

  pb::util::Status ResolveMessageType(const std::string& url, pb::Type* type) override {
    return Resolve(url, type, types_, [this](const std::string& u, pb::Type* t) {
      return convert_->ResolveMessageType(u, t);
    });
  }
  pb::util::Status ResolveEnumType(const std::string& url, pb::Enum* type) override {
    return Resolve(url, type, enums_, [this](const std::string& u, pb::Enum* t) {
      return convert_->ResolveEnumType(u, t);
    });
  }

 private:
  template <class T, class Convert>
  pb::util::Status Resolve(const std::string& url, T* out, std::map<std::string, T>& known, Convert convert) {
    {
      std::shared_lock lock(mu_);
      if (auto it = known.find(url); it != known.end()) {
        *out = it->second;
        return pb::util::Status();
      }
    }
    T converted;
    pb::util::Status s = convert(url, &converted);
    if (!s.ok()) return s;  // not cached: an unknown type stays an error
    std::unique_lock lock(mu_);
    *out = known.emplace(url, std::move(converted)).first->second;
    return s;
  }

  std::unique_ptr<pb::util::TypeResolver> convert_;
  std::shared_mutex mu_;
  std::map<std::string, pb::Type> types_;
  std::map<std::string, pb::Enum> enums_;
};

absl::StatusOr<Json> ToJson(const pb::Message& message, bool print_defaults) {
  pb::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = print_defaults;
  std::string text;
  pb::util::Status printed;
  if (message.GetDescriptor()->file()->pool() == pb::DescriptorPool::generated_pool()) {
    static GeneratedTypes* const types = new GeneratedTypes();  // never destroyed: used until exit
    printed = pb::util::BinaryToJsonString(types, absl::StrCat(GeneratedTypes::kUrlPrefix, "/",
                                                               message.GetDescriptor()->full_name()),
                                           message.SerializeAsString(), &text, options);
  } else {
    printed = pb::util::MessageToJsonString(message, &text, options);
  }
  if (!printed.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot print ", message.GetTypeName(), " as JSON: ", printed.ToString()));
  }
  Json out = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!out.is_object()) {
    return absl::InternalError(absl::StrCat("JSON of ", message.GetTypeName(), " is not an object"));
  }
  return out;
}

// Nested keys come from map fields, whose keys may be personal data; so are
// strings anywhere. Field names (the top-level keys) are written unmasked.
void AppendMasked(const Json& value, std::string& out) {
  json::AppendCanonical(value, out, &mask::PersonalData);
}

// The longest prefix of `s` of at most `limit` bytes that ends on a character.
std::string_view Utf8Prefix(std::string_view s, size_t limit) {
  size_t end = 0;
  while (end < s.size()) {
    size_t len = utf8::SequenceLength(s, end);
    if (len == 0) len = 1;
    if (end + len > limit) break;
    end += len;
  }
  return s.substr(0, end);
}

// One side as a JSON object of at most `cap` bytes (see the header).
std::string RenderSide(const Fields& fields, size_t cap) {
  std::vector<std::pair<std::string, std::string>> items;  // name, masked value JSON
  size_t longest = 0;
  for (const auto& [name, value] : fields) {
    std::string text = "null";
    if (value != nullptr) {
      text.clear();
      AppendMasked(*value, text);
    }
    longest = std::max(longest, text.size());
    items.emplace_back(name, std::move(text));
  }
  // Values longer than `limit` bytes become a string holding their prefix.
  auto render = [&items](size_t limit) {
    std::string out = "{";
    std::vector<const std::string*> cut;
    for (const auto& [name, text] : items) {
      if (out.size() > 1) out += ',';
      json::AppendCanonicalString(name, out);
      out += ':';
      if (text.size() > limit) {
        cut.push_back(&name);
        // Masked again: a cut can leave a shorter digit run that now looks
        // like a phone number although the whole run was not one.
        json::AppendCanonicalString(mask::PersonalData(Utf8Prefix(text, limit)), out);
      } else {
        out += text;
      }
    }
    if (!cut.empty()) {
      if (out.size() > 1) out += ',';
      out += "\"_truncated\":[";
      for (size_t i = 0; i < cut.size(); ++i) {
        if (i > 0) out += ',';
        json::AppendCanonicalString(*cut[i], out);
      }
      out += ']';
    }
    out += '}';
    return out;
  };
  std::string full = render(std::numeric_limits<size_t>::max());
  if (full.size() <= cap) return full;
  if (render(0).size() > cap) return "{\"_truncated\":[]}";  // too many fields even to name
  // The largest prefix length that fits; the output grows with it.
  size_t lo = 0;
  size_t hi = longest;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo + 1) / 2;
    if (render(mid).size() <= cap) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return render(lo);
}

}  // namespace

absl::StatusOr<ChangedFields> DiffJson(const google::protobuf::Message* before,
                                       const google::protobuf::Message* after, size_t cap) {
  ChangedFields out;
  if (before == nullptr && after == nullptr) return out;
  if (before == nullptr || after == nullptr) {
    ASSIGN_OR_RETURN(Json whole, ToJson(before ? *before : *after, /*print_defaults=*/false));
    Fields fields;
    for (auto it = whole.begin(); it != whole.end(); ++it) fields[it.key()] = &it.value();
    (before ? out.before_json : out.after_json) = RenderSide(fields, cap);
    return out;
  }
  // Defaults printed, so a field set to its default shows the default, not null.
  ASSIGN_OR_RETURN(Json b, ToJson(*before, /*print_defaults=*/true));
  ASSIGN_OR_RETURN(Json a, ToJson(*after, /*print_defaults=*/true));
  Fields changed_before;
  Fields changed_after;
  for (auto it = b.begin(); it != b.end(); ++it) {
    auto other = a.find(it.key());
    if (other == a.end()) {
      changed_before[it.key()] = &it.value();
      changed_after[it.key()] = nullptr;
    } else if (json::Canonical(it.value()) != json::Canonical(*other)) {
      // Compared as written (1 and 1.0 are one number), not as held.
      changed_before[it.key()] = &it.value();
      changed_after[it.key()] = &*other;
    }
  }
  for (auto it = a.begin(); it != a.end(); ++it) {
    if (!b.contains(it.key())) {
      changed_before[it.key()] = nullptr;
      changed_after[it.key()] = &it.value();
    }
  }
  out.before_json = RenderSide(changed_before, cap);
  out.after_json = RenderSide(changed_after, cap);
  return out;
}

}  // namespace huinong::outbox
