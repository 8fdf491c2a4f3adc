// JsonObject over nlohmann-json. nlohmann alone would accept a duplicate
// member (keeping the last) and "\u0000"; a parse callback, which sees every
// key and value as it is read, refuses both, so a signed token can never be
// read two ways.
#include "common/auth/json_object.h"

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

namespace huinong::auth::internal {
namespace {

using Json = nlohmann::json;

// jansson's limit, which the tokens were read with before: deeper nesting
// has no use in a JWT.
constexpr size_t kMaxDepth = 2048;

// Beyond ~31,000 years either way a date is garbage, and staying far inside
// absl::Time's range keeps the conversion exact.
constexpr int64_t kMaxAbsSeconds = 1'000'000'000'000;

bool HasNul(const std::string& s) { return s.find('\0') != std::string::npos; }

// Watches the parse: the member names of each open object, and whether any
// rule above was broken.
struct StrictReader {
  std::vector<std::set<std::string>> open_objects;
  size_t open_containers = 0;
  bool broken = false;

  bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        open_objects.emplace_back();
        Open();
        break;
      case Json::parse_event_t::object_end:
        if (!open_objects.empty()) open_objects.pop_back();
        --open_containers;
        break;
      case Json::parse_event_t::key: {
        const std::string& name = parsed.get_ref<const std::string&>();
        if (HasNul(name) || open_objects.empty() || !open_objects.back().insert(name).second) {
          broken = true;
        }
        break;
      }
      case Json::parse_event_t::value:
        if (parsed.is_string() && HasNul(parsed.get_ref<const std::string&>())) broken = true;
        break;
      case Json::parse_event_t::array_start:
        Open();
        break;
      case Json::parse_event_t::array_end:
        --open_containers;
        break;
    }
    return true;  // keep everything; a broken parse is thrown away whole
  }

  void Open() {
    if (++open_containers > kMaxDepth) broken = true;
  }
};

}  // namespace

std::unique_ptr<JsonObject> JsonObject::Parse(std::string_view json) {
  if (json.find('\0') != std::string_view::npos) return nullptr;  // refused before any parsing
  // nlohmann skips a leading byte order mark; JSON in a JWT never has one.
  if (json.substr(0, 3) == "\xEF\xBB\xBF") return nullptr;
  StrictReader reader;
  Json object = Json::parse(
      json.begin(), json.end(),
      [&reader](int depth, Json::parse_event_t event, Json& parsed) {
        return reader(depth, event, parsed);
      },
      /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object() || reader.broken) return nullptr;
  return std::unique_ptr<JsonObject>(new JsonObject(std::move(object)));
}

const Json* JsonObject::Member(const char* name) const {
  auto it = object_.find(name);
  return it == object_.end() ? nullptr : &*it;
}

bool JsonObject::Has(const char* name) const { return Member(name) != nullptr; }

std::optional<std::string> JsonObject::String(const char* name) const {
  const Json* member = Member(name);
  if (member == nullptr || !member->is_string()) return std::nullopt;
  return member->get<std::string>();
}

std::optional<absl::Time> JsonObject::NumericDate(const char* name) const {
  const Json* member = Member(name);
  if (member == nullptr) return std::nullopt;
  if (member->is_number_integer()) {  // signed or unsigned, exact
    if (member->is_number_unsigned() && member->get<uint64_t>() > static_cast<uint64_t>(kMaxAbsSeconds)) {
      return std::nullopt;
    }
    const int64_t whole = member->get<int64_t>();
    if (whole > kMaxAbsSeconds || whole < -kMaxAbsSeconds) return std::nullopt;
    return absl::FromUnixSeconds(whole);
  }
  // Strings, booleans and null are not dates.
  if (!member->is_number_float()) return std::nullopt;
  const double fractional = member->get<double>();
  if (!std::isfinite(fractional) || std::fabs(fractional) > static_cast<double>(kMaxAbsSeconds)) {
    return std::nullopt;
  }
  return absl::UnixEpoch() + absl::Seconds(fractional);
}

std::optional<std::vector<std::string>> JsonObject::StringArray(const char* name) const {
  const Json* member = Member(name);
  if (member == nullptr || !member->is_array()) return std::nullopt;
  std::vector<std::string> items;
  items.reserve(member->size());
  for (const Json& item : *member) {
    if (!item.is_string()) return std::nullopt;
    items.push_back(item.get<std::string>());
  }
  return items;
}

}  // namespace huinong::auth::internal
