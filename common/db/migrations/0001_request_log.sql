-- Idempotent retries: every mutation claims its request_id here in the same
-- transaction as the change, and stores the response it returned.
CREATE TABLE IF NOT EXISTS request_log (
  request_id VARCHAR(64) NOT NULL,
  method VARCHAR(128) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  response LONGBLOB NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (request_id),
  KEY request_log_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
