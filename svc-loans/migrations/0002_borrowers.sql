-- Borrowers (issue 10): households and family farms by their resident ID
-- number, organisations by their unified social credit code — each unique
-- among borrowers (a NULL never collides). `type`, `unit_id` and
-- `blacklisted` are columns because lists filter on them; the rest of the
-- record is JSON of the domain borrower (svc-loans/src/store/borrower_json.h).
CREATE TABLE IF NOT EXISTS borrowers (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  type TINYINT NOT NULL,
  display_name VARCHAR(200) CHARACTER SET utf8mb4 NOT NULL,
  id_card_number CHAR(18) CHARACTER SET ascii NULL,
  credit_code CHAR(18) CHARACTER SET ascii NULL,
  blacklisted TINYINT NOT NULL DEFAULT 0,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY borrowers_id_card (id_card_number),
  UNIQUE KEY borrowers_credit_code (credit_code),
  KEY borrowers_unit (unit_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
