// A county's lending policy: one dated version of the settings the seeds
// leave to each county (000:1469-1539, 郏县 000:1417-1453, 固安
// 000:1541-1667), as huinong.loans.v1.CountyPolicy holds them. Every
// decision that reads the policy records `id`, so it can be explained later
// against the settings it used; a version in force is never edited.
//
// Money is integer fen, rates and ratios integer basis points (1% = 100 bp),
// rate multiples basis points of the base rate (10000 = the base). The
// defaults are the seeds' numbers where the seeds give one; the base rate is
// not in the seeds (435 bp was the one-to-five-year benchmark of those years
// and is the demo's value).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/borrower.h"

namespace huinong::loans {

// Numeric values of these enums match the API's.
enum class ProductKind {
  kPovertySmallLoan = 1,     // 扶贫小额信贷: registered poor households, a credit line
  kIndustryDevelopment = 2,  // 产业发展贷款
};

// What the money is for (000:1487, 000:1523, 000:1573); personal
// consumption such as a house or a car is never allowed.
enum class Purpose {
  kProduction = 1,                  // planting, breeding, processing
  kShareCooperativeInvestment = 2,  // invested in a share-cooperative
  kPairedEnterpriseInvestment = 3,  // invested in a paired enterprise
  kBusinessOperation = 4,           // an organisation's operations
  kPersonalConsumption = 5,
};

// The small-loan model (000:1433, 000:1587): under 政银企户保 a guarantee
// company guarantees and surety insurance backs the loan; under 两免一补 (no
// guarantee, no collateral, full subsidy) the guarantee step is skipped and
// the insurance is personal-accident insurance.
enum class SmallLoanModel { kGuaranteed = 1, kGuaranteeFree = 2 };

// On which day a borrower's age is judged (the seeds say only "not over 60").
enum class AgeReference { kApplicationDate = 1, kContractDate = 2, kMaturityDate = 3 };

enum class FeeSchedule { kOnce = 1, kYearly = 2 };
enum class NplMeasure { kByBalance = 1, kByCount = 2 };
enum class SubsidyTrigger { kAfterFullRepayment = 1, kHalfYearly = 2 };

// A poverty small loan is "5万以下" everywhere (000:1497): no county may set more.
inline constexpr int64_t kSmallLoanMaximumFen = 5'000'000;

// A ceiling per borrower, inclusive (000:1503); `product` unset: every kind.
struct Ceiling {
  BorrowerType type = BorrowerType::kHousehold;
  std::optional<ProductKind> product;
  int64_t fen = 0;
};

// An organisation's subsidy rate from this many households lifted (000:1529).
struct SubsidyBand {
  int min_households_lifted = 0;
  int rate_bp = 0;
};

// The organisations a county lends with (000:1567 names 固安's rural credit
// union and the Agricultural Bank; 000:1519 the guarantee company and PICC),
// each the root unit of its organisation in svc-org: the banks its review
// may recommend, the guarantee companies that may guarantee and the insurers
// that may insure its applications. Their staff see the county's
// applications once reviewed and act only on those of counties naming them.
struct CountyPartners {
  std::vector<std::string> bank_ids;
  std::vector<std::string> guarantee_company_ids;
  std::vector<std::string> insurer_ids;
};

enum class PartnerRole { kBank, kGuaranteeCompany, kInsurer };

// The partners of `role`, and whether `organisation_id` is one of them.
const std::vector<std::string>& PartnersIn(const CountyPartners& partners, PartnerRole role);
std::vector<std::string>& PartnersIn(CountyPartners& partners, PartnerRole role);
bool Names(const CountyPartners& partners, PartnerRole role, const std::string& organisation_id);
// The API's field for the role's list ("cooperating_banks", …).
const char* PartnerField(PartnerRole role);

struct CountyPolicy {
  std::string id;         // of this dated version; decisions record it
  std::string county_id;  // the county unit it governs
  int64_t revision = 1;   // the etag: edits before it is in force
  absl::Time create_time;
  absl::Time update_time;
  absl::CivilDay effective_from;

  // Who the county lends with; every list needs at least one organisation.
  CountyPartners partners;

  // Rates and the small-loan model (000:1505).
  int base_rate_bp = 435;
  SmallLoanModel small_loan_model = SmallLoanModel::kGuaranteed;
  int small_loan_rate_multiple_bp = 10'000;    // a small loan at the base rate
  int max_industry_rate_multiple_bp = 14'500;  // industry loans at most base × 1.45
  int surety_premium_bp = 120;
  int guarantee_fee_bp = 100;
  FeeSchedule fee_schedule = FeeSchedule::kOnce;

  // Eligibility. A borrower type without a ceiling cannot borrow.
  std::vector<Ceiling> ceilings = {
      {BorrowerType::kHousehold, ProductKind::kPovertySmallLoan, 5'000'000},  // 50,000 CNY
      {BorrowerType::kFamilyFarm, std::nullopt, 100'000'000},                 // 1,000,000 CNY
      {BorrowerType::kCooperative, std::nullopt, 300'000'000},                // 3,000,000 CNY
      {BorrowerType::kLeadingEnterprise, std::nullopt, 500'000'000},          // 5,000,000 CNY
  };
  int max_borrower_age = 60;  // 000:1489
  AgeReference age_reference = AgeReference::kApplicationDate;
  // Poor households driven ÷ the organisation's shareholder households (000:1491).
  int min_driven_households_share_bp = 3'000;
  // The purposes inside the county's plan (000:1487).
  std::vector<Purpose> allowed_purposes = {Purpose::kProduction, Purpose::kShareCooperativeInvestment,
                                           Purpose::kPairedEnterpriseInvestment, Purpose::kBusinessOperation};
  int max_total_term_months = 36;  // including every extension (000:1509)

  // Workflow.
  int64_t entrusted_payment_threshold_fen = 50'000'000;  // 受托支付 above it
  int small_loan_review_working_days = 2;                // 000:1517
  int industry_loan_review_working_days = 5;  // not in the seeds: the project's default

  // Servicing (the next issue).
  int npl_days_past_due = 90;
  int breaker_threshold_bp = 300;  // 000:1535
  NplMeasure npl_measure = NplMeasure::kByBalance;
  int maturity_reminder_months = 2;  // 000:1445
  SubsidyTrigger subsidy_trigger = SubsidyTrigger::kAfterFullRepayment;
  int subsidy_min_on_time_months = 12;  // 000:1433
  int subsidy_notice_days = 7;          // 000:1531
  int64_t household_subsidy_threshold_fen = 5'000'000;
  int household_above_threshold_rate_bp = 100;  // 000:1529
  std::vector<SubsidyBand> organisation_subsidy_bands = {{0, 200}, {20, 250}, {30, 300}};
  int compensation_ratio_bp = 10'000;

  // The decision that set this version: a note (up to 2000 characters) and
  // a reference to the document.
  std::string note;
  domain::DocumentRef decision_document;
};

// The inclusive ceiling for this borrower and product kind: the ceiling
// for exactly this kind, else the one for every kind; none when the policy
// sets neither (the type cannot borrow).
std::optional<int64_t> CeilingFen(const CountyPolicy& policy, BorrowerType type, ProductKind product);

// Every setting out of its range, as (field, description) with the field
// named as the API names it ("base_rate_bp", "ceilings[2].fen", …).
std::vector<std::pair<std::string, std::string>> PolicyViolations(const CountyPolicy& policy);

// The version in force on `day`: the one with the latest effective_from on
// or before it; nullptr when none has started.
const CountyPolicy* PolicyInForce(const std::vector<CountyPolicy>& versions, absl::CivilDay day);

}  // namespace huinong::loans
