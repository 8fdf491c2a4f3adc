// How svc-loans' records look to a person: one key/value block per record
// (a borrower, a product, a county policy version, an application with
// every step it has taken, a credit line, a loan, an eligibility answer
// with every failed rule, a blacklist entry, a township's circuit breaker,
// a repayment, a payoff quote) and one table per list (a loan's schedule
// too).
// Personal data is shown as the server returned it (masked unless the
// caller may see it). Pure functions of the protos, tested without a server.
#pragma once

#include <string>
#include <vector>

#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/breaker.pb.h"
#include "huinong/loans/v1/borrowers.pb.h"
#include "huinong/loans/v1/credit_lines.pb.h"
#include "huinong/loans/v1/products.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

std::string BorrowerDetail(const loans::v1::Borrower& borrower);
Table BorrowerTable(const std::vector<loans::v1::Borrower>& borrowers);
std::string BlacklistEntryDetail(const loans::v1::BlacklistEntry& entry);
Table BlacklistTable(const std::vector<loans::v1::BlacklistEntry>& entries);
// "eligible" or "NOT eligible", the ceiling and policy, then one line per
// failed rule: "  CEILING_EXCEEDED  amount: … (limit 50,000.00, value 50,000.01)".
std::string EligibilityText(const loans::v1::EligibilityResult& result);

std::string ProductDetail(const loans::v1::Product& product);
Table ProductTable(const std::vector<loans::v1::Product>& products);
std::string PolicyDetail(const loans::v1::CountyPolicy& policy);
Table PolicyTable(const std::vector<loans::v1::CountyPolicy>& policies);

// The application's terms, state and next step, then each step taken
// (who, what) in workflow order.
std::string ApplicationDetail(const loans::v1::Application& application);
Table ApplicationTable(const std::vector<loans::v1::Application>& applications);

std::string CreditLineDetail(const loans::v1::CreditLine& line);
Table CreditLineTable(const std::vector<loans::v1::CreditLine>& lines);
std::string LoanDetail(const loans::v1::Loan& loan);
Table LoanTable(const std::vector<loans::v1::Loan>& loans);
// One row per instalment (due date, days, principal and interest due and
// paid, state), then the totals.
std::string ScheduleText(const loans::v1::RepaymentSchedule& schedule);
std::string RepaymentDetail(const loans::v1::Repayment& repayment);
std::string PayoffQuoteDetail(const loans::v1::PayoffQuote& quote);

// The township's lending state, its last measured NPL ratio against the
// threshold, a tolerated ratio after a lift, and the plan with the county's answer.
std::string TownshipStatusDetail(const loans::v1::TownshipStatus& status);
Table TownshipStatusTable(const std::vector<loans::v1::TownshipStatus>& statuses);

}  // namespace huinong::ctl
