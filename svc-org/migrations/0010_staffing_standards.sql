-- Staffing standards (人员配置标准): named, versioned rules that compute a
-- headcount. `staffing_standards` holds one row per standard and points at
-- its latest version; `staffing_standard_versions` holds every version. A
-- DRAFT version is edited in place (its `revision` counts the edits, for the
-- etag); ACTIVE and RETIRED versions are never rewritten, so a calculation
-- made with version n can be redone later. The rule is the proto's `rule`
-- oneof as proto3 JSON (a StaffingStandard holding only the rule), with its
-- kind (the oneof field number) alongside for queries.
CREATE TABLE IF NOT EXISTS staffing_standards (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  latest_version INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS staffing_standard_versions (
  standard_id CHAR(26) CHARACTER SET ascii NOT NULL,
  version INT NOT NULL,
  revision BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  source VARCHAR(500) NOT NULL,
  description TEXT NOT NULL,
  rule_kind TINYINT NOT NULL,
  rule_json MEDIUMTEXT NOT NULL,
  status TINYINT NOT NULL,
  effective_from DATE NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (standard_id, version),
  KEY staffing_standard_versions_status (status, standard_id),
  CONSTRAINT staffing_standard_versions_standard FOREIGN KEY (standard_id)
    REFERENCES staffing_standards (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
