// See staffing_mapping.h.
#include "svc-org/src/api/staffing_mapping.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_standard.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"title", "source", "description", "rule", "status",
                                          "effective_from"};
// The oneof's fields: a violation under any of them belongs to mask path "rule".
const std::set<std::string> kRuleFields = {"rule", "per_unit", "formula", "summed_fractions",
                                           "percentage_bands", "ratio_pyramid"};

absl::StatusOr<v1::Decimal> ToDecimal(const Exact& e) {
  ASSIGN_OR_RETURN(int64_t micros, e.ToMicros());
  v1::Decimal d;
  d.set_micros(micros);
  return d;
}

}  // namespace

std::string StandardName(const std::string& id) { return rpc::FormatName(kStandardCollection, id); }

std::string StandardEtag(const store::StandardRecord& r) { return absl::StrCat(r.version, ".", r.revision); }

v1::StaffingStandard ToProto(const store::StandardRecord& r) {
  v1::StaffingStandard p = ToProto(r.body);
  p.set_name(StandardName(r.id));
  p.set_version(r.version);
  *p.mutable_create_time() = rpc::ToTimestamp(r.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(r.update_time);
  p.set_etag(StandardEtag(r));
  return p;
}

void CheckStatusAndDate(const v1::StaffingStandard& in, bool status_required, rpc::Violations& v) {
  if (in.status() == 0) {
    if (status_required) v.Add("standard.status", "required");
  } else if (!v1::StaffingStandardStatus_IsValid(in.status())) {
    v.Add("standard.status", absl::StrCat("unknown value ", in.status()));
  }
  rpc::FromDate(in.effective_from(), "standard.effective_from", v);
}

std::set<std::string> UpdatePaths(const google::protobuf::FieldMask& mask, rpc::Violations& v) {
  std::set<std::string> paths;
  if (mask.paths_size() == 0) v.Add("update_mask", "required");
  for (const auto& path : mask.paths()) {
    if (!kUpdatable.count(path)) {
      v.Add("update_mask", absl::StrCat("\"", path, "\" is not an updatable field (updatable: ",
                                        absl::StrJoin(kUpdatable, ", "), ")"));
    } else {
      paths.insert(path);
    }
  }
  return paths;
}

void ApplyUpdate(const v1::StaffingStandard& in, const std::set<std::string>& paths,
                 StaffingStandard& body, rpc::Violations& v) {
  const StaffingStandard changes = FromProto(in);
  rpc::Violations all;
  CheckStandardFields(changes, "standard", all);
  for (const auto& fv : all.list()) {
    std::string top = fv.field.substr(std::string("standard.").size());
    top = top.substr(0, top.find_first_of(".["));
    if (paths.count(kRuleFields.count(top) ? "rule" : top)) v.Add(fv.field, fv.description);
  }
  if (paths.count("status")) {
    if (in.status() == 0) {
      v.Add("standard.status", "required");
    } else if (!v1::StaffingStandardStatus_IsValid(in.status())) {
      v.Add("standard.status", absl::StrCat("unknown value ", in.status()));
    }
  }
  if (paths.count("effective_from")) rpc::FromDate(in.effective_from(), "standard.effective_from", v);
  const auto take = [&](const char* path, auto StaffingStandard::*field) {
    if (paths.count(path)) body.*field = changes.*field;
  };
  take("title", &StaffingStandard::title);
  take("source", &StaffingStandard::source);
  take("description", &StaffingStandard::description);
  take("rule", &StaffingStandard::rule);
  take("status", &StaffingStandard::status);
  take("effective_from", &StaffingStandard::effective_from);
}

ReadInputsResult ReadInputs(const google::protobuf::RepeatedPtrField<v1::StaffingInput>& inputs,
                            const std::map<std::string, bool>& known_drivers, bool accept_actuals,
                            rpc::Violations& v) {
  ReadInputsResult out;
  std::set<std::string> seen;
  for (int i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    const std::string at = absl::StrCat("inputs[", i, "]");
    const std::string& name = in.driver();
    if (name.empty()) {
      v.Add(at + ".driver", "required");
      continue;
    }
    if (!seen.insert(name).second) {
      v.Add(at + ".driver", absl::StrCat("\"", name, "\" is given twice"));
      continue;
    }
    if (in.value().micros() < 0) v.Add(at + ".value", "must not be negative");
    const Exact value = Exact::Micros(in.value().micros());
    if (accept_actuals && absl::StartsWith(name, kActualPrefix) && !known_drivers.count(name)) {
      if (!value.is_integer()) {
        v.Add(at + ".value", "an actual headcount is a whole number");
      } else if (value.num() > INT32_MAX) {
        v.Add(at + ".value", "is too large a headcount");
      } else {
        out.actuals[name.substr(kActualPrefix.size())] = static_cast<int64_t>(value.num());
      }
      continue;
    }
    if (!known_drivers.count(name)) {
      std::vector<std::string> names;
      for (const auto& [known, optional] : known_drivers) names.push_back(known);
      v.Add(at + ".driver", absl::StrCat("the standard has no driver \"", name, "\" (its drivers: ",
                                         absl::StrJoin(names, ", "), ")"));
      continue;
    }
    out.drivers[name] = value;
  }
  return out;
}

absl::StatusOr<v1::StaffingCalculation> ToProto(const Calculation& calc,
                                                const store::StandardRecord& standard) {
  v1::StaffingCalculation p;
  p.set_standard(StandardName(standard.id));
  p.set_version(standard.version);
  ASSIGN_OR_RETURN(*p.mutable_exact(), ToDecimal(calc.exact));
  p.set_headcount(calc.headcount);
  for (const auto& line : calc.lines) {
    v1::StaffingLine* l = p.add_lines();
    l->set_label(line.label);
    ASSIGN_OR_RETURN(*l->mutable_exact(), ToDecimal(line.exact));
    l->set_headcount(line.headcount);
    l->mutable_range()->set_min(line.min);
    l->mutable_range()->set_max(line.max);
  }
  for (size_t i = 0; i < calc.steps.size(); ++i) {
    v1::CalculationStep* s = p.add_steps();
    s->set_index(static_cast<int32_t>(i + 1));
    s->set_description(calc.steps[i].description);
    s->set_working(calc.steps[i].working);
    ASSIGN_OR_RETURN(*s->mutable_value(), ToDecimal(calc.steps[i].value));
  }
  return p;
}

v1::ComplianceLine ToProto(const ComplianceLineResult& line) {
  v1::ComplianceLine p;
  p.set_label(line.label);
  p.mutable_required()->set_min(line.min);
  p.mutable_required()->set_max(line.max);
  p.set_actual(static_cast<int32_t>(line.actual));
  p.set_compliant(line.compliant());
  if (line.actual_bp) p.set_actual_bp(*line.actual_bp);
  return p;
}

}  // namespace huinong::org
