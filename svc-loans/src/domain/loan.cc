// See loan.h.
#include "svc-loans/src/domain/loan.h"

#include "svc-loans/src/domain/months.h"

namespace huinong::loans {

LendingPlace PlaceOf(const Application& a) {
  return {a.borrower_id, a.product_id, a.unit_id, a.township_id, a.county_id, a.recommended_bank_id};
}

Loan LoanFromDisbursement(const Application& a, const Product& product, BorrowerType borrower_type, std::string id,
                          std::string credit_line_id) {
  const Contract& c = *a.contract;
  const Disbursement& d = *a.disbursement;
  Loan loan;
  loan.id = std::move(id);
  loan.application_id = a.id;
  loan.credit_line_id = std::move(credit_line_id);
  loan.place = PlaceOf(a);
  loan.borrower_type = borrower_type;
  loan.product_kind = product.kind;
  loan.purpose = a.request.purpose;
  loan.bank_reference = d.bank_reference;
  loan.principal_fen = d.amount_fen;
  loan.outstanding_principal_fen = d.amount_fen;
  loan.rate_bp = c.rate_bp;
  loan.repayment_method = product.repayment_method;
  loan.day_count = product.day_count;
  loan.disbursement_date = d.value_date;
  loan.term_months = c.term_months;
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
  Loan loan;
  loan.id = std::move(id);
  loan.application_id = line.application_id;
  loan.credit_line_id = line.id;
  loan.place = line.place;
  loan.borrower_type = borrower_type;
  loan.product_kind = product.kind;
  loan.purpose = purpose;
  loan.bank_reference = std::move(bank_reference);
  loan.principal_fen = draw.amount_fen;
  loan.outstanding_principal_fen = draw.amount_fen;
  loan.rate_bp = line.rate_bp;
  loan.repayment_method = product.repayment_method;
  loan.day_count = product.day_count;
  loan.disbursement_date = draw.day;
  loan.term_months = draw.term_months;
  loan.maturity_date = DrawMaturity(draw);
  loan.entrusted_payee = std::move(entrusted_payee);
  return loan;
}

}  // namespace huinong::loans
