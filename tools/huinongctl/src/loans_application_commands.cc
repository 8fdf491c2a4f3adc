// `huinongctl application ...`: svc-loans' application workflow from the
// shell, one command per step, each taken with the token of the person whose
// post holds the step's capability — create and submit at the village
// station (loans.intake), survey by the township director
// (loans.survey.lead), review by the county centre (loans.review.county),
// guarantee (loans.guarantee), insure (loans.insure), contract and disburse
// by the recommended bank (loans.contract, loans.disburse), reject by the
// step's actor, withdraw by the station. A step names its application as
// the first word or --name, carries a request id (given or a new ULID,
// printed, also on failure) and the etag given with --etag or fetched just
// before. A refusal prints every rule it broke (output.h, FormatError).
#include <functional>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::ApplicationService::Stub;

// The application: the first word or --name.
absl::StatusOr<std::string> ApplicationArg(const Invocation& inv) {
  if (inv.config.Has("name")) {
    if (!inv.args.empty()) return UsageError("give the application as a word or --name, not both");
    ASSIGN_OR_RETURN(const std::string name, RequiredFlag(inv, "name"));
    return ResourceName("applications", name);
  }
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "application (applications/ID or --name)"));
  return ResourceName("applications", name);
}

absl::StatusOr<v1::Application> GetApplication(const LoansClient& loans, const std::string& name) {
  v1::GetApplicationRequest request;
  request.set_name(name);
  return loans.Call<v1::Application>(&Stub::GetApplication, request);
}

// Collateral from every value of the repeatable flag `key`.
absl::Status CollateralFlags(const Invocation& inv, const std::string& key,
                             google::protobuf::RepeatedPtrField<v1::Collateral>* out) {
  for (const std::string& text : Values(inv, key)) {
    absl::StatusOr<v1::Collateral> collateral = ParseCollateral(text);
    if (!collateral.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", collateral.status().message()));
    *out->Add() = *std::move(collateral);
  }
  return absl::OkStatus();
}

// One workflow step: `fill` reads the step's flags into the request; then
// the request id, the name and the etag (fetched when not given), the call,
// and the application as it now stands.
template <typename Request>
absl::Status Step(const Invocation& inv, const LoansClient& loans,
                  grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, v1::Application*),
                  const std::string& verb, const std::function<absl::Status(Request&)>& fill) {
  Request request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), ApplicationArg(inv));
  RETURN_IF_ERROR(fill(request));
  request.set_etag(inv.config.String("etag"));
  if (request.etag().empty()) {
    ASSIGN_OR_RETURN(const v1::Application current, GetApplication(loans, request.name()));
    request.set_etag(current.etag());
  }
  return PrintWrite(inv, loans.Call<v1::Application>(method, request), verb + " " + request.name(),
                    &ApplicationDetail, request.request_id());
}

absl::Status Create(const Invocation& inv, const LoansClient& loans) {
  v1::CreateApplicationRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Application& a = *request.mutable_application();
  ASSIGN_OR_RETURN(const std::string borrower, RequiredFlag(inv, "borrower"));
  a.set_borrower(ResourceName("borrowers", borrower));
  ASSIGN_OR_RETURN(const std::string product, RequiredFlag(inv, "product"));
  a.set_product(ResourceName("products", product));
  ASSIGN_OR_RETURN(*a.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "term"));
  a.set_term_months(term);
  ASSIGN_OR_RETURN(const v1::Purpose purpose, RequiredEnum<v1::Purpose>(inv, "purpose"));
  a.set_purpose(purpose);
  ASSIGN_OR_RETURN(*a.mutable_purpose_detail(), RequiredFlag(inv, "detail"));
  RETURN_IF_ERROR(CollateralFlags(inv, "collateral", a.mutable_collateral()));
  for (const std::string& text : Values(inv, "document")) {
    absl::StatusOr<type::v1::DocumentRef> document = ParseDocument(text);
    if (!document.ok()) return UsageError(absl::StrCat("--document: ", document.status().message()));
    *a.add_documents() = *document;
  }
  const auto made = loans.Call<v1::Application>(&Stub::CreateApplication, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &ApplicationDetail,
                    request.request_id());
}

absl::Status Get(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(const std::string name, ApplicationArg(inv));
  return PrintRead(inv, GetApplication(loans, name), &ApplicationDetail);
}

absl::Status List(const Invocation& inv, const LoansClient& loans) {
  v1::ListApplicationsRequest request;
  ASSIGN_OR_RETURN(const v1::ApplicationState state, OptionalEnum<v1::ApplicationState>(inv, "state"));
  request.set_state(state);
  ASSIGN_OR_RETURN(const v1::ApplicationStep next, OptionalEnum<v1::ApplicationStep>(inv, "next_step"));
  request.set_next_step(next);
  if (inv.config.Has("borrower")) request.set_borrower(ResourceName("borrowers", inv.config.String("borrower")));
  if (inv.config.Has("product")) request.set_product(ResourceName("products", inv.config.String("product")));
  if (inv.config.Has("township")) request.set_township(ResourceName("units", inv.config.String("township")));
  if (inv.config.Has("village")) request.set_intake_unit(ResourceName("units", inv.config.String("village")));
  ASSIGN_OR_RETURN(const bool overdue, Switch(inv, "overdue"));
  request.set_review_overdue(overdue);
  return PrintList<v1::ListApplicationsRequest, v1::ListApplicationsResponse, v1::Application>(
      inv, request,
      [&](const v1::ListApplicationsRequest& r) {
        return loans.Call<v1::ListApplicationsResponse>(&Stub::ListApplications, r);
      },
      &v1::ListApplicationsResponse::mutable_applications, &ApplicationTable);
}

absl::Status Submit(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::SubmitApplicationRequest>(inv, loans, &Stub::SubmitApplication, "submitted",
                                            [](v1::SubmitApplicationRequest&) { return absl::OkStatus(); });
}

absl::Status Survey(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::RecordSurveyRequest>(inv, loans, &Stub::RecordSurvey, "surveyed", [&](v1::RecordSurveyRequest& r) {
    v1::SurveyRecord& s = *r.mutable_survey();
    ASSIGN_OR_RETURN(const std::string lead, RequiredFlag(inv, "lead"));
    s.set_lead(ResourceName("staff", lead));
    for (const std::string& text : Values(inv, "member")) {
      absl::StatusOr<v1::SurveyMember> member = ParseSurveyMember(text);
      if (!member.ok()) return UsageError(absl::StrCat("--member: ", member.status().message()));
      *s.add_members() = *std::move(member);
    }
    ASSIGN_OR_RETURN(*s.mutable_visit_date(), RequiredDate(inv, "visit_date"));
    ASSIGN_OR_RETURN(*s.mutable_findings(), RequiredFlag(inv, "findings"));
    RETURN_IF_ERROR(OptionalYuan(inv, "recommended_amount", s.mutable_recommended_amount()));
    RETURN_IF_ERROR(OptionalDocument(inv, "report", s.mutable_report()));
    RETURN_IF_ERROR(OptionalDocument(inv, "guarantee_application", s.mutable_guarantee_application()));
    RETURN_IF_ERROR(OptionalDocument(inv, "benefit_sharing", s.mutable_benefit_sharing_agreement()));
    return absl::OkStatus();
  });
}

absl::Status Review(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::ReviewApplicationRequest>(inv, loans, &Stub::ReviewApplication, "reviewed",
                                            [&](v1::ReviewApplicationRequest& r) {
    v1::ReviewRecord& review = *r.mutable_review();
    ASSIGN_OR_RETURN(*review.mutable_approved_amount(), RequiredYuan(inv, "amount"));
    ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "term"));
    review.set_approved_term_months(term);
    ASSIGN_OR_RETURN(const int rate, RequiredCount(inv, "rate"));
    review.set_rate_bp(rate);
    ASSIGN_OR_RETURN(const std::string bank, RequiredFlag(inv, "bank"));
    review.set_recommended_bank(ResourceName("units", bank));
    review.set_comment(inv.config.String("comment"));
    return absl::OkStatus();
  });
}

absl::Status Guarantee(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::RecordGuaranteeRequest>(inv, loans, &Stub::RecordGuarantee, "guaranteed",
                                          [&](v1::RecordGuaranteeRequest& r) {
    v1::GuaranteeRecord& g = *r.mutable_guarantee();
    ASSIGN_OR_RETURN(*g.mutable_contract_number(), RequiredFlag(inv, "contract_number"));
    ASSIGN_OR_RETURN(*g.mutable_guaranteed_amount(), RequiredYuan(inv, "amount"));
    RETURN_IF_ERROR(OptionalDocument(inv, "contract", g.mutable_contract()));
    return CollateralFlags(inv, "counter_guarantee", g.mutable_counter_guarantees());
  });
}

absl::Status Insure(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::RecordInsuranceRequest>(inv, loans, &Stub::RecordInsurance, "insured",
                                          [&](v1::RecordInsuranceRequest& r) {
    v1::InsuranceRecord& i = *r.mutable_insurance();
    ASSIGN_OR_RETURN(const v1::InsuranceKind kind, RequiredEnum<v1::InsuranceKind>(inv, "kind"));
    i.set_kind(kind);
    ASSIGN_OR_RETURN(*i.mutable_policy_number(), RequiredFlag(inv, "policy_number"));
    ASSIGN_OR_RETURN(*i.mutable_insured_amount(), RequiredYuan(inv, "amount"));
    RETURN_IF_ERROR(OptionalYuan(inv, "premium", i.mutable_premium()));
    ASSIGN_OR_RETURN(*i.mutable_cover()->mutable_start(), RequiredDate(inv, "cover_from"));
    ASSIGN_OR_RETURN(*i.mutable_cover()->mutable_end(), RequiredDate(inv, "cover_to"));
    return OptionalDocument(inv, "policy_document", i.mutable_policy_document());
  });
}

absl::Status Contract(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::SignContractRequest>(inv, loans, &Stub::SignContract, "contracted", [&](v1::SignContractRequest& r) {
    v1::ContractRecord& c = *r.mutable_contract();
    ASSIGN_OR_RETURN(*c.mutable_contract_number(), RequiredFlag(inv, "contract_number"));
    ASSIGN_OR_RETURN(*c.mutable_signed_date(), RequiredDate(inv, "signed"));
    ASSIGN_OR_RETURN(*c.mutable_amount(), RequiredYuan(inv, "amount"));
    ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "term"));
    c.set_term_months(term);
    ASSIGN_OR_RETURN(const int rate, RequiredCount(inv, "rate"));
    c.set_rate_bp(rate);
    return OptionalDocument(inv, "contract", c.mutable_contract());
  });
}

absl::Status Disburse(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::DisburseRequest>(inv, loans, &Stub::Disburse, "disbursed", [&](v1::DisburseRequest& r) {
    v1::DisbursementRecord& d = *r.mutable_disbursement();
    ASSIGN_OR_RETURN(*d.mutable_amount(), RequiredYuan(inv, "amount"));
    ASSIGN_OR_RETURN(*d.mutable_value_date(), RequiredDate(inv, "value_date"));
    ASSIGN_OR_RETURN(*d.mutable_bank_reference(), RequiredFlag(inv, "bank_reference"));
    return PayeeFlags(inv, [&] { return d.mutable_entrusted_payee(); });
  });
}

absl::Status Reject(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::RejectApplicationRequest>(inv, loans, &Stub::RejectApplication, "rejected",
                                            [&](v1::RejectApplicationRequest& r) {
    ASSIGN_OR_RETURN(const v1::RejectionCategory category, RequiredEnum<v1::RejectionCategory>(inv, "category"));
    r.set_category(category);
    ASSIGN_OR_RETURN(*r.mutable_reason(), RequiredFlag(inv, "reason"));
    return absl::OkStatus();
  });
}

absl::Status Withdraw(const Invocation& inv, const LoansClient& loans) {
  return Step<v1::WithdrawApplicationRequest>(inv, loans, &Stub::WithdrawApplication, "withdrew",
                                              [&](v1::WithdrawApplicationRequest& r) {
    ASSIGN_OR_RETURN(*r.mutable_reason(), RequiredFlag(inv, "reason"));
    return absl::OkStatus();
  });
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"application create",
       {&Create, {"borrower", "product", "amount", "term", "purpose", "detail", "collateral", "document", "request_id"},
        0}},
      {"application get", {&Get, {"name"}, 1}},
      {"application list",
       {&List,
        {"state", "next_step", "borrower", "product", "township", "village", "overdue", "page_size", "page_token",
         "all"},
        0}},
      {"application submit", {&Submit, {"name", "etag", "request_id"}, 1}},
      {"application survey",
       {&Survey,
        {"name", "lead", "member", "visit_date", "findings", "recommended_amount", "report", "guarantee_application",
         "benefit_sharing", "etag", "request_id"},
        1}},
      {"application review", {&Review, {"name", "amount", "term", "rate", "bank", "comment", "etag", "request_id"}, 1}},
      {"application guarantee",
       {&Guarantee, {"name", "contract_number", "amount", "contract", "counter_guarantee", "etag", "request_id"}, 1}},
      {"application insure",
       {&Insure,
        {"name", "kind", "policy_number", "amount", "premium", "cover_from", "cover_to", "policy_document", "etag",
         "request_id"},
        1}},
      {"application contract",
       {&Contract, {"name", "contract_number", "signed", "amount", "term", "rate", "contract", "etag", "request_id"},
        1}},
      {"application disburse",
       {&Disburse,
        {"name", "amount", "value_date", "bank_reference", "payee_name", "payee_account", "payee_bank", "payee_basis",
         "etag", "request_id"},
        1}},
      {"application reject", {&Reject, {"name", "category", "reason", "etag", "request_id"}, 1}},
      {"application withdraw", {&Withdraw, {"name", "reason", "etag", "request_id"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunApplication(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
