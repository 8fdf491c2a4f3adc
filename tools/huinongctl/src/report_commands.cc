// `huinongctl report ...`: the read-only reports of svc-org (vacancies
// against quota up the tree, a reporting chain, acting heads, village
// coverage gaps, a unit's quota report). A method the server does not
// implement yet fails like any other call (error: UNIMPLEMENTED ..., exit 1).
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

std::string Figures(const v1::VacancyFigures& f) {
  return absl::StrCat(f.quota().min(), f.quota().min() == f.quota().max() ? "" : absl::StrCat("–", f.quota().max()));
}

absl::Status Vacancies(const Invocation& inv, const OrgClient& org) {
  v1::GetVacancyReportRequest request;
  ASSIGN_OR_RETURN(const std::string unit, Arg(inv, 0, "UNIT"));
  request.set_root(ResourceName("units", unit));
  ASSIGN_OR_RETURN(const int depth, CountFlag(inv, "depth", 0));
  request.set_max_depth(depth);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  request.set_page_size(kFullPage);
  v1::GetVacancyReportResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::GetVacancyReportResponse page,
                     org.Call<v1::GetVacancyReportResponse>(&v1::OrgQueryService::Stub::GetVacancyReport, request));
    all.mutable_rows()->MergeFrom(page.rows());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  Table table({"UNIT", "QUOTA", "FILLED", "HEADCOUNT", "VACANCIES", "OVER", "FROZEN", "RESERVED", "NAME"});
  for (const v1::VacancyRow& row : all.rows()) {
    const v1::VacancyFigures& f = row.subtree();
    table.AddRow({std::string(2 * row.relative_depth(), ' ') + row.display_name(), Figures(f),
                  absl::StrCat(f.filled_seats()), absl::StrCat(f.headcount()), absl::StrCat(f.vacancies()),
                  absl::StrCat(f.over_quota()), absl::StrCat(f.frozen()), absl::StrCat(f.reserved()), row.unit()});
  }
  std::cout << table.Render();
  return absl::OkStatus();
}

absl::Status Chain(const Invocation& inv, const OrgClient& org) {
  v1::GetReportingChainRequest request;
  ASSIGN_OR_RETURN(const std::string start, Arg(inv, 0, "POST_OR_STAFF (posts/ID or staff/ID)"));
  if (start.starts_with("staff/")) {
    request.set_staff(start);
  } else if (start.starts_with("posts/")) {
    request.set_post(start);
  } else {
    return UsageError("give posts/ID or staff/ID");
  }
  absl::StatusOr<bool> other = inv.config.Bool("other_lines", false);
  if (!other.ok()) return AsUsageError(other.status());
  request.set_include_other_lines(*other);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  ASSIGN_OR_RETURN(const v1::ReportingChain chain, org.Call<v1::ReportingChain>(&v1::OrgQueryService::Stub::GetReportingChain, request));
  if (inv.json) return PrintProtoJson(chain);
  for (const v1::ChainLink& link : chain.links()) {
    std::string holders;
    for (const v1::PostHolder& h : link.holders()) {
      absl::StrAppend(&holders, holders.empty() ? "" : ", ", h.display_name(),
                      h.kind() == v1::ASSIGNMENT_KIND_PRIMARY ? "" : " (" + AssignmentKindName(h.kind()) + ")");
    }
    std::cout << std::string(2 * link.distance(), ' ')
              << (link.line() == v1::REPORTING_LINE_KIND_DOTTED ? "⋯ " : "")
              << link.post_title() << "  " << link.post() << "  " << link.unit()
              << (holders.empty() ? "  (vacant)" : "  " + holders) << "\n";
  }
  return absl::OkStatus();
}

absl::Status ActingHeads(const Invocation& inv, const OrgClient& org) {
  v1::ListActingHeadsRequest request;
  ASSIGN_OR_RETURN(const std::string root, RequiredFlag(inv, "root"));
  request.set_root(ResourceName("units", root));
  absl::StatusOr<bool> deputies = inv.config.Bool("deputies", false);
  if (!deputies.ok()) return AsUsageError(deputies.status());
  request.set_include_deputies(*deputies);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "date", request.mutable_date(), &set));
  request.set_page_size(kFullPage);
  v1::ListActingHeadsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListActingHeadsResponse page,
                     org.Call<v1::ListActingHeadsResponse>(&v1::OrgQueryService::Stub::ListActingHeads, request));
    all.mutable_acting_heads()->MergeFrom(page.acting_heads());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  Table table({"UNIT", "POST", "ACTING", "FOR", "FROM", "TO", "REASON"});
  for (const v1::ActingHead& a : all.acting_heads()) {
    table.AddRow({a.unit_display_name(), a.post(), a.acting().display_name(), a.acting_for(),
                  DateText(a.effective_from()), DateText(a.effective_to()), a.delegation().reason()});
  }
  std::cout << table.Render();
  return absl::OkStatus();
}

absl::Status Coverage(const Invocation& inv, const OrgClient& org) {
  v1::GetCoverageGapsRequest request;
  ASSIGN_OR_RETURN(const std::string county, RequiredFlag(inv, "county"));
  request.set_county(ResourceName("units", county));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  ASSIGN_OR_RETURN(const v1::GetCoverageGapsResponse gaps,
                   org.Call<v1::GetCoverageGapsResponse>(&v1::OrgQueryService::Stub::GetCoverageGaps, request));
  if (inv.json) return PrintProtoJson(gaps);
  Table table({"KIND", "UNIT", "DESCRIPTION"});
  for (const v1::CoverageGap& g : gaps.gaps()) {
    table.AddRow({v1::CoverageGapKind_Name(g.kind()), g.unit(), g.description()});
  }
  std::cout << table.Render() << absl::StrCat(gaps.gaps_size(), " gaps; ", gaps.townships_checked(),
                                              " townships and ", gaps.villages_checked(), " villages checked\n");
  return absl::OkStatus();
}

absl::Status QuotaReport(const Invocation& inv, const OrgClient& org) {
  v1::GetQuotaReportRequest request;
  ASSIGN_OR_RETURN(const std::string unit, Arg(inv, 0, "UNIT"));
  request.set_unit(ResourceName("units", unit));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  ASSIGN_OR_RETURN(const v1::QuotaReport report, org.Call<v1::QuotaReport>(&v1::PostService::Stub::GetQuotaReport, request));
  if (inv.json) return PrintProtoJson(report);
  const auto range = [](const v1::HeadcountRange& r) {
    return r.min() == r.max() ? absl::StrCat(r.max()) : absl::StrCat(r.min(), "–", r.max());
  };
  std::cout << KeyValueBlock({{"unit", report.unit()},
                              {"unit total", report.has_unit_total() ? range(report.unit_total()) : "(none)"},
                              {"posts sum", range(report.posts_sum())},
                              {"difference", range(report.difference())},
                              {"balanced", report.balanced() ? "yes" : "no"},
                              {"headcount", absl::StrCat(report.headcount())}});
  Table table({"POST", "TITLE", "QUOTA", "FILLED", "ACTING", "VACANCIES", "OVER"});
  for (const v1::PostQuotaLine& line : report.posts()) {
    table.AddRow({line.post(), line.post_title(), range(line.quota_range()), absl::StrCat(line.filled()),
                  absl::StrCat(line.acting()), absl::StrCat(line.vacancies()), absl::StrCat(line.over_quota())});
  }
  std::cout << table.Render();
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"report vacancies", {&Vacancies, {"depth", "as_of"}, 1}},
      {"report chain", {&Chain, {"other_lines", "as_of"}, 1}},
      {"report acting-heads", {&ActingHeads, {"root", "deputies", "date"}, 0}},
      {"report coverage", {&Coverage, {"county", "as_of"}, 0}},
      {"report quota", {&QuotaReport, {"as_of"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunReport(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
