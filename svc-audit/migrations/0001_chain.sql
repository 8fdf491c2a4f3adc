-- The audit chain. `events` is append-only: the service's runtime user has
-- only SELECT and INSERT on it (see src/store/grants.cc). Every search filter
-- has an index ending in seq, so keyset pages by sequence stay index range
-- scans. Strings use a binary collation: they are hashed exactly as stored.
CREATE TABLE IF NOT EXISTS events (
  seq BIGINT NOT NULL,
  event_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  event_time DATETIME(6) NOT NULL,
  append_time DATETIME(6) NOT NULL,
  service VARCHAR(64) NOT NULL,
  actor_subject VARCHAR(128) NOT NULL,
  actor_unit VARCHAR(64) NOT NULL,
  actor_roles VARCHAR(512) NOT NULL,
  action VARCHAR(128) NOT NULL,
  resource_type VARCHAR(64) NOT NULL,
  resource_id VARCHAR(256) NOT NULL,
  resource_unit VARCHAR(64) NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  before_json MEDIUMTEXT NOT NULL,
  after_json MEDIUMTEXT NOT NULL,
  prev_hash BINARY(32) NOT NULL,
  hash BINARY(32) NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY events_event_id (event_id),
  KEY events_resource (resource_type, resource_id, seq),
  KEY events_actor (actor_subject, seq),
  KEY events_actor_unit (actor_unit, seq),
  KEY events_resource_unit (resource_unit, seq),
  KEY events_action (action, seq),
  KEY events_service (service, seq),
  KEY events_request (request_id, seq),
  KEY events_time (event_time, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The head of the chain: one row, locked by every append so that sequences
-- are gapless and each event links to the one before.
CREATE TABLE IF NOT EXISTS chain_head (
  id TINYINT NOT NULL,
  seq BIGINT NOT NULL,
  hash BINARY(32) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

INSERT IGNORE INTO chain_head (id, seq, hash) VALUES (1, 0, REPEAT(CHAR(0), 32));

CREATE TABLE IF NOT EXISTS checkpoints (
  seq BIGINT NOT NULL,
  head_hash BINARY(32) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  key_id VARCHAR(32) CHARACTER SET ascii NOT NULL,
  signature VARBINARY(64) NOT NULL,
  PRIMARY KEY (seq),
  KEY checkpoints_time (created_at, seq)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS signing_keys (
  key_id VARCHAR(32) CHARACTER SET ascii NOT NULL,
  public_key BINARY(32) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (key_id)
) ENGINE=InnoDB;
