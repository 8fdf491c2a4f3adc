-- Routing and the first loans (issue 10). Applications gain the bank the
-- county review recommended as a column — a bank's officers page through
-- the applications routed to their bank — and indexes for the county's and
-- the partners' pages (each filter column first, then id, so a page costs
-- the same at a million rows as at ten thousand).
--
-- A disbursement creates a loan; a poverty small loan's disbursement also
-- opens a revolving credit line (000:1497) whose later draws are loans too.
-- Loans and credit lines keep their filter columns as columns and the rest
-- as JSON of the domain records (svc-loans/src/store/loan_json.h).
ALTER TABLE applications
  ADD COLUMN IF NOT EXISTS bank_id CHAR(26) CHARACTER SET ascii NULL AFTER county_id,
  ADD KEY IF NOT EXISTS applications_county (county_id, id),
  ADD KEY IF NOT EXISTS applications_bank (bank_id, id),
  ADD KEY IF NOT EXISTS applications_state (state, id),
  -- A county's or township's page of one state (the county's overdue
  -- reviews are its SURVEYED ones) reads only that state's rows; the
  -- metrics' count per township and state reads the second index alone.
  ADD KEY IF NOT EXISTS applications_county_state (county_id, state, id),
  ADD KEY IF NOT EXISTS applications_township_state (township_id, state, id);

CREATE TABLE IF NOT EXISTS credit_lines (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  application_id CHAR(26) CHARACTER SET ascii NOT NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  bank_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  limit_fen BIGINT NOT NULL,
  outstanding_fen BIGINT NOT NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY credit_lines_application (application_id),
  KEY credit_lines_borrower (borrower_id, id),
  KEY credit_lines_unit (unit_id, id),
  KEY credit_lines_township (township_id, id),
  KEY credit_lines_county (county_id, id),
  KEY credit_lines_bank (bank_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS loans (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  application_id CHAR(26) CHARACTER SET ascii NOT NULL,
  credit_line_id CHAR(26) CHARACTER SET ascii NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  product_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  bank_id CHAR(26) CHARACTER SET ascii NOT NULL,
  bank_reference VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL,
  status TINYINT NOT NULL,
  principal_fen BIGINT NOT NULL,
  outstanding_principal_fen BIGINT NOT NULL,
  disbursement_date DATE NOT NULL,
  maturity_date DATE NOT NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  -- A bank's transaction reference pays out once: a replayed disbursement
  -- with another request id cannot create a second loan.
  UNIQUE KEY loans_bank_reference (bank_id, bank_reference),
  KEY loans_borrower (borrower_id, id),
  KEY loans_unit (unit_id, id),
  KEY loans_township (township_id, id),
  KEY loans_county (county_id, id),
  KEY loans_bank (bank_id, id),
  KEY loans_product (product_id, id),
  KEY loans_credit_line (credit_line_id, id),
  KEY loans_maturity (county_id, maturity_date, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each township's lending status, asked by every lending step
-- (domain/township_guard.h). No row: open. The circuit breaker of the next
-- issue writes SUSPENDED (2) here and the county's approval of a
-- rectification writes OPEN (1) again.
CREATE TABLE IF NOT EXISTS township_lending (
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  status TINYINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (township_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
