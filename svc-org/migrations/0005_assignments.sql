-- Who holds which post from when to when (effective_to: the last day, NULL
-- open-ended). unit_id copies the post's unit (immutable) so that unit and
-- subtree filters need no join. An ACTING assignment names the absent holder
-- in acting_for_id and keeps its delegation record in delegation_json.
CREATE TABLE IF NOT EXISTS assignments (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  staff_id CHAR(26) CHARACTER SET ascii NOT NULL,
  post_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  kind TINYINT NOT NULL,
  effective_from DATE NOT NULL,
  effective_to DATE NULL,
  acting_for_id CHAR(26) CHARACTER SET ascii NULL,
  delegation_json TEXT NULL,
  secondment_json TEXT NULL,
  mitigation_json TEXT NULL,
  note VARCHAR(1000) NOT NULL,
  end_reason VARCHAR(1000) NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY assignments_staff (staff_id, effective_from),
  KEY assignments_post (post_id, effective_from),
  KEY assignments_unit (unit_id, id),
  KEY assignments_acting_for (acting_for_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
