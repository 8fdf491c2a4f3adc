#include "bench/plan.h"

#include <algorithm>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

namespace huinong::bench {
namespace {

namespace pb = google::protobuf;

const pb::Value* Find(const pb::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? nullptr : &it->second;
}

absl::StatusOr<std::string> String(const pb::Struct& s, const std::string& key, const std::string& where,
                                   bool required) {
  const pb::Value* v = Find(s, key);
  if (v == nullptr) {
    if (required) return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" is required"));
    return std::string();
  }
  if (v->kind_case() != pb::Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" must be a string"));
  }
  return v->string_value();
}

absl::StatusOr<double> Number(const pb::Struct& s, const std::string& key, double def, const std::string& where) {
  const pb::Value* v = Find(s, key);
  if (v == nullptr) return def;
  if (v->kind_case() != pb::Value::kNumberValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" must be a number"));
  }
  return v->number_value();
}

// A request is a JSON object (kept as JSON text) or a string (JSON or text format).
absl::StatusOr<std::string> Request(const pb::Struct& s, const std::string& where) {
  const pb::Value* v = Find(s, "request");
  if (v == nullptr) return std::string("{}");
  if (v->kind_case() == pb::Value::kStringValue) return v->string_value();
  if (v->kind_case() != pb::Value::kStructValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"request\" must be an object or a string"));
  }
  std::string json;
  pb::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!pb::util::MessageToJsonString(v->struct_value(), &json, options).ok()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": cannot re-encode \"request\""));
  }
  return json;
}

absl::StatusOr<std::vector<CallStep>> Steps(const pb::Struct& s, const std::string& where) {
  std::vector<CallStep> steps;
  const pb::Value* list = Find(s, "setup");
  if (list == nullptr) return steps;
  if (list->kind_case() != pb::Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"setup\" must be a list"));
  }
  for (const pb::Value& item : list->list_value().values()) {
    const std::string at = absl::StrCat(where, " setup step ", steps.size() + 1);
    if (item.kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(at + " must be an object");
    const pb::Struct& o = item.struct_value();
    CallStep step;
    ASSIGN_OR_RETURN(step.label, String(o, "label", at, false));
    ASSIGN_OR_RETURN(step.service, String(o, "service", at, true));
    ASSIGN_OR_RETURN(step.method, String(o, "method", at, true));
    ASSIGN_OR_RETURN(step.request, Request(o, at));
    ASSIGN_OR_RETURN(double repeat, Number(o, "repeat", 1, at));
    step.repeat = static_cast<int>(repeat);
    if (step.repeat < 1) return absl::InvalidArgumentError(at + ": \"repeat\" must be at least 1");
    if (const pb::Value* c = Find(o, "capture"); c != nullptr) {
      if (c->kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(at + ": bad \"capture\"");
      ASSIGN_OR_RETURN(step.capture_var, String(c->struct_value(), "var", at, true));
      ASSIGN_OR_RETURN(step.capture_field, String(c->struct_value(), "field", at, true));
    }
    if (step.label.empty()) step.label = step.method;
    steps.push_back(std::move(step));
  }
  return steps;
}

absl::StatusOr<Scenario> ParseScenario(const pb::Struct& o, size_t index) {
  Scenario sc;
  std::string where = absl::StrCat("scenario ", index + 1);
  ASSIGN_OR_RETURN(sc.name, String(o, "name", where, true));
  where = absl::StrCat("scenario ", sc.name);
  ASSIGN_OR_RETURN(sc.kind, String(o, "kind", where, true));
  if (sc.kind != "read" && sc.kind != "write" && sc.kind != "audit_append") {
    return absl::InvalidArgumentError(where + ": \"kind\" is read, write or audit_append");
  }
  ASSIGN_OR_RETURN(sc.service, String(o, "service", where, true));
  ASSIGN_OR_RETURN(sc.method, String(o, "method", where, sc.kind != "audit_append"));
  ASSIGN_OR_RETURN(sc.request, Request(o, where));
  ASSIGN_OR_RETURN(sc.baseline, String(o, "baseline", where, false));
  ASSIGN_OR_RETURN(sc.min_ratio, Number(o, "min_ratio", 0, where));
  ASSIGN_OR_RETURN(sc.gateway_min_ratio, Number(o, "gateway_min_ratio", 0, where));
  ASSIGN_OR_RETURN(sc.gateway_max_p99_added_ms, Number(o, "gateway_max_p99_added_ms", 0, where));
  ASSIGN_OR_RETURN(sc.max_db_commands, Number(o, "max_db_commands", 0, where));
  ASSIGN_OR_RETURN(double batch, Number(o, "batch_size", 100, where));
  sc.batch_size = static_cast<int>(batch);
  ASSIGN_OR_RETURN(sc.setup, Steps(o, where));
  static const std::vector<std::string> kBaselines = {"", "empty_handler", "empty_bare", "raw_insert",
                                                      "raw_insert_batch"};
  if (std::find(kBaselines.begin(), kBaselines.end(), sc.baseline) == kBaselines.end()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": unknown baseline \"", sc.baseline, "\""));
  }
  if (const pb::Value* via = Find(o, "via"); via != nullptr) {
    sc.via.clear();
    for (const pb::Value& v : via->list_value().values()) {
      if (v.string_value() != "direct" && v.string_value() != "gateway") {
        return absl::InvalidArgumentError(where + ": \"via\" lists direct and/or gateway");
      }
      sc.via.push_back(v.string_value());
    }
  }
  if (const pb::Value* md = Find(o, "metadata"); md != nullptr) {
    for (const auto& [key, value] : md->struct_value().fields()) sc.metadata.emplace_back(key, value.string_value());
  }
  return sc;
}

}  // namespace

absl::StatusOr<Plan> ParsePlan(absl::string_view json) {
  pb::Struct root;
  pb::util::Status parsed = pb::util::JsonStringToMessage(std::string(json), &root);
  if (!parsed.ok()) return absl::InvalidArgumentError(absl::StrCat("plan is not JSON: ", std::string(parsed.message())));
  Plan plan;
  if (const pb::Value* t = Find(root, "targets"); t != nullptr) {
    ASSIGN_OR_RETURN(plan.targets.interceptor_max_cost,
                     Number(t->struct_value(), "interceptor_max_cost", 0.15, "targets"));
    ASSIGN_OR_RETURN(plan.targets.idle_rss_max_mib, Number(t->struct_value(), "idle_rss_max_mib", 40, "targets"));
  }
  ASSIGN_OR_RETURN(plan.setup, Steps(root, "plan"));
  const pb::Value* list = Find(root, "scenarios");
  if (list == nullptr || list->kind_case() != pb::Value::kListValue) {
    return absl::InvalidArgumentError("plan: \"scenarios\" must be a list");
  }
  for (const pb::Value& item : list->list_value().values()) {
    ASSIGN_OR_RETURN(Scenario sc, ParseScenario(item.struct_value(), plan.scenarios.size()));
    plan.scenarios.push_back(std::move(sc));
  }
  return plan;
}

}  // namespace huinong::bench
