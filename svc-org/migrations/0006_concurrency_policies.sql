-- Concurrency policies: at most one per organisation root unit; the nearest
-- up the tree applies to a post.
CREATE TABLE IF NOT EXISTS concurrency_policies (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  title VARCHAR(100) NOT NULL,
  whitelist_json MEDIUMTEXT NOT NULL,
  segregation_json MEDIUMTEXT NOT NULL,
  max_posts_per_person INT NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY concurrency_policies_unit (unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
