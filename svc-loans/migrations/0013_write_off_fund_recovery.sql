-- Write-off, the risk compensation fund, recovery and accountability
-- (issue 11 items 4, 7, 8; domain write_off.h, risk_fund.h,
-- compensation_claim.h, recovery.h). Each is a table of its own beside
-- `loans`, which keeps only what servicing rewrites (its status goes to
-- WRITTEN_OFF on the approval, and its standing history with it).

-- A loan's write-off: the bank's request (the loss on `write_off_date`) and
-- the county's decision. One row per loan; a rejected request is asked
-- again in the same row. `version` is part of the loan's etag.
CREATE TABLE IF NOT EXISTS loan_write_offs (
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  write_off_date DATE NOT NULL,
  principal_fen BIGINT NOT NULL,
  interest_fen BIGINT NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  documents_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  requested_by VARCHAR(80) NOT NULL,
  request_time DATETIME(6) NOT NULL,
  decided_by VARCHAR(80) NOT NULL DEFAULT '',
  decide_time DATETIME(6) NULL,
  decision_comment VARCHAR(2000) NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  PRIMARY KEY (loan_id),
  KEY loan_write_offs_county (county_id, state, loan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One fund per county, naming the finance bureau and the poverty office
-- whose staff act on it; the balance and totals move only with a row in
-- fund_transactions, in the same transaction, under this row's lock.
CREATE TABLE IF NOT EXISTS risk_funds (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  title VARCHAR(100) NOT NULL,
  finance_bureau_id VARCHAR(64) NOT NULL,
  poverty_office_id VARCHAR(64) NOT NULL,
  balance_fen BIGINT NOT NULL,
  total_contributions_fen BIGINT NOT NULL,
  total_compensations_fen BIGINT NOT NULL,
  total_recoveries_fen BIGINT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY risk_funds_county (county_id),
  CONSTRAINT risk_funds_balance CHECK (balance_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The fund's movements, in the order they changed the balance (ids are
-- ULIDs made under the fund's lock). kind: 1 contribution, 2 replenishment,
-- 3 compensation, 4 recovery.
CREATE TABLE IF NOT EXISTS fund_transactions (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  fund_id CHAR(26) CHARACTER SET ascii NOT NULL,
  kind TINYINT NOT NULL,
  amount_fen BIGINT NOT NULL,
  value_date DATE NOT NULL,
  reference VARCHAR(64) NOT NULL,
  claim_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  balance_after_fen BIGINT NOT NULL,
  note VARCHAR(2000) NOT NULL DEFAULT '',
  recorded_by VARCHAR(80) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY fund_transactions_fund (fund_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Compensation claims: one per written-off covered loan. reviews_json holds
-- the parties' reviews; state as domain ClaimState.
CREATE TABLE IF NOT EXISTS compensation_claims (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  fund_id CHAR(26) CHARACTER SET ascii NOT NULL,
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  loss_fen BIGINT NOT NULL,
  ratio_bp INT NOT NULL,
  policy_id CHAR(26) CHARACTER SET ascii NOT NULL,
  amount_fen BIGINT NOT NULL,
  state TINYINT NOT NULL,
  reviews_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  payment_transaction_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  recovered_to_fund_fen BIGINT NOT NULL DEFAULT 0,
  filed_by VARCHAR(80) NOT NULL,
  rejection_reason VARCHAR(2000) NOT NULL DEFAULT '',
  rejected_by VARCHAR(80) NOT NULL DEFAULT '',
  reject_time DATETIME(6) NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY compensation_claims_loan (loan_id),
  KEY compensation_claims_fund (fund_id, state, id),
  KEY compensation_claims_county (county_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Money recovered on a written-off loan; the bank's reference is unique per
-- loan. The loan's case is closed by a row with closes_case = 1.
CREATE TABLE IF NOT EXISTS loan_recoveries (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  amount_fen BIGINT NOT NULL,
  value_date DATE NOT NULL,
  source TINYINT NOT NULL,
  bank_reference VARCHAR(64) NOT NULL,
  note VARCHAR(2000) NOT NULL DEFAULT '',
  malicious_evasion TINYINT NOT NULL DEFAULT 0,
  closes_case TINYINT NOT NULL DEFAULT 0,
  fund_share_fen BIGINT NOT NULL DEFAULT 0,
  fund_transaction_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  blacklist_entry_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  recorded_by VARCHAR(80) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY loan_recoveries_reference (loan_id, bank_reference),
  KEY loan_recoveries_loan (loan_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff answerable for a fraudulent or negligent loan (000:1539), in order.
CREATE TABLE IF NOT EXISTS loan_accountability (
  loan_id CHAR(26) CHARACTER SET ascii NOT NULL,
  idx INT NOT NULL,
  staff_id VARCHAR(64) NOT NULL,
  kind TINYINT NOT NULL,
  finding VARCHAR(4000) NOT NULL,
  decision VARCHAR(2000) NOT NULL DEFAULT '',
  documents_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  recorded_by VARCHAR(80) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  PRIMARY KEY (loan_id, idx)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
