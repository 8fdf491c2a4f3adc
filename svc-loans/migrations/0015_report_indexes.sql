-- The lending report's indexes (issue 11 item 9; store/report_store.h):
-- each figure of a county's monthly report or quarterly bulletin is one
-- statement that reads one of these alone — every column it needs is in
-- the index, so no row is looked up and a report at 200,000 loans stays
-- under a second (docs/reports.md).
--
-- Loans disbursed in a period: by county and disbursement date, with the
-- township, borrower (distinct borrowers) and principal summed. Up to the
-- period's end (cumulative): every loan of the county in borrower order,
-- so distinct borrowers are counted in one pass.
ALTER TABLE loans
  ADD KEY IF NOT EXISTS loans_report (county_id, disbursement_date, township_id, borrower_id, principal_fen),
  ADD KEY IF NOT EXISTS loans_by_borrower (county_id, borrower_id, disbursement_date, township_id, principal_fen);

-- The metric huinong_loans_township_outstanding_yuan (api/breaker_metrics.h):
-- the ACTIVE loans' outstanding principal summed by township at scrape
-- time, from this index alone.
ALTER TABLE loans
  ADD KEY IF NOT EXISTS loans_outstanding (status, township_id, outstanding_principal_fen);

-- Each loan's standing on the period's last day: the county's rows in
-- loan order, each loan's oldest first, with what the figures sum (the
-- last row on or before the day is the loan's standing).
ALTER TABLE loan_standings
  ADD KEY IF NOT EXISTS loan_standings_report
    (county_id, loan_id, as_of, status, classification, township_id, outstanding_principal_fen);

-- Applications by their state at the period's end: every one in an open
-- state, and of the final states (disbursed, rejected, withdrawn) only
-- those written in the period — a range per state, so the applications
-- finished long ago are not read.
ALTER TABLE applications
  ADD KEY IF NOT EXISTS applications_report (county_id, state, update_time, township_id);
