-- The township breaker's measurement (store::LoadTownshipExposure), taken
-- by every repayment, write-off and close of business: the township's
-- ACTIVE loans summed by class from this index alone — it holds the
-- outstanding principal and the county, so no loan's row is read (with
-- loans_township_class of migration 0007 every loan's row was). It serves
-- every query that one did, which is dropped.
ALTER TABLE loans
  ADD KEY IF NOT EXISTS loans_township_exposure
    (township_id, status, classification, county_id, outstanding_principal_fen),
  DROP KEY IF EXISTS loans_township_class;
