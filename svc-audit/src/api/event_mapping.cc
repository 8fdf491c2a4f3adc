#include "svc-audit/src/api/event_mapping.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "common/core/canonical_json.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::audit {
namespace {

constexpr size_t kMaxJsonBytes = 64 * 1024;

bool AllOf(absl::string_view s, bool (*ok)(char)) {
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}
bool ActionChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}
bool TypeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// A JSON object, validated without building it: protobuf's JSON parser (into
// a google.protobuf.Struct) cost about as much as the rest of an append.
bool IsJsonObject(const std::string& json) {
  const size_t first = json.find_first_not_of(" \t\r\n");
  return first != std::string::npos && json[first] == '{' && nlohmann::json::accept(json);
}

void CheckJson(const std::string& json, const std::string& field, rpc::Violations& v) {
  if (json.empty()) return;
  if (json.size() > kMaxJsonBytes) {
    v.Add(field, "must be at most 64 KiB");
    return;
  }
  if (!IsJsonObject(json)) {
    v.Add(field, "must be a JSON object");
    return;
  }
  if (mask::PersonalData(json) != json) {
    v.Add(field, "holds an unmasked ID-card, phone or bank-card number (PERSONAL_DATA_UNMASKED)");
  }
}

}  // namespace

void CheckEvent(const v1::Event& e, const std::string& prefix, rpc::Violations& v) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, ".", name); };
  rpc::CheckRequestId(e.event_id(), v, field("event_id"));
  if (!e.has_time() || e.time().seconds() <= 0) v.Add(field("time"), "required");
  rpc::CheckText(e.service(), field("service"), 1, 64, v);
  rpc::CheckText(e.actor().subject(), field("actor.subject"), 1, 128, v);
  if (e.actor().unit().size() > 64) v.Add(field("actor.unit"), "must be at most 64 characters");
  if (e.action().empty() || e.action().size() > 128 || !AllOf(e.action(), ActionChar)) {
    v.Add(field("action"), "must be 1-128 of A-Z a-z 0-9 . _ -");
  }
  if (e.resource_type().empty() || e.resource_type().size() > 64 ||
      !AllOf(e.resource_type(), TypeChar)) {
    v.Add(field("resource_type"), "must be 1-64 of a-z 0-9 _");
  }
  rpc::CheckText(e.resource_id(), field("resource_id"), 1, 256, v);
  if (e.resource_unit().size() > 64) v.Add(field("resource_unit"), "must be at most 64 characters");
  if (e.request_id().size() > 64) v.Add(field("request_id"), "must be at most 64 characters");
  CheckJson(e.before_json(), field("before_json"), v);
  CheckJson(e.after_json(), field("after_json"), v);
}

std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields) {
  // In the given order, as read events have always been written.
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [k, value] : fields) object[k] = value;
  return json::Canonical(object);
}

}  // namespace huinong::audit
