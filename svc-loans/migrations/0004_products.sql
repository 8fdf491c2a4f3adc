-- Loan products (issue 10). Products are suite-wide (the county policy's
-- limits apply on top): one row per product, the code unique. Every setting
-- is a column — a product is small and lists filter on kind, status and
-- borrower type. `borrower_types` is a bit set: bit (type - 1) for each
-- BorrowerType value the product is open to. Lists are keyset-paginated by
-- id.
CREATE TABLE IF NOT EXISTS products (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  code VARCHAR(64) CHARACTER SET ascii NOT NULL,
  title VARCHAR(200) CHARACTER SET utf8mb4 NOT NULL,
  kind TINYINT NOT NULL,
  borrower_types INT NOT NULL,
  max_amount_fen BIGINT NOT NULL,
  max_term_months INT NOT NULL,
  min_rate_multiple_bp INT NOT NULL,
  max_rate_multiple_bp INT NOT NULL,
  revolving TINYINT NOT NULL,
  repayment_method TINYINT NOT NULL,
  day_count TINYINT NOT NULL,
  fee_schedule TINYINT NULL,
  counter_guarantee_threshold_fen BIGINT NOT NULL,
  status TINYINT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY products_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
