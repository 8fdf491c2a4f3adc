#include "bench/plan.h"

#include <algorithm>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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

absl::StatusOr<Caller> CallerOf(const pb::Struct& s, const std::string& where) {
  Caller c;
  const pb::Value* v = Find(s, "as");
  if (v == nullptr) return c;
  if (v->kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(where + ": \"as\" must be an object");
  ASSIGN_OR_RETURN(c.subject, String(v->struct_value(), "subject", where + " \"as\"", true));
  ASSIGN_OR_RETURN(c.unit, String(v->struct_value(), "unit", where + " \"as\"", false));
  return c;
}

absl::StatusOr<Capture> CaptureOf(const pb::Value& v, const std::string& at) {
  if (v.kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(at + ": bad \"capture\"");
  Capture c;
  ASSIGN_OR_RETURN(c.var, String(v.struct_value(), "var", at, true));
  ASSIGN_OR_RETURN(c.field, String(v.struct_value(), "field", at, true));
  return c;
}

// A string or a list of strings.
absl::StatusOr<std::vector<std::string>> Strings(const pb::Value& v, const std::string& at) {
  std::vector<std::string> out;
  if (v.kind_case() == pb::Value::kStringValue) return std::vector<std::string>{v.string_value()};
  if (v.kind_case() != pb::Value::kListValue) return absl::InvalidArgumentError(at + " must be a string or a list");
  for (const pb::Value& item : v.list_value().values()) {
    if (item.kind_case() != pb::Value::kStringValue) return absl::InvalidArgumentError(at + " lists strings");
    out.push_back(item.string_value());
  }
  return out;
}

absl::StatusOr<CallStep> StepOf(const pb::Value& item, const std::string& at) {
  if (item.kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(at + " must be an object");
  const pb::Struct& o = item.struct_value();
  CallStep step;
  ASSIGN_OR_RETURN(step.label, String(o, "label", at, false));
  ASSIGN_OR_RETURN(step.database, String(o, "database", at, false));
  ASSIGN_OR_RETURN(step.seed, String(o, "seed", at, false));
  if (const pb::Value* sql = Find(o, "sql"); sql != nullptr) {
    ASSIGN_OR_RETURN(step.sql, Strings(*sql, at + " \"sql\""));
    if (step.database.empty()) return absl::InvalidArgumentError(at + ": an \"sql\" step names its \"database\"");
  } else if (step.seed.empty()) {
    ASSIGN_OR_RETURN(step.service, String(o, "service", at, true));
    ASSIGN_OR_RETURN(step.method, String(o, "method", at, true));
  }
  ASSIGN_OR_RETURN(step.request, Request(o, at));
  ASSIGN_OR_RETURN(double repeat, Number(o, "repeat", 1, at));
  step.repeat = static_cast<int>(repeat);
  if (step.repeat < 1) return absl::InvalidArgumentError(at + ": \"repeat\" must be at least 1");
  ASSIGN_OR_RETURN(step.as, CallerOf(o, at));
  if (const pb::Value* c = Find(o, "capture"); c != nullptr) {
    if (c->kind_case() == pb::Value::kListValue) {
      for (const pb::Value& one : c->list_value().values()) {
        ASSIGN_OR_RETURN(Capture capture, CaptureOf(one, at));
        step.captures.push_back(std::move(capture));
      }
    } else {
      ASSIGN_OR_RETURN(Capture capture, CaptureOf(*c, at));
      step.captures.push_back(std::move(capture));
    }
  }
  if (step.label.empty()) step.label = !step.method.empty() ? step.method : !step.seed.empty() ? step.seed : "sql";
  return step;
}

absl::StatusOr<std::vector<CallStep>> StepList(const pb::Value* list, const std::string& where,
                                               const std::string& key) {
  std::vector<CallStep> steps;
  if (list == nullptr) return steps;
  if (list->kind_case() != pb::Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" must be a list"));
  }
  for (const pb::Value& item : list->list_value().values()) {
    ASSIGN_OR_RETURN(CallStep step, StepOf(item, absl::StrCat(where, " ", key, " step ", steps.size() + 1)));
    steps.push_back(std::move(step));
  }
  return steps;
}

absl::StatusOr<std::vector<CallStep>> Steps(const pb::Struct& s, const std::string& where) {
  return StepList(Find(s, "setup"), where, "setup");
}

absl::Status ParsePrepare(const pb::Struct& o, const std::string& where, Scenario& sc) {
  const pb::Value* p = Find(o, "prepare");
  if (p == nullptr) return absl::OkStatus();
  if (p->kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(where + ": bad \"prepare\"");
  sc.prepared = true;
  ASSIGN_OR_RETURN(sc.prepare.steps, StepList(Find(p->struct_value(), "steps"), where + " prepare", "steps"));
  ASSIGN_OR_RETURN(sc.prepare.max_rate, Number(p->struct_value(), "max_rate", 1000, where + " prepare"));
  if (sc.prepare.max_rate <= 0) {
    return absl::InvalidArgumentError(where + ": \"prepare\" needs a positive max_rate");
  }
  return absl::OkStatus();
}

absl::Status ParseTableSizes(const pb::Struct& o, const std::string& where, Scenario& sc) {
  const pb::Value* t = Find(o, "table_sizes");
  if (t == nullptr) return absl::OkStatus();
  const std::string at = where + " table_sizes";
  if (t->kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(at + " must be an object");
  const pb::Struct& ts = t->struct_value();
  ASSIGN_OR_RETURN(sc.table_sizes.max_slowdown, Number(ts, "max_slowdown", 0, at));
  ASSIGN_OR_RETURN(sc.table_sizes.cleanup, StepList(Find(ts, "cleanup"), at, "cleanup"));
  const pb::Value* sizes = Find(ts, "sizes");
  if (sizes == nullptr || sizes->kind_case() != pb::Value::kListValue || sizes->list_value().values_size() < 2) {
    return absl::InvalidArgumentError(at + ": \"sizes\" lists at least two sizes");
  }
  for (const pb::Value& item : sizes->list_value().values()) {
    const std::string size_at = absl::StrCat(at, " size ", sc.table_sizes.sizes.size() + 1);
    if (item.kind_case() != pb::Value::kStructValue) return absl::InvalidArgumentError(size_at + " must be an object");
    TableSize size;
    ASSIGN_OR_RETURN(size.label, String(item.struct_value(), "label", size_at, true));
    ASSIGN_OR_RETURN(size.steps, StepList(Find(item.struct_value(), "steps"), size_at, "steps"));
    sc.table_sizes.sizes.push_back(std::move(size));
  }
  if (sc.kind != "read") return absl::InvalidArgumentError(at + ": only a read scenario is measured at table sizes");
  return absl::OkStatus();
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
  ASSIGN_OR_RETURN(sc.as, CallerOf(o, where));
  RETURN_IF_ERROR(ParsePrepare(o, where, sc));
  RETURN_IF_ERROR(ParseTableSizes(o, where, sc));
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

std::string SizedName(const Scenario& scenario, const TableSize& size) {
  return absl::StrCat(scenario.name, " at ", size.label);
}

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

absl::Status KeepScenarios(Plan& plan, absl::string_view names) {
  if (names.empty()) return absl::OkStatus();
  const std::vector<std::string> wanted = absl::StrSplit(names, ',', absl::SkipEmpty());
  for (const std::string& name : wanted) {
    const bool known = std::any_of(plan.scenarios.begin(), plan.scenarios.end(),
                                   [&](const Scenario& sc) { return sc.name == name; });
    if (!known) return absl::InvalidArgumentError(absl::StrCat("--scenarios: no scenario named \"", name, "\" in the plan"));
  }
  std::erase_if(plan.scenarios, [&](const Scenario& sc) {
    return std::find(wanted.begin(), wanted.end(), sc.name) == wanted.end();
  });
  return absl::OkStatus();
}

}  // namespace huinong::bench
