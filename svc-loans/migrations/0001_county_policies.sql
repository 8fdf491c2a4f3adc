-- County policies (issue 10): the dated versions of a county's lending
-- settings. One row per version, at most one version per county and day; a
-- version is edited only before it is in force (revision counts the edits,
-- for the etag), so a decision that recorded a version id can always be
-- explained by that version's settings. The settings are JSON of the domain
-- CountyPolicy (svc-loans/src/store/policy_json.h), never an API message.
CREATE TABLE IF NOT EXISTS county_policies (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  county_id CHAR(26) CHARACTER SET ascii NOT NULL,
  effective_from DATE NOT NULL,
  settings_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  revision BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY county_policies_day (county_id, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
