// Post, staff, assignment, capability and calculation text; see org_format.h.
#include "tools/huinongctl/src/org_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

std::string Range(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "";
  return absl::StrCat(from, " … ", to.empty() ? "open" : to);
}

std::string StaffStatusName(v1::StaffStatus status) {
  switch (status) {
    case v1::STAFF_STATUS_ACTIVE: return "active";
    case v1::STAFF_STATUS_ON_LEAVE: return "on leave";
    case v1::STAFF_STATUS_LEFT: return "left";
    default: return "?";
  }
}

std::string RuleText(const v1::StaffingStandard& s) {
  switch (s.rule_case()) {
    case v1::StaffingStandard::kPerUnit:
      return absl::StrCat("per unit: ", s.per_unit().posts_per_step() == 0 ? 1 : s.per_unit().posts_per_step(),
                          " per ", DecimalText(s.per_unit().per()), " ", s.per_unit().driver());
    case v1::StaffingStandard::kFormula: return absl::StrCat("formula: ", s.formula().expression());
    case v1::StaffingStandard::kSummedFractions: return "summed fractions";
    case v1::StaffingStandard::kPercentageBands: return "percentage bands";
    case v1::StaffingStandard::kRatioPyramid: return absl::StrCat("ratio pyramid from ", s.ratio_pyramid().base_driver());
    default: return "?";
  }
}

}  // namespace

std::string PostLabel(const v1::Post& post) {
  std::vector<std::string> flags = {PostKindName(post.kind())};
  if (post.head()) flags.push_back("head");
  if (post.deputy()) flags.push_back("deputy");
  if (post.status() == v1::POST_STATUS_PLANNED) flags.push_back("planned");
  if (post.status() == v1::POST_STATUS_ABOLISHED) flags.push_back("abolished");
  return absl::StrCat(post.title(), "  [", absl::StrJoin(flags, ", "), "]  ", post.name());
}

std::string PostDetail(const v1::Post& post) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", post.name()},     {"title", post.title()}, {"unit", post.unit()},
      {"code", post.code()},     {"kind", PostKindName(post.kind())},
      {"grade", post.grade()},   {"head", post.head() ? "yes" : ""}, {"deputy", post.deputy() ? "yes" : ""},
      {"capabilities", absl::StrJoin(post.capabilities(), ", ")},
      {"superior_post", post.superior_post()},
      {"subordinate_posts", absl::StrJoin(post.subordinate_posts(), ", ")},
      {"effective", Range(DateText(post.effective_from()), DateText(post.effective_to()))},
      {"mission", post.mission()},
  };
  for (int i = 0; i < post.duties_size(); ++i) {
    rows.emplace_back(absl::StrCat("duty ", i + 1), post.duties(i).text());
  }
  for (const v1::ReportingLine& line : post.other_lines()) {
    rows.emplace_back(line.kind() == v1::REPORTING_LINE_KIND_DOTTED ? "dotted line" : "independent line",
                      line.post());
  }
  std::vector<std::pair<std::string, std::string>> shown;
  for (auto& row : rows) {
    if (!row.second.empty()) shown.push_back(std::move(row));
  }
  return KeyValueBlock(shown);
}

Table PostTable(const std::vector<v1::Post>& posts) {
  Table table({"NAME", "TITLE", "KIND", "HEAD", "UNIT", "SUPERIOR", "CAPABILITIES"});
  for (const v1::Post& post : posts) {
    table.AddRow({post.name(), post.title(), PostKindName(post.kind()),
                  post.head() ? "head" : (post.deputy() ? "deputy" : ""), post.unit(), post.superior_post(),
                  absl::StrJoin(post.capabilities(), ",")});
  }
  return table;
}

std::string StaffLabel(const v1::Staff& staff) {
  return absl::StrCat(staff.display_name(), "  ", staff.name(),
                      staff.status() == v1::STAFF_STATUS_ACTIVE ? "" : "  (" + StaffStatusName(staff.status()) + ")");
}

std::string StaffDetail(const v1::Staff& staff) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", staff.name()},   {"display_name", staff.display_name()},
      {"employee_number", staff.employee_number()}, {"phone", staff.phone()},
      {"email", staff.email()}, {"status", StaffStatusName(staff.status())},
      {"employer", staff.employer()},
  };
  std::vector<std::string> quals;
  for (const v1::HeldQualification& q : staff.qualifications()) quals.push_back(q.code());
  rows.emplace_back("qualifications", absl::StrJoin(quals, ", "));
  std::vector<std::pair<std::string, std::string>> shown;
  for (auto& row : rows) {
    if (!row.second.empty()) shown.push_back(std::move(row));
  }
  return KeyValueBlock(shown);
}

Table StaffTable(const std::vector<v1::Staff>& staff) {
  Table table({"NAME", "DISPLAY NAME", "EMPLOYEE NO", "PHONE", "STATUS"});
  for (const v1::Staff& s : staff) {
    table.AddRow({s.name(), s.display_name(), s.employee_number(), s.phone(), StaffStatusName(s.status())});
  }
  return table;
}

std::string AssignmentDetail(const v1::Assignment& a) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", a.name()},
      {"staff", a.staff()},
      {"post", a.post()},
      {"unit", a.unit()},
      {"kind", AssignmentKindName(a.kind())},
      {"state", AssignmentStateName(a.state())},
      {"effective", Range(DateText(a.effective_from()), DateText(a.effective_to()))},
      {"fills_seat", a.fills_seat() ? "yes" : "no"},
  };
  if (a.has_delegation()) {
    rows.emplace_back("acting_for", a.delegation().acting_for());
    rows.emplace_back("delegated_by", a.delegation().delegated_by());
    rows.emplace_back("reason", a.delegation().reason());
  }
  if (a.has_secondment()) rows.emplace_back("seconded_from", a.secondment().from_organisation());
  if (!a.note().empty()) rows.emplace_back("note", a.note());
  return KeyValueBlock(rows);
}

Table AssignmentTable(const std::vector<v1::Assignment>& assignments) {
  Table table({"NAME", "STAFF", "POST", "KIND", "FROM", "TO", "STATE"});
  for (const v1::Assignment& a : assignments) {
    table.AddRow({a.name(), a.staff(), a.post(), AssignmentKindName(a.kind()), DateText(a.effective_from()),
                  DateText(a.effective_to()), AssignmentStateName(a.state())});
  }
  return table;
}

std::string CapabilityAnswer(const v1::CheckCapabilityResponse& r) {
  if (!r.allowed()) return absl::StrCat("refused: ", DenialName(r.denial()), "\n");
  const v1::CapabilityGrant& via = r.via();
  std::string out = absl::StrCat("allowed via ", via.assignment(), " (", AssignmentKindName(via.assignment_kind()),
                                 ") on ", via.post(), " at ", via.post_unit(), " (distance ", via.distance(), ")");
  if (!via.acting_for().empty()) absl::StrAppend(&out, ", acting for ", via.acting_for());
  return out + "\n";
}

Table CapabilityHoldersTable(const std::vector<v1::CapabilityGrant>& holders) {
  Table table({"STAFF", "NAME", "KIND", "POST", "POST UNIT", "DISTANCE", "ACTING FOR"});
  for (const v1::CapabilityGrant& g : holders) {
    table.AddRow({g.staff(), g.display_name(), AssignmentKindName(g.assignment_kind()), g.post(), g.post_unit(),
                  absl::StrCat(g.distance()), g.acting_for()});
  }
  return table;
}

std::string StandardLabel(const v1::StaffingStandard& s) {
  return absl::StrCat(s.title(), "  [v", s.version(), ", ", RuleText(s), "]  ", s.name());
}

std::string StandardDetail(const v1::StaffingStandard& s) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", s.name()}, {"version", absl::StrCat(s.version())}, {"title", s.title()},
      {"rule", RuleText(s)}, {"source", s.source()}, {"description", s.description()},
  };
  if (s.has_per_unit()) {
    rows.emplace_back("rounding", v1::RoundingMode_Name(s.per_unit().rounding()));
    rows.emplace_back("minimum", absl::StrCat(s.per_unit().minimum()));
  }
  std::vector<std::pair<std::string, std::string>> shown;
  for (auto& row : rows) {
    if (!row.second.empty()) shown.push_back(std::move(row));
  }
  return KeyValueBlock(shown);
}

std::string CalculationText(const v1::StaffingCalculation& c) {
  std::string out = KeyValueBlock({{"standard", absl::StrCat(c.standard(), " v", c.version())},
                                   {"exact", DecimalText(c.exact())},
                                   {"headcount", absl::StrCat(c.headcount())}});
  if (c.lines_size() > 0) {
    Table table({"LINE", "EXACT", "HEADCOUNT", "RANGE"});
    for (const v1::StaffingLine& line : c.lines()) {
      table.AddRow({line.label(), DecimalText(line.exact()), absl::StrCat(line.headcount()),
                    absl::StrCat(line.range().min(), "–", line.range().max())});
    }
    out += table.Render();
  }
  out += "working:\n";
  for (const v1::CalculationStep& step : c.steps()) {
    absl::StrAppend(&out, "  ", step.index(), ". ", step.description());
    if (!step.working().empty()) absl::StrAppend(&out, ": ", step.working());
    out += "\n";
  }
  return out;
}

}  // namespace huinong::ctl
