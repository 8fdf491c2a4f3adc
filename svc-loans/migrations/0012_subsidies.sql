-- Interest-subsidy claims (issue 11 item 6; domain subsidy.h and
-- subsidy_claim.h). One row per claim: where it belongs (loan, borrower,
-- intake unit, township, county — copied from the loan, for scope and
-- lists), its state, the period claimed, the amount, the notice's dates
-- (the notice list filters on the end) and, in body_json, the rest of the
-- record — vouchers, bank card, the computation's lines, each step's record,
-- objections, payment, clawback, rejection (store/subsidy_store.cc).
-- `forfeits_loan` is 1 on a claim clawed back for a diverted or fraudulently
-- obtained loan: the loan's later claims are refused (SUBSIDY_FORFEITED).
-- `version` is the etag.
CREATE TABLE IF NOT EXISTS subsidy_claims (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  amount_fen BIGINT NOT NULL,
  notice_start_date DATE NULL,
  notice_end_date DATE NULL,
  forfeits_loan TINYINT NOT NULL DEFAULT 0,
  policy_id CHAR(26) CHARACTER SET ascii NOT NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  -- A loan's claims: overlap and forfeiture checks.
  KEY subsidy_claims_loan (loan_id, state),
  -- A county's or a township's page of claims, of one state.
  KEY subsidy_claims_county (county_id, state, id),
  KEY subsidy_claims_township (township_id, state, id),
  -- The notice list: claims whose notice ends in a range.
  KEY subsidy_claims_notice (state, notice_end_date, id),
  -- Metrics: claims by state.
  KEY subsidy_claims_state (state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
