-- Headcount quotas (编制) of a unit as a whole (post_id '') or of one post,
-- with dated versions of their terms like posts. effective_to (the last day)
-- is not versioned: it ends the quota itself.
CREATE TABLE IF NOT EXISTS quotas (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  post_id VARCHAR(26) CHARACTER SET ascii NOT NULL,
  effective_from DATE NOT NULL,
  effective_to DATE NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY quotas_unit (unit_id, post_id, id),
  KEY quotas_post (post_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS quota_versions (
  quota_id CHAR(26) CHARACTER SET ascii NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE NULL,
  kind TINYINT NOT NULL,
  min_headcount INT NOT NULL,
  max_headcount INT NOT NULL,
  approved_by VARCHAR(200) NOT NULL,
  approval_date DATE NOT NULL,
  document_json TEXT NOT NULL,
  note VARCHAR(1000) NOT NULL,
  PRIMARY KEY (quota_id, valid_from),
  KEY quota_versions_kind (kind, quota_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
