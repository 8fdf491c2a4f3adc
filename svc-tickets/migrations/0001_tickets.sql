-- Tickets, their timeline, their SLA clocks, callbacks and the customer
-- archive (issue 12).
--
-- A ticket is one row: the columns lists filter and scope on, plus the rest
-- of the domain record as JSON (store/ticket_json.cc). `version` is the etag:
-- a person's every change bumps it; the SLA scanner never does.
-- `intake_path` / `resolver_path` are the unit's chain from the root,
-- "root/…/unit/", so "the caller's unit and everything below it" is one
-- prefix range (scope, include_subtree).
CREATE TABLE IF NOT EXISTS tickets (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  seq BIGINT NOT NULL AUTO_INCREMENT,
  state TINYINT NOT NULL,
  type TINYINT NOT NULL,
  priority TINYINT NOT NULL,
  channel TINYINT NOT NULL,
  intake_unit CHAR(26) CHARACTER SET ascii NOT NULL,
  intake_path VARCHAR(400) CHARACTER SET ascii NOT NULL,
  resolver_unit CHAR(26) CHARACTER SET ascii NOT NULL,
  resolver_path VARCHAR(400) CHARACTER SET ascii NOT NULL,
  first_responder VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  accountable VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  assignee VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  customer_id CHAR(26) CHARACTER SET ascii NOT NULL,
  follow_up_of CHAR(26) CHARACTER SET ascii NULL,
  related_service VARCHAR(16) CHARACTER SET ascii NULL,
  related_name VARCHAR(200) CHARACTER SET utf8mb4 NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  close_time DATETIME(6) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY tickets_seq (seq),
  KEY tickets_intake_path (intake_path, id),
  KEY tickets_resolver_path (resolver_path, id),
  KEY tickets_customer (customer_id, id),
  KEY tickets_follow_up_of (follow_up_of, id),
  KEY tickets_related (related_service, related_name, id),
  KEY tickets_create_time (create_time)
) ENGINE=InnoDB;

-- The timeline, oldest first: every transition with its states before and
-- after, contacts, on-site arrival, breaches. The clocks are computed from
-- these rows (domain/sla_clock.h), so a pause survives a reopening.
CREATE TABLE IF NOT EXISTS ticket_activities (
  ticket_id CHAR(26) CHARACTER SET ascii NOT NULL,
  seq INT NOT NULL,
  kind TINYINT NOT NULL,
  actor VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  actor_kind TINYINT NOT NULL,
  time DATETIME(6) NOT NULL,
  note TEXT CHARACTER SET utf8mb4 NOT NULL,
  customer_informed TINYINT NOT NULL,
  source VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  target VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  from_state TINYINT NOT NULL,
  to_state TINYINT NOT NULL,
  request_id VARCHAR(64) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (ticket_id, seq)
) ENGINE=InnoDB;

-- Each clock as last computed, apart from the ticket's row and etag, so
-- the scanner's marks never collide with a person's transition. `due_time`
-- NULL: paused with no end. `policy_revision` is the policy revision used.
-- The mark times are the scanner's alone (it marks a clock at risk and
-- breached once per round); a recomputation keeps them unless the clock
-- started again (a new event_time: a reopening).
CREATE TABLE IF NOT EXISTS ticket_clocks (
  ticket_id CHAR(26) CHARACTER SET ascii NOT NULL,
  kind TINYINT NOT NULL,
  state TINYINT NOT NULL,
  event_time DATETIME(6) NOT NULL,
  start_time DATETIME(6) NOT NULL,
  due_time DATETIME(6) NULL,
  at_risk_time DATETIME(6) NULL,
  stop_time DATETIME(6) NULL,
  paused_us BIGINT NOT NULL,
  policy VARCHAR(64) CHARACTER SET ascii NOT NULL,
  policy_revision INT NOT NULL,
  priority TINYINT NOT NULL,
  at_risk_mark_time DATETIME(6) NULL,
  breach_mark_time DATETIME(6) NULL,
  PRIMARY KEY (ticket_id, kind),
  KEY ticket_clocks_state (state, priority)
) ENGINE=InnoDB;

-- The scanner's work list: per ticket the next instant one of its running
-- clocks turns at risk or breached. A pass reads the rows due by now from
-- this index, so its cost follows the clocks falling due, not the open
-- tickets. A ticket with nothing left to watch has no row.
CREATE TABLE IF NOT EXISTS ticket_deadlines (
  ticket_id CHAR(26) CHARACTER SET ascii NOT NULL,
  next_check DATETIME(6) NOT NULL,
  PRIMARY KEY (ticket_id),
  KEY ticket_deadlines_next (next_check, ticket_id)
) ENGINE=InnoDB;

-- Callback attempts (回访), per ticket in order.
CREATE TABLE IF NOT EXISTS ticket_callbacks (
  ticket_id CHAR(26) CHARACTER SET ascii NOT NULL,
  seq INT NOT NULL,
  caller VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  time DATETIME(6) NOT NULL,
  outcome TINYINT NOT NULL,
  satisfaction TINYINT NOT NULL,
  opinion TEXT CHARACTER SET utf8mb4 NOT NULL,
  round INT NOT NULL,
  PRIMARY KEY (ticket_id, seq),
  KEY ticket_callbacks_time (time)
) ENGINE=InnoDB;

-- The customer archive: one record per customer, matched at intake by
-- phone, then by ID number (each unique). Phone and ID number are kept
-- whole here and in the contact a ticket recorded at intake
-- (tickets.body_json); every list, log and audit event masks them, and a
-- response shows them whole only to the unit's agents. The rest of the
-- record (address, preferences, …) is body_json.
CREATE TABLE IF NOT EXISTS customers (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  display_name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL,
  phone VARCHAR(20) CHARACTER SET ascii NOT NULL,
  id_card_number VARCHAR(18) CHARACTER SET ascii NULL,
  tier TINYINT NOT NULL,
  do_not_call TINYINT NOT NULL DEFAULT 0,
  unit_id CHAR(26) CHARACTER SET ascii NULL,
  body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY customers_phone (phone),
  UNIQUE KEY customers_id_card (id_card_number)
) ENGINE=InnoDB;

-- The SLA scanner's lease: one row; one replica scans at a time.
CREATE TABLE IF NOT EXISTS sla_scanner_lease (
  id TINYINT NOT NULL,
  holder VARCHAR(200) CHARACTER SET utf8mb4 NOT NULL,
  expires DATETIME(6) NOT NULL,
  last_pass_time DATETIME(6) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT IGNORE INTO sla_scanner_lease (id, holder, expires) VALUES (1, '', '1970-01-01 00:00:00');
