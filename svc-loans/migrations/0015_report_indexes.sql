-- The lending report's indexes (issue 11 item 9; store/report_store.h):
-- each figure of a county's monthly report or quarterly bulletin is one
-- statement that reads one of these alone — every column it needs is in
-- the index, so no row is looked up and a report at 200,000 loans stays
-- under a second (docs/reports.md).
--
-- Loans disbursed in a period and up to its end: by county and
-- disbursement date, with the township, borrower (distinct borrowers) and
-- principal summed.
ALTER TABLE loans
  ADD KEY IF NOT EXISTS loans_report (county_id, disbursement_date, township_id, borrower_id, principal_fen);

-- Each loan's standing on the period's last day: the county's rows up to
-- that day with what the figures sum.
ALTER TABLE loan_standings
  ADD KEY IF NOT EXISTS loan_standings_report
    (county_id, as_of, loan_id, status, classification, township_id, outstanding_principal_fen);

-- Applications by their state at the period's end: those not written
-- since are counted from their state; those written since are found by
-- the same range and replayed from their steps.
ALTER TABLE applications
  ADD KEY IF NOT EXISTS applications_report (county_id, update_time, state, township_id);
