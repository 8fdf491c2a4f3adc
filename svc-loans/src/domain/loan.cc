// See loan.h.
#include "svc-loans/src/domain/loan.h"

#include "svc-loans/src/domain/months.h"

namespace huinong::loans {

LendingPlace PlaceOf(const Application& a) {
  return {a.borrower_id, a.product_id, a.unit_id, a.township_id, a.county_id, a.recommended_bank_id};
}

absl::CivilDay OriginalMaturity(const Loan& loan) {
  return loan.extensions.empty() ? loan.maturity_date : loan.extensions.front().previous_maturity_date;
}

namespace {

// A loan paid out: `principal_fen` on `day` at `rate_bp` for `term_months`,
// with the product's repayment terms.
Loan PaidOut(const std::string& application_id, const LendingPlace& place, const Product& product,
             BorrowerType borrower_type, int64_t principal_fen, int rate_bp, absl::CivilDay day, int term_months) {
  Loan loan;
  loan.application_id = application_id;
  loan.place = place;
  loan.borrower_type = borrower_type;
  loan.product_kind = product.kind;
  loan.principal_fen = principal_fen;
  loan.outstanding_principal_fen = principal_fen;
  loan.rate_bp = rate_bp;
  loan.repayment_method = product.repayment_method;
  loan.day_count = product.day_count;
  loan.disbursement_date = day;
  loan.term_months = term_months;
  return loan;
}

}  // namespace

Loan LoanFromDisbursement(const Application& a, const Product& product, BorrowerType borrower_type, std::string id,
                          std::string credit_line_id) {
  const Contract& c = *a.contract;
  const Disbursement& d = *a.disbursement;
  Loan loan = PaidOut(a.id, PlaceOf(a), product, borrower_type, d.amount_fen, c.rate_bp, d.value_date, c.term_months);
  loan.id = std::move(id);
  loan.credit_line_id = std::move(credit_line_id);
  loan.purpose = a.request.purpose;
  loan.bank_reference = d.bank_reference;
  // The contract's maturity: a loan paid out after signing still ends when
  // the contract says.
  loan.maturity_date = c.maturity_date;
  loan.entrusted_payee = d.entrusted_payee;
  return loan;
}

CreditLineRecord CreditLineFromDisbursement(const Application& a, std::string id) {
  const Contract& c = *a.contract;
  CreditLineRecord line;
  line.id = std::move(id);
  line.application_id = a.id;
  line.place = PlaceOf(a);
  line.line = CreditLine{c.amount_fen, c.maturity_date, a.disbursement->amount_fen};
  line.rate_bp = c.rate_bp;
  line.start_date = a.disbursement->value_date;
  line.entrusted_payment = c.entrusted_payment;
  line.draw_count = 1;
  return line;
}

Loan LoanFromDraw(const CreditLineRecord& line, const Draw& draw, const Product& product, BorrowerType borrower_type,
                  Purpose purpose, std::string id, std::string bank_reference,
                  std::optional<EntrustedPayee> entrusted_payee) {
  Loan loan = PaidOut(line.application_id, line.place, product, borrower_type, draw.amount_fen, line.rate_bp, draw.day,
                      draw.term_months);
  loan.id = std::move(id);
  loan.credit_line_id = line.id;
  loan.purpose = purpose;
  loan.bank_reference = std::move(bank_reference);
  loan.maturity_date = DrawMaturity(draw);
  loan.entrusted_payee = std::move(entrusted_payee);
  return loan;
}

}  // namespace huinong::loans
