-- Idempotent retries: every mutation claims (caller, request_id) here in the
-- same transaction as the change, and stores the response it returned. Ids
-- are per caller, so one caller can neither block nor probe another's ids.
CREATE TABLE IF NOT EXISTS request_log (
  caller VARCHAR(128) NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  method VARCHAR(128) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  response LONGBLOB NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (caller, request_id),
  KEY request_log_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
