// `huinongctl loan writeoff ...`, `loan accountable`, `recovery ...`,
// `fund ...` and `claim ...`: what follows a loss (000:1433, 000:1537-1539,
// 000:1593) — the bank's write-off request and the county's decision
// (loans.disburse; loans.writeoff.approve), the bank's recoveries
// (loans.recovery), the staff answerable for a bad loan
// (loans.review.county), the county's risk compensation fund with its
// contributions and ledger check (loans.fund.pay), and the compensation
// claims a write-off opens, reviewed by the poverty office and the finance
// bureau and paid by the bureau. Each change carries a request id.
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/loans_loss_format.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Servicing = v1::ServicingService::Stub;
using Funds = v1::RiskFundService::Stub;

absl::StatusOr<std::string> NameArg(const Invocation& inv, const std::string& collection, const std::string& what) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, what));
  return ResourceName(collection, name);
}

absl::Status WriteOffRequest(const Invocation& inv, const LoansClient& loans) {
  v1::RequestWriteOffRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  ASSIGN_OR_RETURN(*request.mutable_date(), RequiredDate(inv, "date"));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", request.mutable_documents()));
  request.set_etag(inv.config.String("etag"));
  const auto loan = loans.Call<v1::Loan>(&Servicing::RequestWriteOff, request);
  return PrintWrite(inv, loan, "asked the county to write off " + request.name(), &LoanDetail, request.request_id());
}

absl::Status WriteOffApprove(const Invocation& inv, const LoansClient& loans) {
  v1::ApproveWriteOffRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  request.set_comment(inv.config.String("comment"));
  request.set_etag(inv.config.String("etag"));
  const auto loan = loans.Call<v1::Loan>(&Servicing::ApproveWriteOff, request);
  return PrintWrite(inv, loan, "wrote off " + request.name(), &LoanDetail, request.request_id());
}

absl::Status WriteOffReject(const Invocation& inv, const LoansClient& loans) {
  v1::RejectWriteOffRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  request.set_etag(inv.config.String("etag"));
  const auto loan = loans.Call<v1::Loan>(&Servicing::RejectWriteOff, request);
  return PrintWrite(inv, loan, "refused to write off " + request.name(), &LoanDetail, request.request_id());
}

absl::Status Accountable(const Invocation& inv, const LoansClient& loans) {
  v1::RecordAccountabilityRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  v1::AccountabilityRecord& r = *request.mutable_record();
  ASSIGN_OR_RETURN(const std::string staff, RequiredFlag(inv, "staff"));
  r.set_staff(ResourceName("staff", staff));
  ASSIGN_OR_RETURN(const v1::AccountabilityKind kind, RequiredEnum<v1::AccountabilityKind>(inv, "kind"));
  r.set_kind(kind);
  ASSIGN_OR_RETURN(*r.mutable_finding(), RequiredFlag(inv, "finding"));
  r.set_decision(inv.config.String("decision"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", r.mutable_documents()));
  request.set_etag(inv.config.String("etag"));
  const auto loan = loans.Call<v1::Loan>(&Servicing::RecordAccountability, request);
  return PrintWrite(inv, loan, "recorded who answers for " + request.name(), &LoanDetail, request.request_id());
}

absl::Status RecoveryRecord(const Invocation& inv, const LoansClient& loans) {
  v1::RecordRecoveryRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  v1::Recovery& r = *request.mutable_recovery();
  ASSIGN_OR_RETURN(*r.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(*r.mutable_value_date(), RequiredDate(inv, "value_date"));
  ASSIGN_OR_RETURN(const v1::RecoverySource source, RequiredEnum<v1::RecoverySource>(inv, "source"));
  r.set_source(source);
  ASSIGN_OR_RETURN(*r.mutable_bank_reference(), RequiredFlag(inv, "bank_reference"));
  r.set_note(inv.config.String("note"));
  ASSIGN_OR_RETURN(const bool evasion, Switch(inv, "malicious_evasion"));
  r.set_malicious_evasion(evasion);
  ASSIGN_OR_RETURN(const bool closes, Switch(inv, "closes_case"));
  r.set_closes_case(closes);
  request.set_evasion_reason(inv.config.String("evasion_reason"));
  RETURN_IF_ERROR(DocumentFlags(inv, "evidence", request.mutable_evasion_evidence()));
  const auto made = loans.Call<v1::Recovery>(&Servicing::RecordRecovery, request);
  return PrintWrite(inv, made, "recovered on " + request.name(), &RecoveryDetail, request.request_id());
}

absl::Status RecoveryList(const Invocation& inv, const LoansClient& loans) {
  v1::ListRecoveriesRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "loans", "loan (loans/ID)"));
  return PrintList<v1::ListRecoveriesRequest, v1::ListRecoveriesResponse, v1::Recovery>(
      inv, request,
      [&](const v1::ListRecoveriesRequest& r) {
        return loans.Call<v1::ListRecoveriesResponse>(&Servicing::ListRecoveries, r);
      },
      &v1::ListRecoveriesResponse::mutable_recoveries, &RecoveryTable);
}

absl::StatusOr<v1::RiskFund> GetFund(const LoansClient& loans, const std::string& name) {
  v1::GetRiskFundRequest request;
  request.set_name(name);
  return loans.Call<v1::RiskFund>(&Funds::GetRiskFund, request);
}

absl::Status FundCreate(const Invocation& inv, const LoansClient& loans) {
  v1::CreateRiskFundRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::RiskFund& f = *request.mutable_fund();
  ASSIGN_OR_RETURN(const std::string county, RequiredFlag(inv, "county"));
  f.set_county(ResourceName("units", county));
  ASSIGN_OR_RETURN(*f.mutable_title(), RequiredFlag(inv, "title"));
  ASSIGN_OR_RETURN(const std::string finance, RequiredFlag(inv, "finance_bureau"));
  f.set_finance_bureau(ResourceName("units", finance));
  ASSIGN_OR_RETURN(const std::string poverty, RequiredFlag(inv, "poverty_office"));
  f.set_poverty_office(ResourceName("units", poverty));
  const auto made = loans.Call<v1::RiskFund>(&Funds::CreateRiskFund, request);
  return PrintWrite(inv, made, "created the risk fund", &RiskFundDetail, request.request_id());
}

// One fund (the argument), or the list in scope.
absl::Status FundGet(const Invocation& inv, const LoansClient& loans) {
  if (!inv.args.empty()) return PrintRead(inv, GetFund(loans, ResourceName("riskFunds", inv.args[0])), &RiskFundDetail);
  v1::ListRiskFundsRequest request;
  if (inv.config.Has("county")) request.set_county(ResourceName("units", inv.config.String("county")));
  return PrintList<v1::ListRiskFundsRequest, v1::ListRiskFundsResponse, v1::RiskFund>(
      inv, request,
      [&](const v1::ListRiskFundsRequest& r) { return loans.Call<v1::ListRiskFundsResponse>(&Funds::ListRiskFunds, r); },
      &v1::ListRiskFundsResponse::mutable_funds, &RiskFundTable);
}

absl::Status FundContribute(const Invocation& inv, const LoansClient& loans) {
  v1::RecordFundContributionRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "riskFunds", "fund (riskFunds/ID)"));
  v1::FundTransaction& t = *request.mutable_transaction();
  t.set_kind(v1::FUND_TRANSACTION_KIND_CONTRIBUTION);
  if (inv.config.Has("kind")) {
    ASSIGN_OR_RETURN(const v1::FundTransactionKind kind, RequiredEnum<v1::FundTransactionKind>(inv, "kind"));
    t.set_kind(kind);
  }
  ASSIGN_OR_RETURN(*t.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(*t.mutable_value_date(), RequiredDate(inv, "value_date"));
  ASSIGN_OR_RETURN(*t.mutable_reference(), RequiredFlag(inv, "reference"));
  t.set_note(inv.config.String("note"));
  const auto made = loans.Call<v1::FundTransaction>(&Funds::RecordFundContribution, request);
  return PrintWrite(inv, made, "added to " + request.name(), &FundTransactionDetail, request.request_id());
}

absl::Status FundTransactions(const Invocation& inv, const LoansClient& loans) {
  v1::ListFundTransactionsRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "riskFunds", "fund (riskFunds/ID)"));
  ASSIGN_OR_RETURN(const v1::FundTransactionKind kind, OptionalEnum<v1::FundTransactionKind>(inv, "kind"));
  request.set_kind(kind);
  return PrintList<v1::ListFundTransactionsRequest, v1::ListFundTransactionsResponse, v1::FundTransaction>(
      inv, request,
      [&](const v1::ListFundTransactionsRequest& r) {
        return loans.Call<v1::ListFundTransactionsResponse>(&Funds::ListFundTransactions, r);
      },
      &v1::ListFundTransactionsResponse::mutable_transactions, &FundTransactionTable);
}

// The ledger check; a usage-visible failure (exit 1) when it does not balance.
absl::Status FundCheck(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(const std::string name, NameArg(inv, "riskFunds", "fund (riskFunds/ID)"));
  ASSIGN_OR_RETURN(const v1::RiskFund fund, GetFund(loans, name));
  RETURN_IF_ERROR(PrintRead(inv, absl::StatusOr<v1::RiskFund>(fund), &LedgerText));
  if (fund.ledger().balanced()) return absl::OkStatus();
  return absl::DataLossError(absl::StrCat(name, ": balance ≠ contributions − compensations + recoveries"));
}

absl::Status ClaimList(const Invocation& inv, const LoansClient& loans) {
  v1::ListCompensationClaimsRequest request;
  if (inv.config.Has("fund")) request.set_fund(ResourceName("riskFunds", inv.config.String("fund")));
  if (inv.config.Has("loan")) request.set_loan(ResourceName("loans", inv.config.String("loan")));
  ASSIGN_OR_RETURN(const v1::CompensationClaimState state, OptionalEnum<v1::CompensationClaimState>(inv, "state"));
  request.set_state(state);
  return PrintList<v1::ListCompensationClaimsRequest, v1::ListCompensationClaimsResponse, v1::CompensationClaim>(
      inv, request,
      [&](const v1::ListCompensationClaimsRequest& r) {
        return loans.Call<v1::ListCompensationClaimsResponse>(&Funds::ListCompensationClaims, r);
      },
      &v1::ListCompensationClaimsResponse::mutable_claims, &ClaimTable);
}

absl::Status ClaimGet(const Invocation& inv, const LoansClient& loans) {
  v1::GetCompensationClaimRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "compensationClaims", "claim (compensationClaims/ID)"));
  return PrintRead(inv, loans.Call<v1::CompensationClaim>(&Funds::GetCompensationClaim, request), &ClaimDetail);
}

absl::Status ClaimReview(const Invocation& inv, const LoansClient& loans) {
  v1::ReviewCompensationClaimRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "compensationClaims", "claim (compensationClaims/ID)"));
  ASSIGN_OR_RETURN(const v1::ReviewParty party, RequiredEnum<v1::ReviewParty>(inv, "party"));
  request.set_party(party);
  request.set_comment(inv.config.String("comment"));
  request.set_etag(inv.config.String("etag"));
  const auto claim = loans.Call<v1::CompensationClaim>(&Funds::ReviewCompensationClaim, request);
  return PrintWrite(inv, claim, "approved " + request.name(), &ClaimDetail, request.request_id());
}

absl::Status ClaimReject(const Invocation& inv, const LoansClient& loans) {
  v1::RejectCompensationClaimRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "compensationClaims", "claim (compensationClaims/ID)"));
  ASSIGN_OR_RETURN(const v1::ReviewParty party, RequiredEnum<v1::ReviewParty>(inv, "party"));
  request.set_party(party);
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  request.set_etag(inv.config.String("etag"));
  const auto claim = loans.Call<v1::CompensationClaim>(&Funds::RejectCompensationClaim, request);
  return PrintWrite(inv, claim, "rejected " + request.name(), &ClaimDetail, request.request_id());
}

absl::Status ClaimPay(const Invocation& inv, const LoansClient& loans) {
  v1::PayCompensationClaimRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), NameArg(inv, "compensationClaims", "claim (compensationClaims/ID)"));
  ASSIGN_OR_RETURN(*request.mutable_value_date(), RequiredDate(inv, "value_date"));
  ASSIGN_OR_RETURN(*request.mutable_reference(), RequiredFlag(inv, "reference"));
  request.set_etag(inv.config.String("etag"));
  const auto claim = loans.Call<v1::CompensationClaim>(&Funds::PayCompensationClaim, request);
  return PrintWrite(inv, claim, "paid " + request.name(), &ClaimDetail, request.request_id());
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"loan writeoff request", {&WriteOffRequest, {"date", "reason", "document", "etag", "request_id"}, 1}},
      {"loan writeoff approve", {&WriteOffApprove, {"comment", "etag", "request_id"}, 1}},
      {"loan writeoff reject", {&WriteOffReject, {"reason", "etag", "request_id"}, 1}},
      {"loan accountable",
       {&Accountable, {"staff", "kind", "finding", "decision", "document", "etag", "request_id"}, 1}},
      {"recovery record",
       {&RecoveryRecord,
        {"amount", "value_date", "source", "bank_reference", "note", "malicious_evasion", "closes_case",
         "evasion_reason", "evidence", "request_id"},
        1}},
      {"recovery list", {&RecoveryList, {"page_size", "page_token", "all"}, 1}},
      {"fund create", {&FundCreate, {"county", "title", "finance_bureau", "poverty_office", "request_id"}, 0}},
      {"fund get", {&FundGet, {"county", "page_size", "page_token", "all"}, 1}},
      {"fund contribute", {&FundContribute, {"kind", "amount", "value_date", "reference", "note", "request_id"}, 1}},
      {"fund transactions", {&FundTransactions, {"kind", "page_size", "page_token", "all"}, 1}},
      {"fund check", {&FundCheck, {}, 1}},
      {"claim list", {&ClaimList, {"fund", "loan", "state", "page_size", "page_token", "all"}, 0}},
      {"claim get", {&ClaimGet, {}, 1}},
      {"claim review", {&ClaimReview, {"party", "comment", "etag", "request_id"}, 1}},
      {"claim reject", {&ClaimReject, {"party", "reason", "etag", "request_id"}, 1}},
      {"claim pay", {&ClaimPay, {"value_date", "reference", "etag", "request_id"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunLosses(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
