-- Dated versions of units, so the unit tree can be read as of any day and a
-- unit's history listed. `units` stays the registry of today (every path and
-- subtree read uses it); each version holds a unit's terms from valid_from
-- until the day before valid_until (NULL: the latest). Only the parent is
-- kept, not the path: a move starts a version of the moved unit alone, and
-- the paths of a past day are rebuilt from that day's parent links.
-- `scheduled` marks a version an approved change request dated in the future;
-- svc-org copies it into `units` when its day comes (see docs/architecture.md).
CREATE TABLE IF NOT EXISTS unit_versions (
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE NULL,
  display_name VARCHAR(100) NOT NULL,
  kind TINYINT NOT NULL,
  level TINYINT NOT NULL,
  parent_id CHAR(26) CHARACTER SET ascii NOT NULL,
  status TINYINT NOT NULL,
  code VARCHAR(32) NULL,
  functions_json TEXT NOT NULL,
  effective_from DATE NULL,
  effective_to DATE NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  change_request_id CHAR(26) CHARACTER SET ascii NULL,
  scheduled TINYINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, valid_from),
  KEY unit_versions_day (valid_from, valid_until),
  KEY unit_versions_scheduled (scheduled, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Units registered before versions existed start one version each: since
-- always (1000-01-01) without an effective_from, else from their
-- effective_from or the day they were created, whichever is earlier
-- (domain/unit_history.h, FirstVersionDay).
INSERT IGNORE INTO unit_versions
  (unit_id, valid_from, valid_until, display_name, kind, level, parent_id, status, code,
   functions_json, effective_from, effective_to, version, create_time, update_time)
SELECT id, IF(effective_from IS NULL, '1000-01-01', LEAST(effective_from, DATE(create_time))), NULL,
       display_name, kind, level, parent_id, status, code, functions_json, effective_from,
       effective_to, version, create_time, update_time
FROM units;
