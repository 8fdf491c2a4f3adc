-- The audit outbox: every state change inserts its audit event here in the
-- same transaction as the change; the relay sends unsent rows, in seq order,
-- to svc-audit and stamps sent_at. Rows sent long ago are swept (the chain in
-- svc-audit is the record, not this table).
CREATE TABLE IF NOT EXISTS outbox (
  seq BIGINT NOT NULL AUTO_INCREMENT,
  event_id CHAR(26) CHARACTER SET ascii NOT NULL,
  event_time DATETIME(6) NOT NULL,
  payload LONGBLOB NOT NULL,
  sent_at DATETIME(6) NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY outbox_event_id (event_id),
  KEY outbox_unsent (sent_at, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row whose lock is the relay's lease: the replica holding it (FOR UPDATE
-- SKIP LOCKED) is the only one sending, so a service's events reach the chain
-- in one order.
CREATE TABLE IF NOT EXISTS outbox_lease (
  id TINYINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

INSERT IGNORE INTO outbox_lease (id) VALUES (1);
