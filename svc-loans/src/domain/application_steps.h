// What each workflow step must carry and what it works out (000:1511-1525),
// as pure rules beside the workflow table (application_flow.h): the
// survey's team and documents, the county review's terms (the lending rules
// run again on the approved amount, term and rate), the guarantee and its
// service fee, the insurance and its premium, the bank's contract (its
// re-check, maturity and entrusted payment) and the disbursement.
//
// Content problems come back as (field, description) pairs named as the API
// names them ("survey.members", "review.approved_amount"), so the handler
// answers all of them in one INVALID_ARGUMENT; broken lending rules come
// back as RuleFailures for one FAILED_PRECONDITION. Fees are half up in fen.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/application.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

using FieldProblems = std::vector<std::pair<std::string, std::string>>;

// The rate an application is judged at before the county sets one: the
// lowest whole basis point in the product's band, base × its minimum
// multiple rounded up (rounding down would fall below the band).
int ProposedRateBp(const Product& product, const CountyPolicy& policy);

// The survey (000:1517): a team with the bank's credit officer, the visit
// not after `today`, findings, the report; the guarantee application unless
// the flow skips the guarantee; the benefit-sharing agreement for every loan
// but a poverty small loan; a recommended amount not above the request.
FieldProblems SurveyProblems(const Application& application, const Survey& survey, absl::CivilDay today);
// Whether the only missing piece that matters to the reason is the
// benefit-sharing agreement (BENEFIT_SHARING_AGREEMENT_REQUIRED).
bool MissingBenefitSharingAgreement(const FieldProblems& problems);

// The review's content: amount, term and rate set, a bank named.
FieldProblems ReviewProblems(const Review& review);
// The loan the county approves, as the lending rules judge it: the request
// with the approved amount, term and rate.
LoanRequest ApprovedRequest(const Application& application, const Review& review);
// The review's own limits beyond eligibility: not more than was asked for,
// nor for longer.
std::vector<RuleFailure> CheckReviewWithinRequest(const Application& application, const Review& review,
                                                  const std::string& policy_id);

// The guarantee: a contract number and document, an amount not above the
// approved one; the service fee is the approved amount × guarantee_fee_bp.
FieldProblems GuaranteeProblems(const Application& application, const Guarantee& guarantee);
int64_t GuaranteeServiceFeeFen(int64_t approved_fen, const CountyPolicy& policy);

// The insurance: surety with the guarantee flow, personal accident without
// it (两免一补); a policy number, an insured amount, a cover period; the
// premium given for accident insurance. A surety premium is the approved
// amount × surety_premium_bp.
FieldProblems InsuranceProblems(const Application& application, const Insurance& insurance);
int64_t SuretyPremiumFen(int64_t approved_fen, const CountyPolicy& policy);

// The contract: a number, a signing day from the day the application was
// submitted up to `today` (never back-dated before it), an amount and term
// within the approved ones, the approved rate.
FieldProblems ContractProblems(const Application& application, const Contract& contract, absl::CivilDay today);
// Fills the contract's outputs: maturity, entrusted payment (amount above
// the county's threshold), the policy version.
void CompleteContract(Contract& contract, const CountyPolicy& policy);
// The loan the bank signs, as the lending rules judge it at signing.
LoanRequest ContractedRequest(const Application& application, const Contract& contract);

// The disbursement: an amount within the contract, a value date between the
// signing and `today`, the bank's reference, and the payee when the
// contract uses entrusted payment.
FieldProblems DisbursementProblems(const Application& application, const Disbursement& disbursement,
                                   absl::CivilDay today);
// An entrusted payee's problems, named under `field`: a name, an account
// number, a bank and the basis of the payment (the order, the invoice).
FieldProblems PayeeProblems(const EntrustedPayee& payee, const std::string& field);

// The fees charged at disbursement: the surety premium and the guarantee
// service fee recorded on the way.
int64_t FeesAtDisbursementFen(const Application& application);

}  // namespace huinong::loans
