-- Extensions and return visits (issue 11 item 4).
--
-- An extension (展期, 000:1509) needs no table: it is recorded on the loan —
-- loans.maturity_date becomes the extended maturity (maturity lists and
-- reminders read the column), the extension itself (months, the day agreed,
-- the maturities before and after, the reason, the agreement, the policy
-- version whose cap was applied, who and when) joins the list in
-- loans.body_json, and loans.schedule_json holds the schedule as the
-- extension regenerated it. Replays rebuild every day's figures from the
-- terms as disbursed and those extensions (domain/extension.h).
--
-- Post-loan return visits (000:1453): one row per visit, with the loan's
-- place columns copied (its village, township, county and bank never
-- change), so a visit list is scoped and paged as loans are — each filter
-- column first, then id — and a township's visits flagged for follow-up
-- are one index range. The visit's findings, visitors and documents are
-- JSON of the domain record (store/return_visit_store.cc).
CREATE TABLE IF NOT EXISTS return_visits (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  bank_id CHAR(26) CHARACTER SET ascii NOT NULL,
  visit_date DATE NOT NULL,
  follow_up TINYINT NOT NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  recorded_by VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY return_visits_loan (loan_id, id),
  KEY return_visits_unit (unit_id, id),
  KEY return_visits_township (township_id, follow_up, id),
  KEY return_visits_county (county_id, id),
  KEY return_visits_bank (bank_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
