-- Schedules and repayments (issue 11, items 2-3). The loan's schedule, as
-- BuildSchedule made it at disbursement or at the credit-line draw, is kept
-- whole as JSON on the loan (loans.schedule_json): it is written once in the
-- disbursement's transaction and always read whole, never searched by
-- instalment — what a loan owes today is a replay of that schedule's terms
-- with its repayments (domain/repayment.h ReplayLoan), and the rest of the
-- schedule is regenerated after a prepayment, so instalment rows would be
-- rewritten on every repayment. NULL for loans disbursed before this
-- migration (their schedule is rebuilt from their terms, which gives the
-- same instalments).
--
-- A repayment keeps its value date (interest and days past due count from
-- it), its posting date (the business day it was booked) and its creation
-- time apart, with where the money went when it was recorded
-- (allocation_json). The bank's reference pays once per loan; a loan's
-- repayments page by (value_date, id).
ALTER TABLE loans
  ADD COLUMN IF NOT EXISTS schedule_json MEDIUMTEXT CHARACTER SET utf8mb4 NULL;

CREATE TABLE IF NOT EXISTS repayments (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  bank_reference VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL,
  value_date DATE NOT NULL,
  posting_date DATE NOT NULL,
  amount_fen BIGINT NOT NULL,
  allocation_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  recorded_by VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY repayments_bank_reference (loan_id, bank_reference),
  KEY repayments_loan_value (loan_id, value_date, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
