-- The close-of-business job (issue 11 item 1; svc-loans/src/jobs/
-- close_of_business_job.h, docs/servicing.md "Close of business").
--
-- close_of_business: one row per county, its progress and its lease.
-- `last_closed_date` is the last business date whose loans and townships
-- are all done (NULL: never closed). While a date is being worked,
-- `working_date` is that date and `last_loan_id` the last loan whose batch
-- committed (keyset by id), so a job killed halfway resumes after it.
-- The lease: the replica named in `lease_holder` may work the county until
-- `lease_expires` (database time). Every batch locks this row FOR UPDATE,
-- checks it still holds the lease and extends it in the batch's own
-- transaction; a replica killed halfway leaves no lock (its transaction
-- dies with its connection) and a lease that lapses after the lease time,
-- after which any replica takes it over.
CREATE TABLE IF NOT EXISTS close_of_business (
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  last_closed_date DATE NULL,
  working_date DATE NULL,
  last_loan_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  loans_done BIGINT NOT NULL DEFAULT 0,
  lease_holder VARCHAR(128) CHARACTER SET ascii NULL,
  lease_expires DATETIME(6) NULL,
  last_run_start DATETIME(6) NULL,
  last_run_end DATETIME(6) NULL,
  last_run_loans BIGINT NOT NULL DEFAULT 0,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (county_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Maturity reminders (000:1445, "提前两个月"): one per loan and maturity,
-- recorded by the close of the business date it falls due on (the county
-- policy's maturity_reminder_months before maturity, or the first close
-- after it for a loan disbursed later); a new maturity (an extension) gets
-- its own. Listed by county and due day.
CREATE TABLE IF NOT EXISTS maturity_reminders (
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  maturity_date DATE NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  bank_id CHAR(26) CHARACTER SET ascii NOT NULL,
  remind_on DATE NOT NULL,
  business_date DATE NOT NULL,
  outstanding_principal_fen BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (loan_id, maturity_date),
  KEY maturity_reminders_county (county_id, remind_on, loan_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The job's batches: a county's ACTIVE loans in id order.
ALTER TABLE loans
  ADD KEY IF NOT EXISTS loans_county_status (county_id, status, id),
  -- The townships the job measures after a county's date.
  ADD KEY IF NOT EXISTS loans_county_township (county_id, township_id);
