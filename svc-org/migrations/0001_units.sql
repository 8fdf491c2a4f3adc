-- The unit registry. `path` ("/root/.../self/", ASCII ULIDs) makes subtree
-- reads a prefix range and depth-first order a sort. A root's parent_id is ''
-- (not NULL) so that (parent_id, open_name) makes display names unique among
-- the open children of every parent, roots included.
CREATE TABLE IF NOT EXISTS units (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  kind TINYINT NOT NULL,
  level TINYINT NOT NULL,
  parent_id CHAR(26) CHARACTER SET ascii NOT NULL,
  path VARCHAR(1000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  depth INT NOT NULL,
  status TINYINT NOT NULL,
  code VARCHAR(32) NULL,
  functions_json TEXT NOT NULL,
  effective_from DATE NULL,
  effective_to DATE NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  open_name VARCHAR(100) AS (IF(status <> 4, display_name, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY units_code (code),
  UNIQUE KEY units_open_sibling_name (parent_id, open_name),
  KEY units_parent (parent_id, id),
  KEY units_path (path),
  KEY units_level (level, id),
  KEY units_kind (kind, id),
  KEY units_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
