-- Loan standings (issue 11 item 9: "for any past month as it stood then —
-- keep the classification history; do not recompute from today's state").
-- One row per loan and business date on which its status, class or
-- outstanding principal changed: the disbursement writes the first, and
-- every later change (a repayment, the close-of-business job, a write-off)
-- writes the day it was booked — its posting date, so a backdated
-- repayment booked in November does not rewrite what October's report
-- said. A loan's standing on day D is its row with the greatest as_of <= D;
-- reports read a county's rows by (county_id, as_of). days_past_due is the
-- figure of that row's last write that day (it moves every day while a
-- loan is overdue, which alone does not write a row).
CREATE TABLE IF NOT EXISTS loan_standings (
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  as_of DATE NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  status TINYINT NOT NULL,
  classification TINYINT NOT NULL,
  days_past_due INT NOT NULL,
  outstanding_principal_fen BIGINT NOT NULL,
  PRIMARY KEY (loan_id, as_of),
  KEY loan_standings_county (county_id, as_of, loan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Loans disbursed before this migration start their history at their
-- disbursement with what they stand at now.
INSERT IGNORE INTO loan_standings
  (loan_id, as_of, county_id, township_id, status, classification, days_past_due, outstanding_principal_fen)
  SELECT id, disbursement_date, county_id, township_id, status, classification, days_past_due,
         outstanding_principal_fen
  FROM loans;
