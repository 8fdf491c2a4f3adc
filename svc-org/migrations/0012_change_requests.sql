-- Approval chains and change requests. Each row keeps its message (the
-- chain's title and steps; the request's items, steps and decisions) as
-- protobuf JSON in body_json, read and written whole; the columns beside it
-- are what lists filter and lock on. One chain per organisation root unit.
CREATE TABLE IF NOT EXISTS approval_chains (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  require_change_requests TINYINT NOT NULL,
  body_json MEDIUMTEXT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY approval_chains_unit (unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS change_requests (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  effective_date DATE NULL,
  drafted_by VARCHAR(128) NOT NULL,
  body_json MEDIUMTEXT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY change_requests_unit (unit_id, id),
  KEY change_requests_state (state, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
