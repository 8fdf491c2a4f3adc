// ApplicationService's writes: drafting, every workflow step, rejection and
// withdrawal, and credit-line draws (see applications_api.h).
#include "svc-loans/src/api/applications_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/application_mapping.h"

namespace huinong::loans {
namespace {

std::string UnitName(const std::string& id) { return rpc::FormatName("units", id); }

// The application a step acts on, with its etag; every bad part named in v.
ApplicationRef RefOf(const std::string& name, const std::string& etag, rpc::Violations& v) {
  ApplicationRef ref{rpc::ParseName(name, "applications", "name", v), etag};
  if (etag.empty()) v.Add("etag", "required: the etag of the application as last read");
  return ref;
}

}  // namespace

absl::StatusOr<v1::Application> ApplicationsApi::Answer(server::Mutation& m, const ApplicationChange& c) const {
  const BusinessClock& clock = kit_.clock();
  v1::Application shown = ToProto(c.after, clock, /*masked=*/false);
  const v1::Application after = ToProto(c.after, clock, /*masked=*/true);
  std::optional<v1::Application> before;
  if (c.before) before = ToProto(*c.before, clock, /*masked=*/true);
  RETURN_IF_ERROR(m.Record({"application", after.name(), UnitName(c.after.unit_id), before ? &*before : nullptr, &after}));
  if (c.credit_line) {
    const v1::CreditLine line = ToProto(*c.credit_line);
    RETURN_IF_ERROR(m.Record({"credit_line", line.name(), UnitName(c.after.unit_id), nullptr, &line}));
  }
  if (c.loan) {
    const v1::Loan loan = ToProto(*c.loan, /*masked=*/true);
    RETURN_IF_ERROR(m.Record({"loan", loan.name(), UnitName(c.after.unit_id), nullptr, &loan}));
  }
  if (c.before && c.before->state != c.after.state) {
    // The wait at the step just taken: since the step before it (or the draft).
    const absl::Time since = c.before->steps.empty() ? c.before->create_time : c.before->steps.back().at;
    m.AfterCommit([metrics = &loans_->application_metrics, from = c.before->state,
                   guarantee = c.before->guarantee_required, waited = m.now() - since] {
      metrics->StepTaken(from, guarantee, waited);
    });
  }
  return shown;
}

template <class Request, class Content, class Step>
grpc::Status ApplicationsApi::TakeStep(grpc::ServerContext* ctx, const Request& req, v1::Application* resp,
                                       absl::string_view method, Content&& content, Step&& step) {
  return kit_.Mutate(*ctx, req, resp, method, [&](const auth::Principal&) -> server::Prepared<v1::Application> {
    rpc::Violations v;
    const ApplicationRef ref = RefOf(req.name(), req.etag(), v);
    auto record = content(v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Application> {
      ASSIGN_OR_RETURN(ApplicationChange change, step(m, ref, record));
      return Answer(m, change);
    };
  });
}

grpc::Status ApplicationsApi::CreateApplication(grpc::ServerContext* ctx, const v1::CreateApplicationRequest* req,
                                                v1::Application* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateApplication",
                     [&](const auth::Principal&) -> server::Prepared<v1::Application> {
    rpc::Violations v;
    if (!req->has_application()) v.Add("application", "required");
    const DraftTerms terms = DraftFromProto(req->application(), "application", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Application> {
      ASSIGN_OR_RETURN(ApplicationChange change, loans::CreateApplication(m, org_, terms));
      return Answer(m, change);
    };
  });
}

grpc::Status ApplicationsApi::UpdateApplication(grpc::ServerContext* ctx, const v1::UpdateApplicationRequest* req,
                                                v1::Application* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateApplication",
                     [&](const auth::Principal&) -> server::Prepared<v1::Application> {
    rpc::Violations v;
    const ApplicationRef ref = RefOf(req->application().name(), req->application().etag(), v);
    const std::set<std::string> paths = rpc::MaskPaths(
        req->update_mask(), {"amount", "term_months", "purpose", "purpose_detail", "collateral", "documents"}, v);
    const DraftEdit edit = DraftEditFromProto(req->application(), paths, "application", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Application> {
      ASSIGN_OR_RETURN(ApplicationChange change, UpdateDraft(m, org_, ref, edit));
      return Answer(m, change);
    };
  });
}

grpc::Status ApplicationsApi::SubmitApplication(grpc::ServerContext* ctx, const v1::SubmitApplicationRequest* req,
                                                v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "SubmitApplication", [](rpc::Violations&) { return 0; },
                  [this](server::Mutation& m, const ApplicationRef& ref, int) {
                    return loans::SubmitApplication(m, org_, ref);
                  });
}

grpc::Status ApplicationsApi::RecordSurvey(grpc::ServerContext* ctx, const v1::RecordSurveyRequest* req,
                                           v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "RecordSurvey",
                  [&](rpc::Violations& v) {
                    if (!req->has_survey()) v.Add("survey", "required");
                    return SurveyFromProto(req->survey(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Survey& s) {
                    return loans::RecordSurvey(m, org_, ref, s);
                  });
}

grpc::Status ApplicationsApi::ReviewApplication(grpc::ServerContext* ctx, const v1::ReviewApplicationRequest* req,
                                                v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "ReviewApplication",
                  [&](rpc::Violations& v) {
                    if (!req->has_review()) v.Add("review", "required");
                    return ReviewFromProto(req->review(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Review& r) {
                    return loans::ReviewApplication(m, org_, ref, r);
                  });
}

grpc::Status ApplicationsApi::RecordGuarantee(grpc::ServerContext* ctx, const v1::RecordGuaranteeRequest* req,
                                              v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "RecordGuarantee",
                  [&](rpc::Violations& v) {
                    if (!req->has_guarantee()) v.Add("guarantee", "required");
                    return GuaranteeFromProto(req->guarantee(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Guarantee& g) {
                    return loans::RecordGuarantee(m, org_, ref, g);
                  });
}

grpc::Status ApplicationsApi::RecordInsurance(grpc::ServerContext* ctx, const v1::RecordInsuranceRequest* req,
                                              v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "RecordInsurance",
                  [&](rpc::Violations& v) {
                    if (!req->has_insurance()) v.Add("insurance", "required");
                    return InsuranceFromProto(req->insurance(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Insurance& i) {
                    return loans::RecordInsurance(m, org_, ref, i);
                  });
}

grpc::Status ApplicationsApi::SignContract(grpc::ServerContext* ctx, const v1::SignContractRequest* req,
                                           v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "SignContract",
                  [&](rpc::Violations& v) {
                    if (!req->has_contract()) v.Add("contract", "required");
                    return ContractFromProto(req->contract(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Contract& c) {
                    return loans::SignContract(m, org_, ref, c);
                  });
}

grpc::Status ApplicationsApi::Disburse(grpc::ServerContext* ctx, const v1::DisburseRequest* req,
                                       v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "Disburse",
                  [&](rpc::Violations& v) {
                    if (!req->has_disbursement()) v.Add("disbursement", "required");
                    return DisbursementFromProto(req->disbursement(), v);
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const Disbursement& d) {
                    return loans::Disburse(m, org_, ref, d);
                  });
}

grpc::Status ApplicationsApi::RejectApplication(grpc::ServerContext* ctx, const v1::RejectApplicationRequest* req,
                                                v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "RejectApplication",
                  [&](rpc::Violations& v) {
                    if (req->category() == v1::REJECTION_CATEGORY_UNSPECIFIED ||
                        !v1::RejectionCategory_IsValid(req->category())) {
                      v.Add("category", "required: what kind of rejection it is");
                    }
                    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
                    return std::make_pair(static_cast<int>(req->category()), req->reason());
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const std::pair<int, std::string>& r) {
                    return loans::RejectApplication(m, org_, ref, r.first, r.second);
                  });
}

grpc::Status ApplicationsApi::WithdrawApplication(grpc::ServerContext* ctx, const v1::WithdrawApplicationRequest* req,
                                                  v1::Application* resp) {
  return TakeStep(ctx, *req, resp, "WithdrawApplication",
                  [&](rpc::Violations& v) {
                    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
                    return req->reason();
                  },
                  [this](server::Mutation& m, const ApplicationRef& ref, const std::string& reason) {
                    return loans::WithdrawApplication(m, org_, ref, reason);
                  });
}

grpc::Status ApplicationsApi::DrawCreditLine(grpc::ServerContext* ctx, const v1::DrawCreditLineRequest* req,
                                             v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "DrawCreditLine", [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    DrawTerms t;
    t.credit_line_id = rpc::ParseName(req->name(), "creditLines", "name", v);
    t.etag = req->etag();
    if (t.etag.empty()) v.Add("etag", "required: the etag of the credit line as last read");
    t.draw.amount_fen = req->amount().fen();
    if (t.draw.amount_fen <= 0) v.Add("amount", "required: more than 0 fen");
    std::optional<absl::CivilDay> day = rpc::FromDate(req->value_date(), "value_date", v);
    if (!req->has_value_date()) v.Add("value_date", "required");
    t.draw.day = day.value_or(absl::CivilDay(1970, 1, 1));
    t.draw.term_months = req->term_months();
    if (req->term_months() <= 0) v.Add("term_months", "required: at least 1 month");
    rpc::CheckText(req->bank_reference(), "bank_reference", 1, 64, v);
    t.bank_reference = req->bank_reference();
    if (req->purpose() == v1::PURPOSE_UNSPECIFIED || !v1::Purpose_IsValid(req->purpose())) {
      v.Add("purpose", "required: a purpose");
    }
    t.draw.purpose = static_cast<Purpose>(req->purpose());
    t.entrusted_payee = PayeeFromProto(req->entrusted_payee(), req->has_entrusted_payee(), "entrusted_payee", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(DrawChange change, loans::DrawCreditLine(m, org_, t));
      const std::string unit = UnitName(change.after.place.unit_id);
      const v1::CreditLine before = ToProto(change.before);
      const v1::CreditLine after = ToProto(change.after);
      const v1::Loan loan = ToProto(change.loan, /*masked=*/true);
      RETURN_IF_ERROR(m.Record({"credit_line", after.name(), unit, &before, &after}));
      RETURN_IF_ERROR(m.Record({"loan", loan.name(), unit, nullptr, &loan}));
      return ToProto(change.loan, /*masked=*/false);  // to the bank that paid it
    };
  });
}

}  // namespace huinong::loans
