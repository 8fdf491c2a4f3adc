-- Configured SLA policies and every revision of each (sla.proto). A policy
-- governs the tickets whose resolver unit is its unit or below it; which
-- one a ticket uses is domain/sla_policy_match.h. `unit_path` is the unit's
-- chain from the root, "root/…/unit/", so a subtree is one prefix range
-- (ListSlaPolicies include_subtree, the open tickets a change recomputes).
-- `revision` is the latest revision and the etag; every update adds a row
-- to sla_policy_revisions and none is ever changed or removed.
CREATE TABLE IF NOT EXISTS sla_policies (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_path VARCHAR(400) CHARACTER SET ascii NOT NULL,
  revision INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY sla_policies_unit (unit_id, id),
  KEY sla_policies_unit_path (unit_path, id)
) ENGINE=InnoDB;

-- One row per revision: the whole policy as it stood (display name, types,
-- priorities, calendar, targets, settings) as JSON (store/policy_store.cc).
CREATE TABLE IF NOT EXISTS sla_policy_revisions (
  policy_id CHAR(26) CHARACTER SET ascii NOT NULL,
  revision INT NOT NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  revise_time DATETIME(6) NOT NULL,
  PRIMARY KEY (policy_id, revision)
) ENGINE=InnoDB;

-- One row per unit that has had a policy: the lock a create or update
-- takes before it checks the unit's policies for an overlap, so two
-- changes at one unit check one after the other (READ COMMITTED takes no
-- gap locks to do it).
CREATE TABLE IF NOT EXISTS sla_policy_units (
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (unit_id)
) ENGINE=InnoDB;
