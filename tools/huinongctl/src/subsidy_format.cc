// See subsidy_format.h.
#include "tools/huinongctl/src/subsidy_format.h"

#include "absl/strings/str_cat.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

std::string Period(const type::v1::DateRange& p) { return absl::StrCat(DateText(p.start()), "..", DateText(p.end())); }

std::string Step(const v1::SubsidyStepRecord& s) {
  return absl::StrCat("by ", s.decided_by(), s.comment().empty() ? "" : "  ", s.comment());
}

std::string NoticeText(const v1::SubsidyClaim& c) {
  if (!c.has_notice_start_date()) return "";
  return absl::StrCat(DateText(c.notice_start_date()), " to the day before ", DateText(c.notice_end_date()),
                      "; payment from ", DateText(c.notice_end_date()));
}

}  // namespace

std::string SubsidyClaimDetail(const v1::SubsidyClaim& c) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"claim", c.name()},
      {"loan", c.loan()},
      {"borrower", c.borrower()},
      {"township", c.township()},
      {"period", Period(c.period())},
      {"interest paid", YuanText(c.interest_paid())},
  };
  for (const v1::SubsidyLine& l : c.lines()) {
    rows.emplace_back(absl::StrCat("  ", EnumWord(l.subsidy_class())),
                      absl::StrCat(YuanText(l.principal()), " × ", RateText(l.rate_bp()), " × ", l.days(),
                                   " days = ", YuanText(l.amount())));
  }
  rows.emplace_back("amount", absl::StrCat(YuanText(c.amount()), " (never more than the interest paid)"));
  rows.emplace_back("bank card", c.bank_card_number());
  rows.emplace_back("state", EnumWord(c.state()));
  if (c.has_township_check()) rows.emplace_back("checked", Step(c.township_check()));
  if (c.has_county_review()) rows.emplace_back("reviewed", Step(c.county_review()));
  if (c.has_notice_start_date()) rows.emplace_back("notice", NoticeText(c));
  if (c.has_notice()) rows.emplace_back("posted at", DocumentText(c.notice()));
  for (const v1::SubsidyObjection& o : c.objections()) {
    rows.emplace_back(absl::StrCat("objection ", o.index()),
                      absl::StrCat(o.objector(), ": ", o.content(), o.resolved() ? " (resolved)" : ""));
  }
  if (c.has_payment()) {
    rows.emplace_back("paid", absl::StrCat(YuanText(c.payment().amount()), " on ", DateText(c.payment().paid_date()),
                                           ", ", c.payment().finance_reference(), "  by ", c.payment().paid_by()));
  }
  if (c.has_clawback()) {
    rows.emplace_back("clawed back", absl::StrCat(YuanText(c.clawback().amount()), ", ",
                                                  EnumWord(c.clawback().category()), ": ", c.clawback().finding()));
  }
  if (c.has_rejection()) {
    rows.emplace_back("rejected", absl::StrCat(c.rejection().reason(), "  by ", c.rejection().rejected_by()));
  }
  rows.emplace_back("etag", c.etag());
  return KeyValueBlock(rows);
}

Table SubsidyClaimTable(const std::vector<v1::SubsidyClaim>& claims) {
  Table table({"CLAIM", "STATE", "AMOUNT", "PERIOD", "NOTICE ENDS", "LOAN"});
  for (const v1::SubsidyClaim& c : claims) {
    table.AddRow({c.name(), EnumWord(c.state()), YuanText(c.amount()), Period(c.period()),
                  c.has_notice_end_date() ? DateText(c.notice_end_date()) : "", c.loan()});
  }
  return table;
}

std::string SubsidyNoticeCsv(const std::vector<v1::SubsidyClaim>& claims) {
  std::string out = CsvRecord({"claim", "borrower", "township", "loan", "period_start", "period_end", "amount_yuan",
                               "notice_start", "notice_end", "notice"});
  for (const v1::SubsidyClaim& c : claims) {
    out += CsvRecord({c.name(), c.borrower(), c.township(), c.loan(), DateText(c.period().start()),
                      DateText(c.period().end()), YuanText(c.amount()), DateText(c.notice_start_date()),
                      DateText(c.notice_end_date()), c.notice().uri()});
  }
  return out;
}

}  // namespace huinong::ctl
