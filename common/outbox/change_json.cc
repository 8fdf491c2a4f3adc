// Changed-field JSON for audit events; see change_json.h. The messages go
// through protobuf's own JSON printer (so enums, Timestamps and Dates look as
// in the API) and back into a google.protobuf.Struct, which this file
// compares field by field and writes out itself: sorted keys, masked strings.
#include "common/outbox/change_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "common/core/log.h"
#include "common/core/mask.h"
#include "common/core/status_macros.h"
#include "common/core/utf8.h"

namespace huinong::outbox {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

// Top-level fields of one side, sorted by name; nullptr is written as null.
using Fields = std::map<std::string, const Value*>;

absl::StatusOr<Struct> ToStruct(const google::protobuf::Message& message, bool print_defaults) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = print_defaults;
  std::string json;
  auto printed = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!printed.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot print ", message.GetTypeName(), " as JSON: ", printed.ToString()));
  }
  Struct out;
  auto parsed = google::protobuf::util::JsonStringToMessage(json, &out);
  if (!parsed.ok()) {
    return absl::InternalError(absl::StrCat("JSON of ", message.GetTypeName(),
                                            " is not an object: ", parsed.ToString()));
  }
  return out;
}

void AppendString(std::string_view s, std::string& out) {
  out += '"';
  out += log::JsonEscape(s);
  out += '"';
}

// Integral values (all int32/uint32/enum numbers) print without a fraction;
// others with the fewest digits that read back to the same double.
void AppendNumber(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += "null";  // JSON has no NaN; protobuf prints those as strings anyway
  } else if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
    absl::StrAppend(&out, static_cast<int64_t>(d));
  } else {
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {
      std::snprintf(buf, sizeof buf, "%.*g", precision, d);
      if (std::strtod(buf, nullptr) == d) break;
    }
    out += buf;
  }
}

void AppendValue(const Value& v, bool masked, std::string& out);

void AppendObject(const Struct& s, bool masked, std::string& out) {
  std::vector<const google::protobuf::MapPair<std::string, Value>*> entries;
  for (const auto& entry : s.fields()) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  out += '{';
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += ',';
    // Nested keys come from map fields, whose keys may be personal data.
    AppendString(masked ? mask::PersonalData(entries[i]->first) : entries[i]->first, out);
    out += ':';
    AppendValue(entries[i]->second, masked, out);
  }
  out += '}';
}

void AppendValue(const Value& v, bool masked, std::string& out) {
  switch (v.kind_case()) {
    case Value::kNumberValue:
      AppendNumber(v.number_value(), out);
      break;
    case Value::kStringValue:
      AppendString(masked ? mask::PersonalData(v.string_value()) : v.string_value(), out);
      break;
    case Value::kBoolValue:
      out += v.bool_value() ? "true" : "false";
      break;
    case Value::kStructValue:
      AppendObject(v.struct_value(), masked, out);
      break;
    case Value::kListValue: {
      out += '[';
      const auto& values = v.list_value().values();
      for (int i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        AppendValue(values[i], masked, out);
      }
      out += ']';
      break;
    }
    case Value::kNullValue:
    case Value::KIND_NOT_SET:
      out += "null";
      break;
  }
}

std::string Canonical(const Value& v) {
  std::string out;
  AppendValue(v, /*masked=*/false, out);
  return out;
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
      AppendValue(*value, /*masked=*/true, text);
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
      AppendString(name, out);
      out += ':';
      if (text.size() > limit) {
        cut.push_back(&name);
        // Masked again: a cut can leave a shorter digit run that now looks
        // like a phone number although the whole run was not one.
        AppendString(mask::PersonalData(Utf8Prefix(text, limit)), out);
      } else {
        out += text;
      }
    }
    if (!cut.empty()) {
      if (out.size() > 1) out += ',';
      out += "\"_truncated\":[";
      for (size_t i = 0; i < cut.size(); ++i) {
        if (i > 0) out += ',';
        AppendString(*cut[i], out);
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
    ASSIGN_OR_RETURN(Struct whole, ToStruct(before ? *before : *after, /*print_defaults=*/false));
    Fields fields;
    for (const auto& [name, value] : whole.fields()) fields[name] = &value;
    (before ? out.before_json : out.after_json) = RenderSide(fields, cap);
    return out;
  }
  // Defaults printed, so a field set to its default shows the default, not null.
  ASSIGN_OR_RETURN(Struct b, ToStruct(*before, /*print_defaults=*/true));
  ASSIGN_OR_RETURN(Struct a, ToStruct(*after, /*print_defaults=*/true));
  Fields changed_before;
  Fields changed_after;
  for (const auto& [name, value] : b.fields()) {
    auto other = a.fields().find(name);
    if (other == a.fields().end()) {
      changed_before[name] = &value;
      changed_after[name] = nullptr;
    } else if (Canonical(value) != Canonical(other->second)) {
      changed_before[name] = &value;
      changed_after[name] = &other->second;
    }
  }
  for (const auto& [name, value] : a.fields()) {
    if (b.fields().find(name) == b.fields().end()) {
      changed_before[name] = nullptr;
      changed_after[name] = &value;
    }
  }
  out.before_json = RenderSide(changed_before, cap);
  out.after_json = RenderSide(changed_after, cap);
  return out;
}

}  // namespace huinong::outbox
