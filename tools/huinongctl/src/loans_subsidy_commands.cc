// `huinongctl subsidy ...`: interest-subsidy claims (000:1529-1531, 000:1603)
// — the borrower's claim with its vouchers (loans.intake), the township's
// check (loans.subsidy.check.township), the county's joint review that
// starts the 7-day public notice (loans.subsidy.review.county), objections
// during it, the finance bureau's payment from the notice's end
// (loans.subsidy.pay), rejection and clawback; and the public notice itself,
// listed or exported as CSV. Each change carries a request id and, when
// given, the claim's etag.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/subcommands.h"
#include "tools/huinongctl/src/subsidy_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::SubsidyService::Stub;

absl::StatusOr<std::string> ClaimArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "claim (subsidyClaims/ID)"));
  return ResourceName("subsidyClaims", name);
}

// The common head of a step: request id, claim name, --etag when given.
template <typename Request>
absl::StatusOr<Request> StepRequest(const Invocation& inv) {
  Request request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), ClaimArg(inv));
  request.set_etag(inv.config.String("etag"));
  return request;
}

absl::Status Written(const Invocation& inv, const absl::StatusOr<v1::SubsidyClaim>& made, const std::string& verb,
                     const std::string& name, const std::string& request_id) {
  return PrintWrite(inv, made, absl::StrCat(verb, " ", made.ok() ? made->name() : name), &SubsidyClaimDetail,
                    request_id);
}

absl::Status Apply(const Invocation& inv, const LoansClient& loans) {
  v1::ApplyForSubsidyRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::SubsidyClaim* claim = request.mutable_claim();
  ASSIGN_OR_RETURN(const std::string loan, Arg(inv, 0, "loan (loans/ID)"));
  claim->set_loan(ResourceName("loans", loan));
  ASSIGN_OR_RETURN(*claim->mutable_period()->mutable_start(), RequiredDate(inv, "from"));
  ASSIGN_OR_RETURN(*claim->mutable_period()->mutable_end(), RequiredDate(inv, "to"));
  ASSIGN_OR_RETURN(*claim->mutable_interest_paid(), RequiredYuan(inv, "interest_paid"));
  if (Values(inv, "voucher").empty()) return UsageError("--voucher is required: a payment voucher");
  RETURN_IF_ERROR(DocumentFlags(inv, "voucher", claim->mutable_vouchers()));
  ASSIGN_OR_RETURN(*claim->mutable_bank_card_number(), RequiredFlag(inv, "bank_card"));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::ApplyForSubsidy, request);
  return Written(inv, made, "filed", claim->loan(), request.request_id());
}

absl::Status Get(const Invocation& inv, const LoansClient& loans) {
  v1::GetSubsidyClaimRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), ClaimArg(inv));
  return PrintRead(inv, loans.Call<v1::SubsidyClaim>(&Stub::GetSubsidyClaim, request), &SubsidyClaimDetail);
}

// The filters `list` and `notice` share.
absl::StatusOr<v1::ListSubsidyClaimsRequest> ListRequest(const Invocation& inv) {
  v1::ListSubsidyClaimsRequest request;
  if (inv.config.Has("loan")) request.set_loan(ResourceName("loans", inv.config.String("loan")));
  if (inv.config.Has("borrower")) request.set_borrower(ResourceName("borrowers", inv.config.String("borrower")));
  if (inv.config.Has("township")) request.set_township(ResourceName("units", inv.config.String("township")));
  ASSIGN_OR_RETURN(const std::optional<type::v1::DateRange> ending, OptionalDateRange(inv, "ending_from", "ending_to"));
  if (ending.has_value()) *request.mutable_notice_end() = *ending;
  return request;
}

absl::StatusOr<v1::ListSubsidyClaimsResponse> Page(const LoansClient& loans, const v1::ListSubsidyClaimsRequest& r) {
  return loans.Call<v1::ListSubsidyClaimsResponse>(&Stub::ListSubsidyClaims, r);
}

absl::Status List(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::ListSubsidyClaimsRequest request, ListRequest(inv));
  ASSIGN_OR_RETURN(const v1::SubsidyClaimState state, OptionalEnum<v1::SubsidyClaimState>(inv, "state"));
  request.set_state(state);
  return PrintList<v1::ListSubsidyClaimsRequest, v1::ListSubsidyClaimsResponse, v1::SubsidyClaim>(
      inv, request, [&](const v1::ListSubsidyClaimsRequest& r) { return Page(loans, r); },
      &v1::ListSubsidyClaimsResponse::mutable_claims, &SubsidyClaimTable);
}

// The public notice: every claim IN_NOTICE in scope (all pages), as a table
// or, with --csv, as CSV for the notice board.
absl::Status Notice(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::ListSubsidyClaimsRequest request, ListRequest(inv));
  request.set_state(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  ASSIGN_OR_RETURN(const bool csv, Switch(inv, "csv"));
  request.set_page_size(kFullPage);
  std::vector<v1::SubsidyClaim> claims;
  do {
    ASSIGN_OR_RETURN(const v1::ListSubsidyClaimsResponse page, Page(loans, request));
    claims.insert(claims.end(), page.claims().begin(), page.claims().end());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  if (csv) {
    std::cout << SubsidyNoticeCsv(claims);
  } else if (inv.json) {
    v1::ListSubsidyClaimsResponse all;
    for (const v1::SubsidyClaim& c : claims) *all.add_claims() = c;
    return PrintProtoJson(all);
  } else {
    std::cout << SubsidyClaimTable(claims).Render();
  }
  return absl::OkStatus();
}

absl::Status Check(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::CheckSubsidyClaimRequest request, StepRequest<v1::CheckSubsidyClaimRequest>(inv));
  request.set_comment(inv.config.String("comment"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", request.mutable_documents()));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::CheckSubsidyClaim, request);
  return Written(inv, made, "checked", request.name(), request.request_id());
}

absl::Status Review(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::ReviewSubsidyClaimRequest request, StepRequest<v1::ReviewSubsidyClaimRequest>(inv));
  request.set_comment(inv.config.String("comment"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", request.mutable_documents()));
  if (!inv.config.Has("notice")) return UsageError("--notice is required: where the public notice is posted");
  RETURN_IF_ERROR(OptionalDocument(inv, "notice", request.mutable_notice()));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "notice_start", request.mutable_notice_start_date(), &set));
  if (!set) request.clear_notice_start_date();
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::ReviewSubsidyClaim, request);
  return Written(inv, made, "reviewed; in public notice:", request.name(), request.request_id());
}

absl::Status Object(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::FileSubsidyObjectionRequest request, StepRequest<v1::FileSubsidyObjectionRequest>(inv));
  ASSIGN_OR_RETURN(*request.mutable_objector(), RequiredFlag(inv, "objector"));
  ASSIGN_OR_RETURN(*request.mutable_content(), RequiredFlag(inv, "content"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", request.mutable_documents()));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::FileSubsidyObjection, request);
  return Written(inv, made, "objection recorded; back to review:", request.name(), request.request_id());
}

absl::Status Pay(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::PaySubsidyClaimRequest request, StepRequest<v1::PaySubsidyClaimRequest>(inv));
  ASSIGN_OR_RETURN(*request.mutable_paid_date(), RequiredDate(inv, "paid_date"));
  ASSIGN_OR_RETURN(*request.mutable_finance_reference(), RequiredFlag(inv, "finance_reference"));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::PaySubsidyClaim, request);
  return Written(inv, made, "paid", request.name(), request.request_id());
}

absl::Status Reject(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::RejectSubsidyClaimRequest request, StepRequest<v1::RejectSubsidyClaimRequest>(inv));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::RejectSubsidyClaim, request);
  return Written(inv, made, "rejected", request.name(), request.request_id());
}

absl::Status ClawBack(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(v1::ClawBackSubsidyRequest request, StepRequest<v1::ClawBackSubsidyRequest>(inv));
  ASSIGN_OR_RETURN(const v1::ClawbackCategory category, RequiredEnum<v1::ClawbackCategory>(inv, "category"));
  request.set_category(category);
  RETURN_IF_ERROR(OptionalYuan(inv, "amount", request.mutable_amount()));
  if (!inv.config.Has("amount")) request.clear_amount();
  ASSIGN_OR_RETURN(*request.mutable_finding(), RequiredFlag(inv, "finding"));
  RETURN_IF_ERROR(DocumentFlags(inv, "document", request.mutable_documents()));
  const auto made = loans.Call<v1::SubsidyClaim>(&Stub::ClawBackSubsidy, request);
  return Written(inv, made, "clawed back", request.name(), request.request_id());
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"subsidy apply", {&Apply, {"from", "to", "interest_paid", "voucher", "bank_card", "request_id"}, 1}},
      {"subsidy get", {&Get, {}, 1}},
      {"subsidy list",
       {&List, {"state", "loan", "borrower", "township", "ending_from", "ending_to", "page_size", "page_token", "all"},
        0}},
      {"subsidy notice", {&Notice, {"township", "ending_from", "ending_to", "csv"}, 0}},
      {"subsidy check", {&Check, {"comment", "document", "etag", "request_id"}, 1}},
      {"subsidy review", {&Review, {"comment", "document", "notice", "notice_start", "etag", "request_id"}, 1}},
      {"subsidy object", {&Object, {"objector", "content", "document", "etag", "request_id"}, 1}},
      {"subsidy pay", {&Pay, {"paid_date", "finance_reference", "etag", "request_id"}, 1}},
      {"subsidy reject", {&Reject, {"reason", "etag", "request_id"}, 1}},
      {"subsidy clawback", {&ClawBack, {"category", "amount", "finding", "document", "etag", "request_id"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunSubsidy(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
