// See fake_loans.h.
#include "tools/huinongctl/tests/fake_loans.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::loans::v1;

namespace {

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

v1::ApplicationStep NextStep(v1::ApplicationState state) {
  switch (state) {
    case v1::APPLICATION_STATE_DRAFT: return v1::APPLICATION_STEP_SUBMISSION;
    case v1::APPLICATION_STATE_SUBMITTED: return v1::APPLICATION_STEP_SURVEY;
    case v1::APPLICATION_STATE_SURVEYED: return v1::APPLICATION_STEP_COUNTY_REVIEW;
    case v1::APPLICATION_STATE_REVIEWED: return v1::APPLICATION_STEP_GUARANTEE;
    case v1::APPLICATION_STATE_GUARANTEED: return v1::APPLICATION_STEP_INSURANCE;
    case v1::APPLICATION_STATE_INSURED: return v1::APPLICATION_STEP_CONTRACT;
    case v1::APPLICATION_STATE_CONTRACTED: return v1::APPLICATION_STEP_DISBURSEMENT;
    default: return v1::APPLICATION_STEP_UNSPECIFIED;
  }
}

google::protobuf::Timestamp Now() { return rpc::ToTimestamp(absl::Now()); }

}  // namespace

void FakeLoans::Seen(grpc::ServerContext* ctx, const char* method) {
  const auto& metadata = ctx->client_metadata();
  const auto it = metadata.find("authorization");
  tokens_.emplace(method, it == metadata.end() ? "" : std::string(it->second.data(), it->second.size()));
}

bool FakeLoans::Replayed(const std::string& request_id, google::protobuf::Message* resp) {
  const auto it = replayed_.find(request_id);
  if (it == replayed_.end()) return false;
  resp->ParseFromString(it->second);
  return true;
}

grpc::Status FakeLoans::CreateBorrower(grpc::ServerContext* ctx, const v1::CreateBorrowerRequest* req,
                                       v1::Borrower* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "CreateBorrower");
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  *resp = req->borrower();
  resp->set_name(absl::StrFormat("borrowers/B%03d", borrowers_.size() + 1));
  if (req->has_poverty_registration() && resp->has_person()) {
    v1::PovertyRegistration& r = *resp->mutable_person()->add_poverty_registrations();
    r.set_registration_number(req->poverty_registration().registration_number());
    *r.mutable_registered_date() = req->poverty_registration().effective_date();
    resp->mutable_person()->set_registered_poor(true);
  }
  *resp->mutable_create_time() = Now();
  resp->set_etag("1");
  borrowers_.push_back(*resp);
  replayed_[req->request_id()] = resp->SerializeAsString();
  return grpc::Status::OK;
}

grpc::Status FakeLoans::GetBorrower(grpc::ServerContext* ctx, const v1::GetBorrowerRequest* req, v1::Borrower* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "GetBorrower");
  for (const v1::Borrower& b : borrowers_) {
    if (b.name() == req->name()) {
      *resp = b;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeLoans::ListBorrowers(grpc::ServerContext* ctx, const v1::ListBorrowersRequest* req,
                                      v1::ListBorrowersResponse* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "ListBorrowers");
  for (const v1::Borrower& b : borrowers_) {
    if (!req->id_card_number().empty() && b.person().id_card_number() != req->id_card_number()) continue;
    if (!req->credit_code().empty() && b.organisation().credit_code() != req->credit_code()) continue;
    if (req->type() != 0 && b.type() != req->type()) continue;
    *resp->add_borrowers() = b;
  }
  return grpc::Status::OK;
}

grpc::Status FakeLoans::CreateProduct(grpc::ServerContext* ctx, const v1::CreateProductRequest* req,
                                      v1::Product* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "CreateProduct");
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  *resp = req->product();
  resp->set_name(absl::StrFormat("products/P%03d", products_.size() + 1));
  resp->set_status(v1::PRODUCT_STATUS_ACTIVE);
  *resp->mutable_create_time() = Now();
  resp->set_etag("1");
  products_.push_back(*resp);
  replayed_[req->request_id()] = resp->SerializeAsString();
  return grpc::Status::OK;
}

grpc::Status FakeLoans::ListProducts(grpc::ServerContext* ctx, const v1::ListProductsRequest*,
                                     v1::ListProductsResponse* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "ListProducts");
  for (const v1::Product& p : products_) *resp->add_products() = p;
  return grpc::Status::OK;
}

grpc::Status FakeLoans::CreateCountyPolicy(grpc::ServerContext* ctx, const v1::CreateCountyPolicyRequest* req,
                                           v1::CountyPolicy* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "CreateCountyPolicy");
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  *resp = req->policy();
  resp->set_name(absl::StrFormat("countyPolicies/CP%03d", policies_.size() + 1));
  *resp->mutable_create_time() = Now();
  resp->set_etag("1");
  policies_.push_back(*resp);
  replayed_[req->request_id()] = resp->SerializeAsString();
  return grpc::Status::OK;
}

grpc::Status FakeLoans::ListCountyPolicies(grpc::ServerContext* ctx, const v1::ListCountyPoliciesRequest*,
                                           v1::ListCountyPoliciesResponse* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "ListCountyPolicies");
  for (const v1::CountyPolicy& p : policies_) *resp->add_policies() = p;
  return grpc::Status::OK;
}

grpc::Status FakeLoans::CreateApplication(grpc::ServerContext* ctx, const v1::CreateApplicationRequest* req,
                                          v1::Application* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "CreateApplication");
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  *resp = req->application();
  resp->set_name(absl::StrFormat("applications/A%03d", applications_.size() + 1));
  resp->set_state(v1::APPLICATION_STATE_DRAFT);
  resp->set_next_step(NextStep(resp->state()));
  *resp->mutable_create_time() = Now();
  resp->set_etag("1");
  applications_.push_back(*resp);
  replayed_[req->request_id()] = resp->SerializeAsString();
  return grpc::Status::OK;
}

grpc::Status FakeLoans::GetApplication(grpc::ServerContext* ctx, const v1::GetApplicationRequest* req,
                                       v1::Application* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "GetApplication");
  for (const v1::Application& a : applications_) {
    if (a.name() == req->name()) {
      *resp = a;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeLoans::ListApplications(grpc::ServerContext* ctx, const v1::ListApplicationsRequest* req,
                                         v1::ListApplicationsResponse* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "ListApplications");
  for (const v1::Application& a : applications_) {
    if (req->state() != 0 && a.state() != req->state()) continue;
    if (req->review_overdue() && !a.review_overdue()) continue;
    if (!req->borrower().empty() && a.borrower() != req->borrower()) continue;
    *resp->add_applications() = a;
  }
  return grpc::Status::OK;
}

absl::StatusOr<v1::Application*> FakeLoans::ForStep(const std::string& name, const std::string& etag,
                                                    v1::ApplicationState expected) {
  last_etag_ = etag;
  for (v1::Application& a : applications_) {
    if (a.name() != name) continue;
    if (a.etag() != etag) return rpc::Aborted("STALE_ETAG", "the application changed since it was read");
    if (a.state() != expected) return rpc::FailedPrecondition("INVALID_TRANSITION", "not at this step");
    return &a;
  }
  return rpc::NotFound(name);
}

grpc::Status FakeLoans::Moved(grpc::ServerContext* ctx, const char* method, const std::string& request_id,
                              v1::Application* a, v1::ApplicationState state, v1::Application* resp) {
  Seen(ctx, method);
  a->set_state(state);
  a->set_next_step(NextStep(state));
  a->set_etag(absl::StrCat(std::stoi(a->etag()) + 1));
  *resp = *a;
  replayed_[request_id] = resp->SerializeAsString();
  return grpc::Status::OK;
}

#define FAKE_STEP(Method, Request, From, To, Record)                                                 \
  grpc::Status FakeLoans::Method(grpc::ServerContext* ctx, const v1::Request* req, v1::Application* resp) { \
    absl::MutexLock lock(&mu_);                                                                      \
    if (Replayed(req->request_id(), resp)) return grpc::Status::OK;                                  \
    absl::StatusOr<v1::Application*> a = ForStep(req->name(), req->etag(), v1::From);                \
    if (!a.ok()) return Grpc(a.status());                                                            \
    Record;                                                                                          \
    return Moved(ctx, #Method, req->request_id(), *a, v1::To, resp);                                 \
  }

FAKE_STEP(RecordSurvey, RecordSurveyRequest, APPLICATION_STATE_SUBMITTED, APPLICATION_STATE_SURVEYED,
          *(*a)->mutable_survey() = req->survey())
FAKE_STEP(ReviewApplication, ReviewApplicationRequest, APPLICATION_STATE_SURVEYED, APPLICATION_STATE_REVIEWED,
          *(*a)->mutable_review() = req->review())
FAKE_STEP(RecordGuarantee, RecordGuaranteeRequest, APPLICATION_STATE_REVIEWED, APPLICATION_STATE_GUARANTEED,
          *(*a)->mutable_guarantee() = req->guarantee())
FAKE_STEP(RecordInsurance, RecordInsuranceRequest, APPLICATION_STATE_GUARANTEED, APPLICATION_STATE_INSURED,
          *(*a)->mutable_insurance() = req->insurance())
FAKE_STEP(SignContract, SignContractRequest, APPLICATION_STATE_INSURED, APPLICATION_STATE_CONTRACTED,
          *(*a)->mutable_contract() = req->contract())
FAKE_STEP(RejectApplication, RejectApplicationRequest, APPLICATION_STATE_SUBMITTED, APPLICATION_STATE_REJECTED,
          (*a)->mutable_rejection()->set_reason(req->reason()))
FAKE_STEP(WithdrawApplication, WithdrawApplicationRequest, APPLICATION_STATE_SUBMITTED, APPLICATION_STATE_WITHDRAWN,
          (*a)->mutable_withdrawal()->set_reason(req->reason()))

grpc::Status FakeLoans::SubmitApplication(grpc::ServerContext* ctx, const v1::SubmitApplicationRequest* req,
                                          v1::Application* resp) {
  absl::MutexLock lock(&mu_);
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  absl::StatusOr<v1::Application*> a = ForStep(req->name(), req->etag(), v1::APPLICATION_STATE_DRAFT);
  if (!a.ok()) return Grpc(a.status());
  if (!refusal_.ok()) return Grpc(refusal_);
  return Moved(ctx, "SubmitApplication", req->request_id(), *a, v1::APPLICATION_STATE_SUBMITTED, resp);
}

grpc::Status FakeLoans::Disburse(grpc::ServerContext* ctx, const v1::DisburseRequest* req, v1::Application* resp) {
  absl::MutexLock lock(&mu_);
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  absl::StatusOr<v1::Application*> a = ForStep(req->name(), req->etag(), v1::APPLICATION_STATE_CONTRACTED);
  if (!a.ok()) return Grpc(a.status());
  *(*a)->mutable_disbursement() = req->disbursement();
  (*a)->set_loan(absl::StrFormat("loans/L%03d", ++loans_));
  for (const v1::Product& p : products_) {
    if (p.name() != (*a)->product() || !p.revolving()) continue;
    v1::CreditLine line;
    line.set_name(absl::StrFormat("creditLines/CL%03d", lines_.size() + 1));
    line.set_borrower((*a)->borrower());
    line.set_application((*a)->name());
    *line.mutable_limit() = (*a)->contract().amount();
    *line.mutable_outstanding() = req->disbursement().amount();
    line.set_state(v1::CREDIT_LINE_STATE_ACTIVE);
    line.set_draw_count(1);
    line.set_etag("1");
    *line.mutable_create_time() = Now();
    lines_.push_back(line);
    (*a)->set_credit_line(line.name());
  }
  return Moved(ctx, "Disburse", req->request_id(), *a, v1::APPLICATION_STATE_DISBURSED, resp);
}

grpc::Status FakeLoans::GetCreditLine(grpc::ServerContext* ctx, const v1::GetCreditLineRequest* req,
                                      v1::CreditLine* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "GetCreditLine");
  for (const v1::CreditLine& l : lines_) {
    if (l.name() == req->name()) {
      *resp = l;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeLoans::DrawCreditLine(grpc::ServerContext* ctx, const v1::DrawCreditLineRequest* req,
                                       v1::Loan* resp) {
  absl::MutexLock lock(&mu_);
  Seen(ctx, "DrawCreditLine");
  if (Replayed(req->request_id(), resp)) return grpc::Status::OK;
  for (v1::CreditLine& l : lines_) {
    if (l.name() != req->name()) continue;
    if (l.etag() != req->etag()) return Grpc(rpc::Aborted("STALE_ETAG", "the line changed"));
    l.set_draw_count(l.draw_count() + 1);
    l.mutable_outstanding()->set_fen(l.outstanding().fen() + req->amount().fen());
    l.set_etag(absl::StrCat(std::stoi(l.etag()) + 1));
    resp->set_name(absl::StrFormat("loans/L%03d", ++loans_));
    resp->set_credit_line(l.name());
    *resp->mutable_principal() = req->amount();
    resp->set_term_months(req->term_months());
    *resp->mutable_create_time() = Now();
    replayed_[req->request_id()] = resp->SerializeAsString();
    return grpc::Status::OK;
  }
  return Grpc(rpc::NotFound(req->name()));
}

void FakeLoans::RefuseSubmissions(absl::Status refusal) {
  absl::MutexLock lock(&mu_);
  refusal_ = std::move(refusal);
}

std::vector<v1::Application> FakeLoans::Applications() const {
  absl::MutexLock lock(&mu_);
  return applications_;
}

size_t FakeLoans::BorrowerCount() const {
  absl::MutexLock lock(&mu_);
  return borrowers_.size();
}

std::multimap<std::string, std::string> FakeLoans::Tokens() const {
  absl::MutexLock lock(&mu_);
  return tokens_;
}

std::string FakeLoans::last_etag() const {
  absl::MutexLock lock(&mu_);
  return last_etag_;
}

}  // namespace huinong::ctl::testing
