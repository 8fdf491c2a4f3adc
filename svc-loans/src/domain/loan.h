// A loan as disbursement creates it (000:1521-1525), and the revolving
// credit line a poverty small loan opens (000:1497): the records the bank
// pays out against. A loan carries what it was disbursed with, its
// outstanding principal (what a credit line's availability reads) and the
// class and days past due servicing last wrote (app/repayments.h replays
// its schedule and repayments). Pure: the records and the functions that
// make them.
//
// Guarantees: a disbursement makes one loan with the contract's rate, term
// and maturity; a revolving product's disbursement also opens a credit line
// whose limit is the contract amount and which expires at the contract's
// maturity, the first loan being its first draw; a draw is a loan of the
// line with its own term, maturing on or before the line's expiry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/application.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/domain/credit_line.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

enum class LoanStatus { kActive = 1, kSettled = 2, kWrittenOff = 3 };
enum class CreditLineState { kActive = 1, kExpired = 2, kClosed = 3 };

// Where a lending record belongs, copied from its application: lists and
// scope filter on these.
struct LendingPlace {
  std::string borrower_id;
  std::string product_id;
  std::string unit_id;  // the intake unit (village, or township for a leading enterprise)
  std::string township_id;
  std::string county_id;
  std::string bank_id;
};

// An extension of a loan (展期, 000:1509), as ExtendLoan records it
// (domain/extension.h judges it): `months` more, agreed on `effective_date`
// under the county policy version `policy_id`, moving the maturity from
// `previous_maturity_date` to `new_maturity_date`; the schedule is
// regenerated from the first instalment due after `effective_date`.
struct LoanExtension {
  int months = 0;
  absl::CivilDay effective_date;
  absl::CivilDay previous_maturity_date;
  absl::CivilDay new_maturity_date;
  std::string reason;
  domain::DocumentRef document;  // the extension agreement
  std::string policy_id;
  std::string recorded_by;  // "staff/{id}"
  absl::Time record_time;
};

struct Loan {
  std::string id;
  std::string application_id;
  std::string credit_line_id;  // draws only
  LendingPlace place;
  BorrowerType borrower_type = BorrowerType::kHousehold;
  ProductKind product_kind = ProductKind::kPovertySmallLoan;
  Purpose purpose = Purpose::kProduction;
  std::string bank_reference;
  int64_t principal_fen = 0;
  int64_t outstanding_principal_fen = 0;
  int rate_bp = 0;
  RepaymentMethod repayment_method = RepaymentMethod::kMonthlyInterestBullet;
  DayCount day_count = DayCount::kActual365;
  absl::CivilDay disbursement_date;
  int term_months = 0;         // as disbursed (the contract's, or the draw's)
  absl::CivilDay maturity_date;  // after every extension
  std::vector<LoanExtension> extensions;  // oldest first
  std::optional<EntrustedPayee> entrusted_payee;
  LoanStatus status = LoanStatus::kActive;
  // As servicing last wrote them (after a repayment, or the nightly job);
  // GetLoan recomputes them for today.
  LoanClass loan_class = LoanClass::kNormal;
  int days_past_due = 0;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

struct CreditLineRecord {
  std::string id;
  std::string application_id;
  LendingPlace place;
  CreditLine line;  // limit, expiry (the contract's maturity), outstanding principal
  int rate_bp = 0;
  absl::CivilDay start_date;
  bool entrusted_payment = false;
  CreditLineState state = CreditLineState::kActive;
  int draw_count = 0;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

LendingPlace PlaceOf(const Application& application);

// The maturity the loan was disbursed with, before any extension.
absl::CivilDay OriginalMaturity(const Loan& loan);

// The loan `application`'s disbursement opens (contract and disbursement
// recorded), under `product`.
Loan LoanFromDisbursement(const Application& application, const Product& product, BorrowerType borrower_type,
                          std::string id, std::string credit_line_id);

// The credit line a revolving product's disbursement opens; its first loan
// is the disbursement itself (outstanding = the amount disbursed).
CreditLineRecord CreditLineFromDisbursement(const Application& application, std::string id);

// A draw on `line`: the loan it makes (with the line's rate and the
// product's repayment terms). The caller has checked it (CheckDraw,
// DrawMaturity within the expiry).
Loan LoanFromDraw(const CreditLineRecord& line, const Draw& draw, const Product& product, BorrowerType borrower_type,
                  Purpose purpose, std::string id, std::string bank_reference,
                  std::optional<EntrustedPayee> entrusted_payee);

}  // namespace huinong::loans
