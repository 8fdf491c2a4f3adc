// See loans_loss_format.h.
#include "tools/huinongctl/src/loans_loss_format.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Rows = std::vector<std::pair<std::string, std::string>>;

void AddIfSet(Rows& rows, const std::string& key, const std::string& value) {
  if (!value.empty()) rows.emplace_back(key, value);
}

}  // namespace

std::string RiskFundDetail(const v1::RiskFund& f) {
  Rows rows = {{"fund", absl::StrCat(f.title(), "  ", f.name())},
               {"county", f.county()},
               {"finance bureau", f.finance_bureau()},
               {"poverty office", f.poverty_office()},
               {"balance", YuanText(f.balance())},
               {"contributions", YuanText(f.total_contributions())},
               {"compensations", YuanText(f.total_compensations())},
               {"recoveries", YuanText(f.total_recoveries())}};
  if (f.has_ledger()) rows.emplace_back("ledger", f.ledger().balanced() ? "balanced" : "NOT balanced");
  AddIfSet(rows, "etag", f.etag());
  return KeyValueBlock(rows);
}

Table RiskFundTable(const std::vector<v1::RiskFund>& funds) {
  Table table({"NAME", "COUNTY", "BALANCE", "CONTRIBUTIONS", "COMPENSATIONS", "RECOVERIES", "TITLE"});
  for (const v1::RiskFund& f : funds) {
    table.AddRow({f.name(), f.county(), YuanText(f.balance()), YuanText(f.total_contributions()),
                  YuanText(f.total_compensations()), YuanText(f.total_recoveries()), f.title()});
  }
  return table;
}

std::string LedgerText(const v1::RiskFund& f) {
  const v1::FundLedger& l = f.ledger();
  return absl::StrCat(f.name(), "  ", l.balanced() ? "balanced" : "NOT balanced", "\n", "  balance   ",
                      YuanText(f.balance()), "\n", "  expected  ", YuanText(l.expected_balance()), " = ",
                      YuanText(l.contributions()), " − ", YuanText(l.compensations()), " + ",
                      YuanText(l.recoveries()), "  (", l.transaction_count(), " movements)\n");
}

std::string FundTransactionDetail(const v1::FundTransaction& t) {
  Rows rows = {{"transaction", t.name()},
               {"kind", EnumWord(t.kind())},
               {"amount", YuanText(t.amount())},
               {"value date", DateText(t.value_date())},
               {"reference", t.reference()},
               {"balance after", YuanText(t.balance_after())}};
  AddIfSet(rows, "claim", t.claim());
  AddIfSet(rows, "loan", t.loan());
  AddIfSet(rows, "note", t.note());
  AddIfSet(rows, "recorded by", t.recorded_by());
  return KeyValueBlock(rows);
}

Table FundTransactionTable(const std::vector<v1::FundTransaction>& transactions) {
  Table table({"NAME", "KIND", "AMOUNT", "VALUE DATE", "BALANCE AFTER", "REFERENCE", "CLAIM"});
  for (const v1::FundTransaction& t : transactions) {
    table.AddRow({t.name(), EnumWord(t.kind()), YuanText(t.amount()), DateText(t.value_date()),
                  YuanText(t.balance_after()), t.reference(), t.claim()});
  }
  return table;
}

std::string ClaimDetail(const v1::CompensationClaim& c) {
  Rows rows = {{"claim", c.name()},
               {"state", EnumWord(c.state())},
               {"loan", c.loan()},
               {"fund", c.fund()},
               {"loss", YuanText(c.loss())},
               {"amount", absl::StrCat(YuanText(c.amount()), " (", RateText(c.ratio_bp()), " of the loss, ",
                                       c.policy(), ")")}};
  for (const v1::PartyReview& r : c.reviews()) {
    rows.emplace_back(EnumWord(r.party()), absl::StrCat(r.approved() ? "approved" : "rejected", " by ", r.reviewer(),
                                                        r.comment().empty() ? "" : "  ", r.comment()));
  }
  AddIfSet(rows, "payment", c.payment_transaction());
  if (c.recovered_to_fund().fen() > 0) rows.emplace_back("recovered to fund", YuanText(c.recovered_to_fund()));
  if (c.has_rejection()) rows.emplace_back("rejected", c.rejection().reason());
  AddIfSet(rows, "etag", c.etag());
  return KeyValueBlock(rows);
}

Table ClaimTable(const std::vector<v1::CompensationClaim>& claims) {
  Table table({"NAME", "STATE", "LOAN", "LOSS", "AMOUNT", "RECOVERED TO FUND"});
  for (const v1::CompensationClaim& c : claims) {
    table.AddRow({c.name(), EnumWord(c.state()), c.loan(), YuanText(c.loss()), YuanText(c.amount()),
                  YuanText(c.recovered_to_fund())});
  }
  return table;
}

std::string RecoveryDetail(const v1::Recovery& r) {
  Rows rows = {{"recovery", r.name()},
               {"amount", YuanText(r.amount())},
               {"value date", DateText(r.value_date())},
               {"source", EnumWord(r.source())},
               {"bank reference", r.bank_reference()},
               {"fund share", YuanText(r.fund_share())}};
  AddIfSet(rows, "fund transaction", r.fund_transaction());
  if (r.malicious_evasion()) rows.emplace_back("malicious evasion", absl::StrCat("blacklisted: ", r.blacklist_entry()));
  if (r.closes_case()) rows.emplace_back("case", "closed");
  AddIfSet(rows, "note", r.note());
  return KeyValueBlock(rows);
}

Table RecoveryTable(const std::vector<v1::Recovery>& recoveries) {
  Table table({"NAME", "AMOUNT", "VALUE DATE", "SOURCE", "REFERENCE", "FUND SHARE", "EVASION", "CLOSES"});
  for (const v1::Recovery& r : recoveries) {
    table.AddRow({r.name(), YuanText(r.amount()), DateText(r.value_date()), EnumWord(r.source()), r.bank_reference(),
                  YuanText(r.fund_share()), r.malicious_evasion() ? "yes" : "", r.closes_case() ? "yes" : ""});
  }
  return table;
}

}  // namespace huinong::ctl
