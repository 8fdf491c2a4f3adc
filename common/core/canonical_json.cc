// The canonical writer over nlohmann's value types; see canonical_json.h.
#include "common/core/canonical_json.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "common/core/log.h"

namespace huinong::json {
namespace {

// One writer for both value types: they differ only in how objects keep
// their members, and iteration already yields them in the held order.
template <class Json>
void Append(const Json& value, std::string& out, TextFilter filter) {
  auto text = [filter](const std::string& s) { return filter ? filter(s) : s; };
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out += ',';
        first = false;
        AppendCanonicalString(text(it.key()), out);
        out += ':';
        Append(it.value(), out, filter);
      }
      out += '}';
      break;
    }
    case nlohmann::json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        Append(item, out, filter);
      }
      out += ']';
      break;
    }
    case nlohmann::json::value_t::string:
      AppendCanonicalString(text(value.template get_ref<const std::string&>()), out);
      break;
    case nlohmann::json::value_t::boolean:
      out += value.template get<bool>() ? "true" : "false";
      break;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      // As a double, like every number the form has ever held.
      AppendCanonicalNumber(value.template get<double>(), out);
      break;
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::binary:     // not JSON; never built here
    case nlohmann::json::value_t::discarded:  // a failed parse; never written
      out += "null";
      break;
  }
}

}  // namespace

void AppendCanonicalString(std::string_view text, std::string& out) {
  out += '"';
  out += log::JsonEscape(text);
  out += '"';
}

void AppendCanonicalNumber(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += "null";
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

void AppendCanonical(const nlohmann::json& value, std::string& out, TextFilter filter) {
  Append(value, out, filter);
}

void AppendCanonical(const nlohmann::ordered_json& value, std::string& out, TextFilter filter) {
  Append(value, out, filter);
}

std::string Canonical(const nlohmann::json& value) {
  std::string out;
  Append(value, out, nullptr);
  return out;
}

std::string Canonical(const nlohmann::ordered_json& value) {
  std::string out;
  Append(value, out, nullptr);
  return out;
}

}  // namespace huinong::json
