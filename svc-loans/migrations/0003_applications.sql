-- Loan applications (issue 10). The columns are what lists and the overdue
-- review scan filter and sort on: the township (a village clerk, a township
-- department and the county page through their own applications by id), the
-- state, and the county review's deadline. The loan asked for and the record
-- of every step are JSON of the domain application
-- (svc-loans/src/store/application_json.h).
CREATE TABLE IF NOT EXISTS applications (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  township_id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  product_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  amount_fen BIGINT NOT NULL,
  policy_id CHAR(26) CHARACTER SET ascii NULL,
  submit_time DATETIME(6) NULL,
  review_due DATETIME(6) NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY applications_township (township_id, id),
  KEY applications_unit (unit_id, id),
  KEY applications_borrower (borrower_id, id),
  KEY applications_review (state, review_due)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
