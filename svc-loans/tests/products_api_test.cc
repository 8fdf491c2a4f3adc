// ProductService through the real server against a real MariaDB
// (loans_fixture.h): the county policy with the seeds' numbers (ceilings
// 50,000 / 1,000,000 / 3,000,000 / 5,000,000 CNY, base 435 bp, industry
// loans at most base × 1.45, 1.2% surety premium and 1.0% guarantee fee,
// 36 months, age 60) as dated versions read as of a day; a version in force
// is never edited; products within the policy's caps and retired by an
// update; every bad field named at once; replays, stale etags, callers
// without loans.policy and svc-org down; one audit event per change.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/tests/loans_fixture.h"

namespace huinong::loans {
namespace {

std::string Reason(const grpc::Status& s) { return rpc::ReasonOf(rpc::FromGrpcStatus(s)); }

std::vector<std::string> Fields(const grpc::Status& s) {
  std::vector<std::string> fields;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) fields.push_back(f.field);
  return fields;
}

void AddCeiling(v1::CountyPolicy& p, v1::BorrowerType type, int64_t fen, v1::ProductKind kind) {
  v1::BorrowerCeiling* c = p.add_ceilings();
  c->set_type(type);
  c->mutable_ceiling()->set_fen(fen);
  c->set_product_kind(kind);
}

// The seeds' county policy (000:1489-1535), in force from `from`; the base
// rate 435 bp is the demo's (the seeds give none).
v1::CountyPolicy SeedPolicy(absl::CivilDay from) {
  v1::CountyPolicy p;
  p.set_county("units/county");
  *p.mutable_effective_from() = rpc::ToDate(from);
  for (const char* bank : {"units/rcc", "units/abc"}) p.add_cooperating_banks(bank);  // 000:1567
  p.add_guarantee_companies("units/guarantor");
  p.add_insurers("units/picc");
  p.set_base_rate_bp(435);
  p.set_small_loan_model(v1::SMALL_LOAN_MODEL_GUARANTEED);
  p.set_small_loan_rate_multiple_bp(10'000);
  p.set_max_industry_rate_multiple_bp(14'500);
  p.set_surety_premium_bp(120);
  p.set_guarantee_fee_bp(100);
  p.set_fee_schedule(v1::FEE_SCHEDULE_ONCE);
  AddCeiling(p, v1::BORROWER_TYPE_HOUSEHOLD, 5'000'000, v1::PRODUCT_KIND_POVERTY_SMALL_LOAN);
  AddCeiling(p, v1::BORROWER_TYPE_FAMILY_FARM, 100'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  AddCeiling(p, v1::BORROWER_TYPE_COOPERATIVE, 300'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  AddCeiling(p, v1::BORROWER_TYPE_LEADING_ENTERPRISE, 500'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  p.set_max_borrower_age(60);
  p.set_age_reference(v1::AGE_REFERENCE_APPLICATION_DATE);
  p.set_min_driven_households_share_bp(3'000);
  for (v1::Purpose purpose : {v1::PURPOSE_PRODUCTION, v1::PURPOSE_BUSINESS_OPERATION}) p.add_allowed_purposes(purpose);
  p.set_max_total_term_months(36);
  p.mutable_entrusted_payment_threshold()->set_fen(50'000'000);
  p.set_small_loan_review_working_days(2);
  p.set_industry_loan_review_working_days(5);
  p.set_npl_days_past_due(90);
  p.set_breaker_threshold_bp(300);
  p.set_maturity_reminder_months(2);
  p.set_subsidy_trigger(v1::SUBSIDY_TRIGGER_AFTER_FULL_REPAYMENT);
  p.set_subsidy_min_on_time_months(12);
  p.set_subsidy_notice_days(7);
  p.mutable_household_subsidy_threshold()->set_fen(5'000'000);
  p.set_household_above_threshold_rate_bp(100);
  for (auto [lifted, rate] : {std::pair{0, 200}, std::pair{20, 250}, std::pair{30, 300}}) {
    v1::OrganisationSubsidyBand* band = p.add_organisation_subsidy_bands();
    band->set_min_households_lifted(lifted);
    band->set_rate_bp(rate);
  }
  p.set_compensation_ratio_bp(10'000);
  p.set_note("县扶贫小额信贷实施方案");
  p.mutable_decision_document()->set_uri("docs://county/2026/policy");
  p.mutable_decision_document()->set_title("县政府常务会议纪要");
  return p;
}

// 扶贫小额信贷: households, 50,000 CNY, 36 months, at the base rate, a credit line.
v1::Product SmallLoan() {
  v1::Product p;
  p.set_code("fpxd");
  p.set_title("扶贫小额信贷");
  p.set_kind(v1::PRODUCT_KIND_POVERTY_SMALL_LOAN);
  p.add_borrower_types(v1::BORROWER_TYPE_HOUSEHOLD);
  p.mutable_max_amount()->set_fen(5'000'000);
  p.set_max_term_months(36);
  p.set_min_rate_multiple_bp(10'000);
  p.set_max_rate_multiple_bp(10'000);
  p.set_revolving(true);
  p.set_repayment_method(v1::REPAYMENT_METHOD_MONTHLY_INTEREST_BULLET);
  return p;
}

// 产业发展贷款: cooperatives and leading enterprises, up to 5,000,000 CNY, at most base × 1.45.
v1::Product IndustryLoan() {
  v1::Product p;
  p.set_code("cyfz");
  p.set_title("产业发展贷款");
  p.set_kind(v1::PRODUCT_KIND_INDUSTRY_DEVELOPMENT);
  p.add_borrower_types(v1::BORROWER_TYPE_COOPERATIVE);
  p.add_borrower_types(v1::BORROWER_TYPE_LEADING_ENTERPRISE);
  p.mutable_max_amount()->set_fen(500'000'000);
  p.set_max_term_months(36);
  p.set_min_rate_multiple_bp(10'000);
  p.set_max_rate_multiple_bp(14'500);
  p.set_repayment_method(v1::REPAYMENT_METHOD_EQUAL_PRINCIPAL);
  p.set_day_count(v1::DAY_COUNT_ACTUAL_360);
  p.mutable_counter_guarantee_threshold()->set_fen(5'000'000);
  return p;
}

class Products : public LoansFixture {
 protected:
  absl::CivilDay Today() const { return clock_->Today(); }

  grpc::Status CreatePolicy(const v1::CountyPolicy& policy, v1::CountyPolicy* out, const std::string& who = "policy",
                            const std::string& request_id = "") {
    v1::CreateCountyPolicyRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    *req.mutable_policy() = policy;
    return products_->CreateCountyPolicy(As(who).get(), req, out);
  }

  grpc::Status Effective(const std::string& unit, std::optional<absl::CivilDay> as_of, v1::CountyPolicy* out) {
    v1::GetEffectiveCountyPolicyRequest req;
    req.set_unit(unit);
    if (as_of) *req.mutable_as_of() = rpc::ToDate(*as_of);
    return products_->GetEffectiveCountyPolicy(As("clerk11").get(), req, out);
  }

  grpc::Status EditBaseRate(const v1::CountyPolicy& version, const std::string& etag, int base_rate_bp,
                            v1::CountyPolicy* out) {
    v1::UpdateCountyPolicyRequest req;
    req.set_request_id(NextRequestId());
    req.mutable_policy()->set_name(version.name());
    req.mutable_policy()->set_etag(etag);
    req.mutable_policy()->set_base_rate_bp(base_rate_bp);
    req.mutable_update_mask()->add_paths("base_rate_bp");
    return products_->UpdateCountyPolicy(As("policy").get(), req, out);
  }

  grpc::Status CreateProduct(const v1::Product& product, v1::Product* out, const std::string& who = "policy",
                             const std::string& request_id = "") {
    v1::CreateProductRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    *req.mutable_product() = product;
    return products_->CreateProduct(As(who).get(), req, out);
  }

  grpc::Status Retire(const v1::Product& product, const std::string& etag, v1::Product* out) {
    v1::UpdateProductRequest req;
    req.set_request_id(NextRequestId());
    req.mutable_product()->set_name(product.name());
    req.mutable_product()->set_etag(etag);
    req.mutable_product()->set_status(v1::PRODUCT_STATUS_RETIRED);
    req.mutable_update_mask()->add_paths("status");
    return products_->UpdateProduct(As("policy").get(), req, out);
  }

  int64_t Events(const std::string& method) {
    return Count(absl::StrCat("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.", method, "%'"));
  }
};

TEST_F(Products, TheSeedsPolicyReadsBackWithEveryNumber) {
  v1::CountyPolicy created;
  grpc::Status s = CreatePolicy(SeedPolicy(Today()), &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(created.name().rfind("countyPolicies/", 0), 0u) << created.name();
  EXPECT_EQ(created.etag(), "1");

  v1::CountyPolicy read;
  v1::GetCountyPolicyRequest get;
  get.set_name(created.name());
  s = products_->GetCountyPolicy(As("clerk11").get(), get, &read);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(read.county(), "units/county");
  EXPECT_EQ(read.base_rate_bp(), 435);
  EXPECT_EQ(read.small_loan_model(), v1::SMALL_LOAN_MODEL_GUARANTEED);
  EXPECT_EQ(read.max_industry_rate_multiple_bp(), 14'500);
  EXPECT_EQ(read.surety_premium_bp(), 120);
  EXPECT_EQ(read.guarantee_fee_bp(), 100);
  ASSERT_EQ(read.ceilings_size(), 4);
  EXPECT_EQ(read.ceilings(0).ceiling().fen(), 5'000'000);    // 50,000 CNY
  EXPECT_EQ(read.ceilings(0).product_kind(), v1::PRODUCT_KIND_POVERTY_SMALL_LOAN);
  EXPECT_EQ(read.ceilings(1).ceiling().fen(), 100'000'000);  // 1,000,000 CNY
  EXPECT_EQ(read.ceilings(2).ceiling().fen(), 300'000'000);  // 3,000,000 CNY
  EXPECT_EQ(read.ceilings(3).ceiling().fen(), 500'000'000);  // 5,000,000 CNY
  EXPECT_EQ(read.ceilings(3).type(), v1::BORROWER_TYPE_LEADING_ENTERPRISE);
  EXPECT_EQ(read.max_total_term_months(), 36);
  EXPECT_EQ(read.max_borrower_age(), 60);
  EXPECT_EQ(read.min_driven_households_share_bp(), 3'000);
  EXPECT_EQ(read.organisation_subsidy_bands_size(), 3);
  EXPECT_EQ(read.note(), "县扶贫小额信贷实施方案");
  EXPECT_EQ(read.decision_document().title(), "县政府常务会议纪要");
  EXPECT_EQ(read.effective_from().year(), Today().year());

  // Any unit below the county reads the version in force today.
  v1::CountyPolicy effective;
  s = Effective("units/v11", std::nullopt, &effective);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(effective.name(), created.name());
  EXPECT_EQ(Events("CreateCountyPolicy"), 1);
}

TEST_F(Products, AsOfReadsTheVersionInForceOnThatDay) {
  v1::CountyPolicy first, second, out;
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &first).ok());
  v1::CountyPolicy later = SeedPolicy(Today() + 30);
  later.set_base_rate_bp(400);
  ASSERT_TRUE(CreatePolicy(later, &second).ok());

  ASSERT_TRUE(Effective("units/county", Today() + 29, &out).ok());
  EXPECT_EQ(out.name(), first.name());
  EXPECT_EQ(out.base_rate_bp(), 435);
  ASSERT_TRUE(Effective("units/town2", Today() + 30, &out).ok());
  EXPECT_EQ(out.name(), second.name());
  EXPECT_EQ(out.base_rate_bp(), 400);
  grpc::Status s = Effective("units/v11", Today() - 1, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Reason(s), "NO_POLICY");
  s = Effective("units/rcc", Today(), &out);  // a bank is in no county
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Reason(s), "NO_POLICY");
  s = Effective("units/nowhere", Today(), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  // Listed a page at a time.
  v1::ListCountyPoliciesRequest list;
  list.set_county("units/county");
  list.set_page_size(1);
  v1::ListCountyPoliciesResponse page;
  ASSERT_TRUE(products_->ListCountyPolicies(As("clerk11").get(), list, &page).ok());
  ASSERT_EQ(page.policies_size(), 1);
  ASSERT_FALSE(page.next_page_token().empty());
  const std::string first_listed = page.policies(0).name();
  list.set_page_token(page.next_page_token());
  ASSERT_TRUE(products_->ListCountyPolicies(As("clerk11").get(), list, &page).ok());
  ASSERT_EQ(page.policies_size(), 1);
  EXPECT_NE(page.policies(0).name(), first_listed);
  EXPECT_TRUE(page.next_page_token().empty());
}

TEST_F(Products, AVersionInForceIsNeverEditedAndALaterOneIsUntilItStarts) {
  v1::CountyPolicy current, next, out;
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &current).ok());
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today() + 10), &next).ok());

  grpc::Status s = EditBaseRate(current, current.etag(), 410, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "POLICY_IN_FORCE");

  s = EditBaseRate(next, next.etag(), 410, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.base_rate_bp(), 410);
  EXPECT_EQ(out.etag(), "2");
  EXPECT_EQ(out.max_industry_rate_multiple_bp(), 14'500);  // outside the mask: kept
  s = EditBaseRate(next, next.etag(), 420, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Reason(s), "STALE_ETAG");

  // A version cannot start in the past, nor twice on one day.
  s = CreatePolicy(SeedPolicy(Today() - 1), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "EFFECTIVE_DATE_PASSED");
  s = CreatePolicy(SeedPolicy(Today() + 10), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  // A policy governs a county, not a township.
  v1::CountyPolicy township = SeedPolicy(Today() + 20);
  township.set_county("units/town1");
  s = CreatePolicy(township, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "LEVEL_MISMATCH");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM county_policies"), 2);
  EXPECT_EQ(Events("CreateCountyPolicy"), 2);
  EXPECT_EQ(Events("UpdateCountyPolicy"), 1);
}

TEST_F(Products, EveryBadFieldIsNamedAtOnceAndNothingIsStored) {
  v1::CountyPolicy bad = SeedPolicy(Today());
  bad.mutable_ceilings(0)->mutable_ceiling()->set_fen(5'000'001);  // a small loan above 50,000 CNY
  bad.add_allowed_purposes(v1::PURPOSE_PERSONAL_CONSUMPTION);
  bad.set_max_total_term_months(37);
  bad.set_small_loan_model(v1::SMALL_LOAN_MODEL_UNSPECIFIED);
  bad.set_base_rate_bp(-1);
  bad.mutable_organisation_subsidy_bands(2)->set_min_households_lifted(10);  // below the band before
  bad.set_county("");
  v1::CountyPolicy out;
  grpc::Status s = CreatePolicy(bad, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const std::vector<std::string> fields = Fields(s);
  for (const char* field :
       {"policy.ceilings[0].ceiling", "policy.allowed_purposes[2]", "policy.max_total_term_months",
        "policy.small_loan_model", "policy.base_rate_bp", "policy.organisation_subsidy_bands[2].min_households_lifted",
        "policy.county"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << field << " in " << s.error_message();
  }

  v1::Product product = SmallLoan();
  product.set_code("Bad Code");
  product.set_borrower_types(0, v1::BORROWER_TYPE_FAMILY_FARM);  // a small loan is for households
  product.mutable_max_amount()->set_fen(5'000'001);
  product.set_max_term_months(37);
  product.set_min_rate_multiple_bp(12'000);  // above the maximum
  product.set_repayment_method(v1::REPAYMENT_METHOD_UNSPECIFIED);
  v1::Product made;
  s = CreateProduct(product, &made);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const std::vector<std::string> product_fields = Fields(s);
  for (const char* field : {"product.code", "product.borrower_types[0]", "product.max_amount",
                            "product.max_term_months", "product.max_rate_multiple_bp", "product.repayment_method"}) {
    EXPECT_NE(std::find(product_fields.begin(), product_fields.end(), field), product_fields.end())
        << field << " in " << s.error_message();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM county_policies"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_F(Products, ThePolicysPartnersAreOrganisationsOfSvcOrgEachNamedOnce) {
  v1::CountyPolicy bad = SeedPolicy(Today());
  bad.set_cooperating_banks(0, "units/town1");  // a township of the county's own network
  bad.set_cooperating_banks(1, "units/rcc-b1");  // a branch, not the bank
  bad.add_cooperating_banks("units/nowhere");
  bad.add_guarantee_companies("units/guarantor");  // twice
  bad.clear_insurers();
  v1::CountyPolicy out;
  const grpc::Status s = CreatePolicy(bad, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const std::vector<std::string> fields = Fields(s);
  EXPECT_EQ(fields, (std::vector<std::string>{"policy.guarantee_companies[1]", "policy.insurers"}))
      << s.error_message();
  // The shape is fine: svc-org is asked which units are organisations.
  bad.clear_guarantee_companies();
  bad.add_guarantee_companies("units/guarantor");
  bad.add_insurers("units/picc");
  const grpc::Status org = CreatePolicy(bad, &out);
  ASSERT_EQ(org.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(org), (std::vector<std::string>{"policy.cooperating_banks[0]", "policy.cooperating_banks[1]",
                                                   "policy.cooperating_banks[2]"}))
      << org.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM county_policies"), 0);

  v1::CountyPolicy created;
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &created).ok());
  EXPECT_EQ(std::vector<std::string>(created.cooperating_banks().begin(), created.cooperating_banks().end()),
            (std::vector<std::string>{"units/rcc", "units/abc"}));
  EXPECT_EQ(created.insurers(0), "units/picc");
}

TEST_F(Products, ProductsStayWithinTheCountysCapsAndAreRetiredByAnUpdate) {
  v1::CountyPolicy policy;
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &policy).ok());
  v1::Product small, industry, out;
  grpc::Status s = CreateProduct(SmallLoan(), &small);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(small.status(), v1::PRODUCT_STATUS_ACTIVE);
  EXPECT_EQ(small.max_amount().fen(), 5'000'000);
  EXPECT_EQ(small.day_count(), v1::DAY_COUNT_ACTUAL_365);  // unset reads as ACT/365
  s = CreateProduct(IndustryLoan(), &industry);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(industry.max_rate_multiple_bp(), 14'500);  // base × 1.45 passes

  // One basis point above base × 1.45, and a term above the county's 36 months, fail on the county's caps.
  v1::Product steep = IndustryLoan();
  steep.set_code("cyfz-steep");
  steep.set_max_rate_multiple_bp(14'501);
  s = CreateProduct(steep, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), std::vector<std::string>{"product.max_rate_multiple_bp"});
  v1::Product taken = IndustryLoan();
  s = CreateProduct(taken, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(s), "PRODUCT_EXISTS");

  // Households see the small loan; enterprises the industry loan.
  v1::ListProductsRequest list;
  list.set_borrower_type(v1::BORROWER_TYPE_HOUSEHOLD);
  v1::ListProductsResponse page;
  ASSERT_TRUE(products_->ListProducts(As("clerk11").get(), list, &page).ok());
  ASSERT_EQ(page.products_size(), 1);
  EXPECT_EQ(page.products(0).name(), small.name());

  s = Retire(industry, industry.etag(), &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.status(), v1::PRODUCT_STATUS_RETIRED);
  EXPECT_EQ(out.etag(), "2");
  EXPECT_EQ(out.max_amount().fen(), 500'000'000);
  s = Retire(industry, industry.etag(), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);

  list.Clear();
  list.set_status(v1::PRODUCT_STATUS_ACTIVE);
  ASSERT_TRUE(products_->ListProducts(As("clerk11").get(), list, &page).ok());
  ASSERT_EQ(page.products_size(), 1);
  EXPECT_EQ(page.products(0).name(), small.name());
  v1::GetProductRequest get;
  get.set_name(industry.name());
  ASSERT_TRUE(products_->GetProduct(As("rcc-officer").get(), get, &out).ok());
  EXPECT_EQ(out.status(), v1::PRODUCT_STATUS_RETIRED);
  EXPECT_EQ(Events("CreateProduct"), 2);
  EXPECT_EQ(Events("UpdateProduct"), 1);
}

TEST_F(Products, AReplayedRequestChangesNothing) {
  v1::CountyPolicy policy, again;
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &policy, "policy", "policy-once").ok());
  ASSERT_TRUE(CreatePolicy(SeedPolicy(Today()), &again, "policy", "policy-once").ok());
  EXPECT_EQ(again.name(), policy.name());
  v1::Product product, replayed;
  ASSERT_TRUE(CreateProduct(SmallLoan(), &product, "policy", "product-once").ok());
  ASSERT_TRUE(CreateProduct(SmallLoan(), &replayed, "policy", "product-once").ok());
  EXPECT_EQ(replayed.name(), product.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM county_policies"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), 2);
}

TEST_F(Products, OnlyLoansPolicyChangesThemAndSvcOrgDownIsUnavailable) {
  v1::CountyPolicy policy;
  v1::Product product;
  grpc::Status s = CreatePolicy(SeedPolicy(Today()), &policy, "reviewer");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING");
  s = CreateProduct(SmallLoan(), &product, "clerk11");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING");
  s = CreateProduct(SmallLoan(), &product, "rcc-officer");  // a bank is in no county
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING");

  org_->SetUnreachable(true);
  s = CreatePolicy(SeedPolicy(Today()), &policy);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  s = CreateProduct(SmallLoan(), &product);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM county_policies"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), 0);

  // Reads need no capability.
  org_->SetUnreachable(false);
  ASSERT_TRUE(CreateProduct(SmallLoan(), &product).ok());
  v1::GetProductRequest get;
  get.set_name(product.name());
  v1::Product read;
  ASSERT_TRUE(products_->GetProduct(As("clerk21").get(), get, &read).ok());
  EXPECT_EQ(read.code(), "fpxd");
}

}  // namespace
}  // namespace huinong::loans
