-- Lending reports as computed (issue 11 item 9; app/reports.h): once the
-- close-of-business job has closed a period's last day, every figure of the
-- period's report is read from history that no later business can change
-- (standings by posting date, steps and claims by their times), so the
-- report is computed once — by the job when it closes a month's or a
-- quarter's last day — and later requests read it here instead of every
-- loan's standing again (a period the job never closed is computed on each
-- request). `format` is the code's
-- store::kReportFormat when it was computed: a row of another format is
-- computed afresh. Two kinds of business may still be booked into a closed
-- period — a disbursement valued back to its contract's signing, a subsidy
-- paid on an earlier paid date — and each deletes the stored reports of
-- every period ending on or after its date (by `last_day`), so a stored
-- report is always the one computing it would give. Both sides first lock
-- the county's close_of_business row (the job's FOR UPDATE, the business's
-- LOCK IN SHARE MODE), so business committing while the job computes
-- either lands before its reads or deletes what it stored.
CREATE TABLE IF NOT EXISTS report_snapshots (
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  period VARCHAR(8) CHARACTER SET ascii NOT NULL,  -- "2026-10", "2026Q3"
  last_day DATE NOT NULL,
  format INT NOT NULL,
  body_json MEDIUMTEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (county_id, period),
  KEY report_snapshots_last_day (county_id, last_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
