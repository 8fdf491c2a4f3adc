// Loading the loans demo through svc-loans, each step as the person whose
// post holds it; see demo_lending.h.
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/core/business_clock.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/demo_data.h"
#include "tools/huinongctl/src/demo_desks.h"
#include "tools/huinongctl/src/demo_lending.h"
#include "tools/huinongctl/src/demo_lending_terms.h"
#include "tools/huinongctl/src/demo_servicing.h"
#include "tools/huinongctl/src/demo_tickets.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using AppStub = v1::ApplicationService::Stub;

class LendingLoad {
 public:
  LendingLoad(DemoDesks& desks, DemoLoad& load, absl::CivilDay today)
      : desks_(desks), people_(desks.people()), load_(load), today_(today) {}

  // Every application as it stands after loading, by DemoApplication key.
  absl::StatusOr<std::map<std::string, v1::Application>> Run() {
    const DemoLending& plan = DemoLendingPlan();
    ASSIGN_OR_RETURN(const LoansClient* policy, As("county.policy"));
    RETURN_IF_ERROR(EnsurePolicy(*policy));
    ASSIGN_OR_RETURN(small_product_, EnsureProduct(*policy, SmallLoanProduct()));
    ASSIGN_OR_RETURN(industry_product_, EnsureProduct(*policy, IndustryProduct()));
    for (const DemoBorrower& demo : plan.borrowers) {
      absl::Status s = EnsureBorrower(demo);
      if (!s.ok()) return Rephrased(s, absl::StrCat("borrower ", demo.key, ": ", s.message()));
    }
    for (const DemoApplication& demo : plan.applications) {
      absl::Status s = EnsureApplication(demo);
      if (!s.ok()) return Rephrased(s, absl::StrCat("application ", demo.key, ": ", s.message()));
    }
    return applications_;
  }

 private:
  absl::StatusOr<const LoansClient*> As(const std::string& post) { return desks_.As(post); }

  const DemoHolder& Holder(const std::string& post) const { return people_.holder_by_post.at(post); }

  absl::Status EnsurePolicy(const LoansClient& loans) {
    v1::CreateCountyPolicyRequest request;
    // From the day of the first load: a version never starts in the past
    // (it would change decisions already taken). A later run finds it.
    request.set_request_id("demo:county-policy:guan");
    *request.mutable_policy() = DemoCountyPolicy(people_.units.at(1), today_, {people_.units.at(109), people_.units.at(106)},
                                       people_.units.at(108), people_.units.at(107));
    absl::StatusOr<v1::CountyPolicy> made =
        loans.Call<v1::CountyPolicy>(&v1::ProductService::Stub::CreateCountyPolicy, request);
    if (DemoAlreadyMade(made.status())) {
      v1::ListCountyPoliciesRequest list;
      list.set_county(request.policy().county());
      ASSIGN_OR_RETURN(const v1::ListCountyPoliciesResponse found,
                       loans.Call<v1::ListCountyPoliciesResponse>(&v1::ProductService::Stub::ListCountyPolicies, list));
      if (!found.policies().empty()) made = found.policies(0);
    }
    if (!made.ok()) return Rephrased(made.status(), absl::StrCat("county policy: ", made.status().message()));
    if (made->cooperating_banks().empty()) {
      // Written before policies named their partners: no review could recommend a bank.
      return absl::FailedPreconditionError(absl::StrCat(
          made->name(), " names no cooperating banks, guarantee companies or insurers (a policy from before they were "
          "part of it); start from fresh data: scripts/down.sh --purge && scripts/up.sh"));
    }
    load_.Count("loan policies", made->create_time());
    return absl::OkStatus();
  }

  absl::StatusOr<std::string> EnsureProduct(const LoansClient& loans, const v1::Product& product) {
    v1::CreateProductRequest request;
    request.set_request_id("demo:product:" + product.code());
    *request.mutable_product() = product;
    absl::StatusOr<v1::Product> made = loans.Call<v1::Product>(&v1::ProductService::Stub::CreateProduct, request);
    if (DemoAlreadyMade(made.status())) {
      v1::ListProductsRequest list;
      list.set_kind(product.kind());
      list.set_page_size(500);
      ASSIGN_OR_RETURN(const v1::ListProductsResponse found,
                       loans.Call<v1::ListProductsResponse>(&v1::ProductService::Stub::ListProducts, list));
      for (const v1::Product& p : found.products()) {
        if (p.code() == product.code()) made = p;
      }
    }
    if (!made.ok()) return Rephrased(made.status(), absl::StrCat("product ", product.code(), ": ", made.status().message()));
    load_.Count("products", made->create_time());
    return made->name();
  }

  absl::Status EnsureBorrower(const DemoBorrower& demo) {
    ASSIGN_OR_RETURN(const LoansClient* intake, As(DemoIntakePost(demo)));
    v1::CreateBorrowerRequest request;
    request.set_request_id("demo:borrower:" + demo.key);
    v1::Borrower& b = *request.mutable_borrower() = demo.borrower;
    b.set_unit(people_.units.at(demo.unit));
    v1::CreditStanding& credit = *b.mutable_credit();
    credit.set_good_credit(true);
    // Checked recently (a contract needs a check within 180 days).
    *credit.mutable_checked_date() = DateOf(today_ - 30);
    if (!demo.registered_poor_from.empty()) {
      v1::PovertyStatusChange& change = *request.mutable_poverty_registration();
      change.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_REGISTERED);
      *change.mutable_effective_date() = DateOf(absl::CivilDay(2025, 3, 1));
      change.set_registration_number(demo.poverty_number);
    }
    absl::StatusOr<v1::Borrower> made = intake->Call<v1::Borrower>(&v1::BorrowerService::Stub::CreateBorrower, request);
    if (DemoAlreadyMade(made.status())) {
      v1::ListBorrowersRequest list;
      if (b.has_person()) list.set_id_card_number(b.person().id_card_number());
      if (b.has_organisation()) list.set_credit_code(b.organisation().credit_code());
      ASSIGN_OR_RETURN(const v1::ListBorrowersResponse found,
                       intake->Call<v1::ListBorrowersResponse>(&v1::BorrowerService::Stub::ListBorrowers, list));
      if (!found.borrowers().empty()) made = found.borrowers(0);
    }
    if (!made.ok()) return made.status();
    load_.Count("borrowers", made->create_time());
    borrowers_[demo.key] = {made->name(), &demo};
    return absl::OkStatus();
  }

  absl::Status EnsureApplication(const DemoApplication& demo) {
    const auto& [borrower_name, borrower] = borrowers_.at(demo.borrower);
    const std::string intake_post = DemoIntakePost(*borrower);
    ASSIGN_OR_RETURN(const LoansClient* intake, As(intake_post));
    v1::CreateApplicationRequest request;
    request.set_request_id("demo:application:" + demo.key);
    v1::Application& a = *request.mutable_application();
    a.set_borrower(borrower_name);
    a.set_product(demo.small_loan ? small_product_ : industry_product_);
    *a.mutable_amount() = Yuan(demo.amount_yuan);
    a.set_term_months(demo.term_months);
    a.set_purpose(demo.purpose);
    a.set_purpose_detail(demo.detail);
    absl::StatusOr<v1::Application> app = intake->Call<v1::Application>(&AppStub::CreateApplication, request);
    if (DemoAlreadyMade(app.status())) {
      v1::ListApplicationsRequest list;
      list.set_borrower(borrower_name);
      list.set_product(a.product());
      ASSIGN_OR_RETURN(const v1::ListApplicationsResponse found,
                       intake->Call<v1::ListApplicationsResponse>(&AppStub::ListApplications, list));
      if (!found.applications().empty()) app = found.applications(0);
    }
    if (!app.ok()) return app.status();
    load_.Count("applications", app->create_time());
    // Fresh: a replayed create answers with the application as first made.
    ASSIGN_OR_RETURN(v1::Application current, Get(*intake, app->name()));
    const bool ends_early = demo.target == v1::APPLICATION_STATE_REJECTED ||
                            demo.target == v1::APPLICATION_STATE_WITHDRAWN;
    const v1::ApplicationState stop = ends_early ? v1::APPLICATION_STATE_SUBMITTED : demo.target;
    const std::string township = DemoTownshipDirectorPost(*borrower);
    const std::string bank = DemoBankPost(demo);
    while (current.state() < stop && current.next_step() != v1::APPLICATION_STEP_UNSPECIFIED) {
      ASSIGN_OR_RETURN(current, TakeStep(demo, current, intake_post, township, bank));
    }
    if (ends_early && current.state() == v1::APPLICATION_STATE_SUBMITTED) {
      ASSIGN_OR_RETURN(current, demo.target == v1::APPLICATION_STATE_REJECTED ? Reject(current, township)
                                                                               : Withdraw(current, intake_post));
    }
    if (demo.second_draw_yuan > 0 && !current.credit_line().empty()) RETURN_IF_ERROR(Draw(demo, current, bank));
    applications_[demo.key] = std::move(current);
    return absl::OkStatus();
  }

  static absl::StatusOr<v1::Application> Get(const LoansClient& loans, const std::string& name) {
    v1::GetApplicationRequest get;
    get.set_name(name);
    return loans.Call<v1::Application>(&AppStub::GetApplication, get);
  }

  template <typename Request>
  absl::StatusOr<v1::Application> Send(const std::string& post, const v1::Application& current, const char* step,
                                       grpc::Status (AppStub::*method)(grpc::ClientContext*, const Request&,
                                                                       v1::Application*),
                                       Request request) {
    ASSIGN_OR_RETURN(const LoansClient* loans, As(post));
    request.set_request_id(absl::StrCat("demo:", step, ":", current.name().substr(current.name().find('/') + 1)));
    request.set_name(current.name());
    request.set_etag(current.etag());
    absl::StatusOr<v1::Application> next = loans->Call<v1::Application>(method, request);
    if (!next.ok()) return Rephrased(next.status(), absl::StrCat(step, " as ", post, ": ", next.status().message()));
    return next;
  }

  absl::StatusOr<v1::Application> TakeStep(const DemoApplication& demo, const v1::Application& current,
                                           const std::string& intake, const std::string& director,
                                           const std::string& bank) {
    const type::v1::Date today = DateOf(today_);
    const type::v1::Money approved = Yuan(demo.amount_yuan);
    const int rate = demo.small_loan ? kDemoBaseRateBp : kDemoBaseRateBp * 13 / 10;  // industry: base × 1.3
    switch (current.next_step()) {
      case v1::APPLICATION_STEP_SUBMISSION:
        return Send(intake, current, "submit", &AppStub::SubmitApplication, v1::SubmitApplicationRequest());
      case v1::APPLICATION_STEP_SURVEY: {
        v1::RecordSurveyRequest r;
        v1::SurveyRecord& s = *r.mutable_survey();
        s.set_lead(Holder(director).staff);
        const auto member = [&](const std::string& post, v1::SurveyRole role) {
          v1::SurveyMember& m = *s.add_members();
          m.set_staff(Holder(post).staff);
          m.set_display_name(Holder(post).display_name);
          m.set_role(role);
        };
        member(intake, v1::SURVEY_ROLE_VILLAGE_CADRE);
        member(bank, v1::SURVEY_ROLE_BANK_CREDIT_OFFICER);
        *s.mutable_visit_date() = today;
        s.set_findings(demo.small_loan ? "家庭劳动力充足，养殖经验丰富，资金用途真实，具备还款能力"
                                       : "经营正常，账务规范，带动贫困户情况属实，项目可行");
        *s.mutable_recommended_amount() = approved;
        *s.mutable_report() = DemoDocument("survey_report", "", "surveys/" + demo.key + ".pdf");
        *s.mutable_guarantee_application() =
            DemoDocument("guarantee_application", "", "guarantee-applications/" + demo.key + ".pdf");
        if (!demo.small_loan) {
          *s.mutable_benefit_sharing_agreement() =
              DemoDocument("benefit_sharing_agreement", "", "benefit-sharing/" + demo.key + ".pdf");
        }
        return Send(director, current, "survey", &AppStub::RecordSurvey, r);
      }
      case v1::APPLICATION_STEP_COUNTY_REVIEW: {
        v1::ReviewApplicationRequest r;
        v1::ReviewRecord& review = *r.mutable_review();
        *review.mutable_approved_amount() = approved;
        review.set_approved_term_months(demo.term_months);
        review.set_rate_bp(rate);
        review.set_recommended_bank(people_.units.at(demo.bank));
        review.set_comment("经综合评定，同意推荐");
        return Send("county.reviewer", current, "review", &AppStub::ReviewApplication, r);
      }
      case v1::APPLICATION_STEP_GUARANTEE: {
        v1::RecordGuaranteeRequest r;
        v1::GuaranteeRecord& g = *r.mutable_guarantee();
        g.set_contract_number("GADB-" + demo.key);
        *g.mutable_guaranteed_amount() = approved;
        *g.mutable_contract() = DemoDocument("guarantee_contract", g.contract_number(), "guarantees/" + demo.key + ".pdf");
        return Send("guar.officer", current, "guarantee", &AppStub::RecordGuarantee, r);
      }
      case v1::APPLICATION_STEP_INSURANCE: {
        v1::RecordInsuranceRequest r;
        v1::InsuranceRecord& i = *r.mutable_insurance();
        i.set_kind(current.guarantee_skipped() ? v1::INSURANCE_KIND_PERSONAL_ACCIDENT : v1::INSURANCE_KIND_SURETY);
        if (current.guarantee_skipped()) *i.mutable_premium() = Yuan(demo.amount_yuan / 1000);
        i.set_policy_number("PICC-GA-" + demo.key);
        *i.mutable_insured_amount() = approved;
        *i.mutable_cover()->mutable_start() = today;
        *i.mutable_cover()->mutable_end() =
            DateOf(absl::CivilDay(today_.year(), today_.month() + demo.term_months, today_.day()));
        *i.mutable_policy_document() = DemoDocument("insurance_policy", i.policy_number(), "insurance/" + demo.key + ".pdf");
        return Send("ins.officer", current, "insure", &AppStub::RecordInsurance, r);
      }
      case v1::APPLICATION_STEP_CONTRACT: {
        v1::SignContractRequest r;
        v1::ContractRecord& c = *r.mutable_contract();
        c.set_contract_number("JK-" + demo.key);
        *c.mutable_signed_date() = today;
        *c.mutable_amount() = approved;
        c.set_term_months(demo.term_months);
        c.set_rate_bp(rate);
        *c.mutable_contract() = DemoDocument("loan_contract", c.contract_number(), "contracts/" + demo.key + ".pdf");
        return Send(bank, current, "contract", &AppStub::SignContract, r);
      }
      case v1::APPLICATION_STEP_DISBURSEMENT: {
        v1::DisburseRequest r;
        v1::DisbursementRecord& d = *r.mutable_disbursement();
        *d.mutable_amount() = Yuan(demo.amount_yuan - demo.second_draw_yuan);
        *d.mutable_value_date() = today;
        d.set_bank_reference("DEMO-" + demo.key);
        if (d.amount().fen() > kEntrustedThresholdFen) {
          v1::EntrustedPayee& payee = *d.mutable_entrusted_payee();
          payee.set_payee_name("廊坊市冷链设备有限公司");
          payee.set_account_number("1310220000000088");
          payee.set_bank("中国农业银行廊坊分行");
          *payee.mutable_basis() = DemoDocument("purchase_order", "", "purchase-orders/" + demo.key + ".pdf");
        }
        return Send(bank, current, "disburse", &AppStub::Disburse, r);
      }
      default:
        return absl::InternalError(absl::StrCat("no demo step for ", v1::ApplicationStep_Name(current.next_step())));
    }
  }

  absl::StatusOr<v1::Application> Reject(const v1::Application& current, const std::string& director) {
    v1::RejectApplicationRequest r;
    r.set_category(v1::REJECTION_CATEGORY_REPAYMENT_CAPACITY);
    r.set_reason("入户调查发现家庭主要劳动力长期患病，暂不具备还款能力，建议先申请产业帮扶项目");
    return Send(director, current, "reject", &AppStub::RejectApplication, r);
  }

  absl::StatusOr<v1::Application> Withdraw(const v1::Application& current, const std::string& intake) {
    v1::WithdrawApplicationRequest r;
    r.set_reason("申请人已获得亲属资助，本人申请撤回");
    return Send(intake, current, "withdraw", &AppStub::WithdrawApplication, r);
  }

  // A further draw on the credit line, once.
  absl::Status Draw(const DemoApplication& demo, const v1::Application& current, const std::string& bank) {
    ASSIGN_OR_RETURN(const LoansClient* loans, As(bank));
    v1::GetCreditLineRequest get;
    get.set_name(current.credit_line());
    ASSIGN_OR_RETURN(const v1::CreditLine line, loans->Call<v1::CreditLine>(&AppStub::GetCreditLine, get));
    if (line.draw_count() >= 2) {  // drawn by an earlier run
      load_.Count("draws", line.create_time());
      return absl::OkStatus();
    }
    v1::DrawCreditLineRequest r;
    r.set_request_id("demo:draw:" + demo.key);
    r.set_name(line.name());
    r.set_etag(line.etag());
    *r.mutable_amount() = Yuan(demo.second_draw_yuan);
    *r.mutable_value_date() = DateOf(today_);
    r.set_term_months(12);
    r.set_bank_reference("DEMO-" + demo.key + "-2");
    r.set_purpose(v1::PURPOSE_PRODUCTION);
    ASSIGN_OR_RETURN(const v1::Loan loan, loans->Call<v1::Loan>(&AppStub::DrawCreditLine, r));
    load_.Count("draws", loan.create_time());
    return absl::OkStatus();
  }

  DemoDesks& desks_;
  const DemoPeople& people_;
  DemoLoad& load_;
  absl::CivilDay today_;
  std::map<std::string, std::pair<std::string, const DemoBorrower*>> borrowers_;  // key → name, plan
  std::map<std::string, v1::Application> applications_;
  std::string small_product_, industry_product_;
};

}  // namespace

absl::Status LoadDemoLending(const Invocation& inv, const DemoPeople& people, DemoLoad& load, absl::Time now) {
  DemoDesks desks(inv, people, now);
  // The server's business date, not this machine's: up.sh loads the
  // servicing history with the suite's clock behind (demo_servicing.h). An
  // svc-loans without servicing (no close-of-business service) gets no
  // history, and its dates are this machine's.
  ASSIGN_OR_RETURN(const LoansClient* county, desks.As("county.director"));
  const absl::CivilDay here = (*BusinessClock::System(kDefaultCountyTimeZone))->DayOf(now);
  absl::StatusOr<absl::CivilDay> today = DemoBusinessDate(*county, people.units.at(1));
  const bool servicing = !absl::IsUnimplemented(today.status());
  if (!servicing) today = here;
  if (!today.ok()) return Rephrased(today.status(), absl::StrCat("business date: ", today.status().message()));
  load.SetServerClockOffset(absl::Hours(24) * (*today - here));
  LendingLoad lending(desks, load, *today);
  ASSIGN_OR_RETURN(const auto applications, lending.Run());
  if (!servicing) {
    std::cerr << "demo load: svc-loans has no close-of-business service: no servicing history\n";
    return absl::OkStatus();
  }
  RETURN_IF_ERROR(LoadDemoServicing(desks, load, *today, applications));
  return LoadDemoTickets(desks, load, applications, *today < here);
}

}  // namespace huinong::ctl
