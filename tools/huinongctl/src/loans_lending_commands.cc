// `huinongctl creditline ...` and `huinongctl loan ...`: what a disbursement
// leaves — the revolving credit line of a poverty small loan (一次核定、随用随贷、
// 余额控制、周转使用) with its draws, each a loan of its own, and the loans
// themselves with their schedule, repayments, payoff quote, extensions and
// return visits. A draw, a repayment and an extension are the bank's
// (loans.disburse, inside the loan's bank); a return visit the village
// station's, the township department's or the bank's. Each change carries a
// request id (a retry with it changes nothing); a draw and an extension also
// the etag (given or fetched just before).
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loan_records_format.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

absl::StatusOr<std::string> LineArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "credit line (creditLines/ID)"));
  return ResourceName("creditLines", name);
}

absl::StatusOr<v1::CreditLine> GetLine(const LoansClient& loans, const std::string& name) {
  v1::GetCreditLineRequest request;
  request.set_name(name);
  return loans.Call<v1::CreditLine>(&v1::ApplicationService::Stub::GetCreditLine, request);
}

absl::Status LineGet(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(const std::string name, LineArg(inv));
  return PrintRead(inv, GetLine(loans, name), &CreditLineDetail);
}

absl::Status LineList(const Invocation& inv, const LoansClient& loans) {
  v1::ListCreditLinesRequest request;
  if (inv.config.Has("borrower")) request.set_borrower(ResourceName("borrowers", inv.config.String("borrower")));
  if (inv.config.Has("township")) request.set_township(ResourceName("units", inv.config.String("township")));
  ASSIGN_OR_RETURN(const v1::CreditLineState state, OptionalEnum<v1::CreditLineState>(inv, "state"));
  request.set_state(state);
  return PrintList<v1::ListCreditLinesRequest, v1::ListCreditLinesResponse, v1::CreditLine>(
      inv, request,
      [&](const v1::ListCreditLinesRequest& r) {
        return loans.Call<v1::ListCreditLinesResponse>(&v1::ApplicationService::Stub::ListCreditLines, r);
      },
      &v1::ListCreditLinesResponse::mutable_credit_lines, &CreditLineTable);
}

absl::Status LineDraw(const Invocation& inv, const LoansClient& loans) {
  v1::DrawCreditLineRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), LineArg(inv));
  ASSIGN_OR_RETURN(*request.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(*request.mutable_value_date(), RequiredDate(inv, "value_date"));
  ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "term"));
  request.set_term_months(term);
  ASSIGN_OR_RETURN(*request.mutable_bank_reference(), RequiredFlag(inv, "bank_reference"));
  ASSIGN_OR_RETURN(const v1::Purpose purpose, RequiredEnum<v1::Purpose>(inv, "purpose"));
  request.set_purpose(purpose);
  RETURN_IF_ERROR(PayeeFlags(inv, [&] { return request.mutable_entrusted_payee(); }));
  request.set_etag(inv.config.String("etag"));
  if (request.etag().empty()) {
    ASSIGN_OR_RETURN(const v1::CreditLine current, GetLine(loans, request.name()));
    request.set_etag(current.etag());
  }
  const auto loan = loans.Call<v1::Loan>(&v1::ApplicationService::Stub::DrawCreditLine, request);
  return PrintWrite(inv, loan, "drew " + (loan.ok() ? loan->name() : "") + " on " + request.name(), &LoanDetail,
                    request.request_id());
}

absl::Status LoanGet(const Invocation& inv, const LoansClient& loans) {
  v1::GetLoanRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "loan (loans/ID)"));
  request.set_name(ResourceName("loans", name));
  return PrintRead(inv, loans.Call<v1::Loan>(&v1::ServicingService::Stub::GetLoan, request), &LoanDetail);
}

absl::Status LoanList(const Invocation& inv, const LoansClient& loans) {
  v1::ListLoansRequest request;
  if (inv.config.Has("borrower")) request.set_borrower(ResourceName("borrowers", inv.config.String("borrower")));
  if (inv.config.Has("product")) request.set_product(ResourceName("products", inv.config.String("product")));
  if (inv.config.Has("credit_line")) {
    request.set_credit_line(ResourceName("creditLines", inv.config.String("credit_line")));
  }
  if (inv.config.Has("township")) request.set_township(ResourceName("units", inv.config.String("township")));
  if (inv.config.Has("village")) request.set_village(ResourceName("units", inv.config.String("village")));
  ASSIGN_OR_RETURN(const v1::BorrowerType type, OptionalEnum<v1::BorrowerType>(inv, "borrower_type"));
  request.set_borrower_type(type);
  ASSIGN_OR_RETURN(const v1::LoanStatus status, OptionalEnum<v1::LoanStatus>(inv, "status"));
  request.set_status(status);
  ASSIGN_OR_RETURN(const v1::LoanClassification classification,
                   OptionalEnum<v1::LoanClassification>(inv, "classification"));
  request.set_classification(classification);
  ASSIGN_OR_RETURN(const std::optional<type::v1::DateRange> maturing,
                   OptionalDateRange(inv, "maturing_from", "maturing_to"));
  if (maturing.has_value()) *request.mutable_maturing() = *maturing;
  return PrintList<v1::ListLoansRequest, v1::ListLoansResponse, v1::Loan>(
      inv, request,
      [&](const v1::ListLoansRequest& r) {
        return loans.Call<v1::ListLoansResponse>(&v1::ServicingService::Stub::ListLoans, r);
      },
      &v1::ListLoansResponse::mutable_loans, &LoanTable);
}

absl::StatusOr<std::string> LoanArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "loan (loans/ID)"));
  return ResourceName("loans", name);
}

absl::Status LoanSchedule(const Invocation& inv, const LoansClient& loans) {
  v1::GetRepaymentScheduleRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), LoanArg(inv));
  return PrintRead(inv, loans.Call<v1::RepaymentSchedule>(&v1::ServicingService::Stub::GetRepaymentSchedule, request),
                   &ScheduleText);
}

absl::Status LoanRepay(const Invocation& inv, const LoansClient& loans) {
  v1::RecordRepaymentRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), LoanArg(inv));
  v1::Repayment& r = *request.mutable_repayment();
  ASSIGN_OR_RETURN(*r.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(*r.mutable_value_date(), RequiredDate(inv, "value_date"));
  ASSIGN_OR_RETURN(*r.mutable_bank_reference(), RequiredFlag(inv, "bank_reference"));
  request.set_etag(inv.config.String("etag"));
  const auto made = loans.Call<v1::Repayment>(&v1::ServicingService::Stub::RecordRepayment, request);
  return PrintWrite(inv, made, "repaid " + request.name(), &RepaymentDetail, request.request_id());
}

absl::Status LoanQuote(const Invocation& inv, const LoansClient& loans) {
  v1::GetPayoffQuoteRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), LoanArg(inv));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  if (!set) request.clear_as_of();
  return PrintRead(inv, loans.Call<v1::PayoffQuote>(&v1::ServicingService::Stub::GetPayoffQuote, request),
                   &PayoffQuoteDetail);
}

absl::Status LoanExtend(const Invocation& inv, const LoansClient& loans) {
  v1::ExtendLoanRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), LoanArg(inv));
  ASSIGN_OR_RETURN(const int months, RequiredCount(inv, "months"));
  request.set_months(months);
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  if (!inv.config.Has("agreement")) return UsageError("--agreement is required: the extension agreement (展期协议)");
  RETURN_IF_ERROR(OptionalDocument(inv, "agreement", request.mutable_document()));
  request.set_etag(inv.config.String("etag"));
  if (request.etag().empty()) {
    v1::GetLoanRequest get;
    get.set_name(request.name());
    ASSIGN_OR_RETURN(const v1::Loan current, loans.Call<v1::Loan>(&v1::ServicingService::Stub::GetLoan, get));
    request.set_etag(current.etag());
  }
  const auto loan = loans.Call<v1::Loan>(&v1::ServicingService::Stub::ExtendLoan, request);
  return PrintWrite(inv, loan, absl::StrCat("extended ", request.name(), " by ", months, " months"), &LoanDetail,
                    request.request_id());
}

absl::Status LoanVisit(const Invocation& inv, const LoansClient& loans) {
  v1::RecordReturnVisitRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), LoanArg(inv));
  v1::ReturnVisit& visit = *request.mutable_visit();
  ASSIGN_OR_RETURN(*visit.mutable_visit_date(), RequiredDate(inv, "date"));
  const std::vector<std::string> visitors = Values(inv, "visitor");
  if (visitors.empty()) return UsageError("--visitor is required: staff/ID of who visited (repeatable)");
  for (const std::string& who : visitors) visit.add_visitors(ResourceName("staff", who));
  ASSIGN_OR_RETURN(*visit.mutable_findings(), RequiredFlag(inv, "findings"));
  ASSIGN_OR_RETURN(const v1::FundsUse use, RequiredEnum<v1::FundsUse>(inv, "funds"));
  visit.set_funds_use(use);
  ASSIGN_OR_RETURN(const v1::ProductionStatus production, RequiredEnum<v1::ProductionStatus>(inv, "production"));
  visit.set_production_status(production);
  ASSIGN_OR_RETURN(const bool follow_up, Switch(inv, "follow_up"));
  visit.set_follow_up(follow_up);
  RETURN_IF_ERROR(DocumentFlags(inv, "document", visit.mutable_documents()));
  const auto made = loans.Call<v1::ReturnVisit>(&v1::ServicingService::Stub::RecordReturnVisit, request);
  return PrintWrite(inv, made, "recorded a return visit of " + request.name(), &ReturnVisitDetail,
                    request.request_id());
}

// One loan's visits (the argument), a township's (--township), or all in scope.
absl::Status LoanVisits(const Invocation& inv, const LoansClient& loans) {
  v1::ListReturnVisitsRequest request;
  if (!inv.args.empty()) request.set_name(ResourceName("loans", inv.args[0]));
  if (inv.config.Has("township")) request.set_township(ResourceName("units", inv.config.String("township")));
  ASSIGN_OR_RETURN(const bool follow_up, Switch(inv, "follow_up"));
  request.set_follow_up_only(follow_up);
  return PrintList<v1::ListReturnVisitsRequest, v1::ListReturnVisitsResponse, v1::ReturnVisit>(
      inv, request,
      [&](const v1::ListReturnVisitsRequest& r) {
        return loans.Call<v1::ListReturnVisitsResponse>(&v1::ServicingService::Stub::ListReturnVisits, r);
      },
      &v1::ListReturnVisitsResponse::mutable_visits, &ReturnVisitTable);
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"creditline get", {&LineGet, {}, 1}},
      {"creditline list", {&LineList, {"borrower", "township", "state", "page_size", "page_token", "all"}, 0}},
      {"creditline draw",
       {&LineDraw,
        {"amount", "value_date", "term", "bank_reference", "purpose", "payee_name", "payee_account", "payee_bank",
         "payee_basis", "etag", "request_id"},
        1}},
      {"loan get", {&LoanGet, {}, 1}},
      {"loan list",
       {&LoanList,
        {"borrower", "product", "credit_line", "township", "village", "borrower_type", "status", "classification",
         "maturing_from", "maturing_to", "page_size", "page_token", "all"},
        0}},
      {"loan schedule", {&LoanSchedule, {}, 1}},
      {"loan repay", {&LoanRepay, {"amount", "value_date", "bank_reference", "etag", "request_id"}, 1}},
      {"loan quote", {&LoanQuote, {"as_of"}, 1}},
      {"loan extend", {&LoanExtend, {"months", "reason", "agreement", "etag", "request_id"}, 1}},
      {"loan visit",
       {&LoanVisit, {"date", "visitor", "findings", "funds", "production", "follow_up", "document", "request_id"}, 1}},
      {"loan visits", {&LoanVisits, {"township", "follow_up", "page_size", "page_token", "all"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunLending(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
