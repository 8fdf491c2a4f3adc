-- Posts. `posts` holds what never changes (unit, first and last day,
-- abolition); `post_versions` holds the dated terms, each in force from
-- valid_from until the day before valid_until (NULL: the latest version), so
-- the structure can be read as of any day. Only the solid line up is stored
-- (superior_post_id): a post's subordinates are derived from it, so the two
-- sides of a reporting line cannot disagree. post_capabilities indexes the
-- capabilities of every version for "who holds C" and "posts granting C".
CREATE TABLE IF NOT EXISTS posts (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  effective_from DATE NOT NULL,
  effective_to DATE NULL,
  abolished TINYINT NOT NULL DEFAULT 0,
  abolish_reason VARCHAR(1000) NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY posts_unit (unit_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS post_versions (
  post_id CHAR(26) CHARACTER SET ascii NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE NULL,
  title VARCHAR(100) NOT NULL,
  code VARCHAR(64) CHARACTER SET ascii NULL,
  mission TEXT NOT NULL,
  duties_json MEDIUMTEXT NOT NULL,
  qualifications_json MEDIUMTEXT NOT NULL,
  authorities_json MEDIUMTEXT NOT NULL,
  grade VARCHAR(32) NOT NULL,
  grade_rank INT NOT NULL,
  kind TINYINT NOT NULL,
  office_side TINYINT NOT NULL,
  head TINYINT NOT NULL,
  deputy TINYINT NOT NULL,
  capabilities_json TEXT NOT NULL,
  superior_post_id CHAR(26) CHARACTER SET ascii NULL,
  other_lines_json TEXT NOT NULL,
  workload_bp INT NOT NULL,
  status TINYINT NOT NULL,
  PRIMARY KEY (post_id, valid_from),
  KEY post_versions_superior (superior_post_id, valid_from),
  KEY post_versions_code (code, post_id),
  KEY post_versions_kind (kind, post_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS post_capabilities (
  post_id CHAR(26) CHARACTER SET ascii NOT NULL,
  valid_from DATE NOT NULL,
  capability VARCHAR(64) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (post_id, valid_from, capability),
  KEY post_capabilities_capability (capability, post_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
