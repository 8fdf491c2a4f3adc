// See loan_records_format.h.
#include "tools/huinongctl/src/loan_records_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {

namespace v1 = ::huinong::loans::v1;

std::string ExtensionText(const v1::Extension& e) {
  return absl::StrCat("+", e.months(), " months on ", DateText(e.effective_date()), ": ",
                      DateText(e.previous_maturity_date()), " → ", DateText(e.new_maturity_date()), " (", e.policy(),
                      ", ", e.recorded_by(), ")");
}

std::string ReturnVisitDetail(const v1::ReturnVisit& r) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"visit", r.name()},
      {"date", DateText(r.visit_date())},
      {"visitors", absl::StrJoin(r.visitors(), ", ")},
      {"funds", EnumWord(r.funds_use())},
      {"production", EnumWord(r.production_status())},
      {"findings", r.findings()},
      {"follow up", r.follow_up() ? "yes" : "no"}};
  for (const type::v1::DocumentRef& d : r.documents()) rows.emplace_back("document", d.uri());
  rows.emplace_back("township", r.township());
  rows.emplace_back("recorded by", r.recorded_by());
  return KeyValueBlock(rows);
}

Table ReturnVisitTable(const std::vector<v1::ReturnVisit>& visits) {
  Table table({"NAME", "DATE", "FUNDS", "PRODUCTION", "FOLLOW-UP", "VISITORS"});
  for (const v1::ReturnVisit& r : visits) {
    table.AddRow({r.name(), DateText(r.visit_date()), EnumWord(r.funds_use()), EnumWord(r.production_status()),
                  r.follow_up() ? "yes" : "", absl::StrJoin(r.visitors(), ", ")});
  }
  return table;
}

}  // namespace huinong::ctl
