-- The customer archive's own columns and the shift handovers (issue 12
-- items 7 and 8).
--
-- A customer's home unit is kept with its chain from the root
-- ("root/…/unit/", as tickets keep theirs), so "customers of the caller's
-- unit and everything below it" is one prefix range; '' for a customer
-- whose home unit is not known (the county's). `borrower` is a column so
-- ListCustomers can filter on it. Contact preferences live in body_json.
ALTER TABLE customers
  ADD COLUMN IF NOT EXISTS unit_path VARCHAR(400) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER unit_id,
  ADD COLUMN IF NOT EXISTS borrower VARCHAR(64) CHARACTER SET ascii NULL AFTER unit_path,
  ADD KEY IF NOT EXISTS customers_unit_path (unit_path, id),
  ADD KEY IF NOT EXISTS customers_borrower (borrower, id),
  ADD KEY IF NOT EXISTS customers_display_name (display_name);

-- A handover record: PENDING until one of the incoming staff acknowledges
-- it. `version` is the etag. `unit_path` as for tickets (scope).
CREATE TABLE IF NOT EXISTS handovers (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_id CHAR(26) CHARACTER SET ascii NOT NULL,
  unit_path VARCHAR(400) CHARACTER SET ascii NOT NULL,
  kind TINYINT NOT NULL,
  state TINYINT NOT NULL,
  shift_label VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL,
  notes TEXT CHARACTER SET utf8mb4 NOT NULL,
  created_by VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  create_time DATETIME(6) NOT NULL,
  acknowledged_by VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',
  acknowledge_time DATETIME(6) NULL,
  acknowledgement_note TEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  KEY handovers_unit_path (unit_path, id),
  KEY handovers_create_time (create_time)
) ENGINE=InnoDB;

-- The people of a handover: side 1 outgoing, 2 incoming, each side in the
-- order given (seq). While the handover is PENDING its outgoing rows carry
-- the unit in `pending_unit`, so a second pending handover from the same
-- person in the same unit collides on the unique key (HANDOVER_PENDING),
-- even when two are created at once.
CREATE TABLE IF NOT EXISTS handover_people (
  handover_id CHAR(26) CHARACTER SET ascii NOT NULL,
  side TINYINT NOT NULL,
  seq INT NOT NULL,
  staff VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  pending_unit CHAR(26) CHARACTER SET ascii NULL,
  PRIMARY KEY (handover_id, side, staff),
  UNIQUE KEY handover_people_pending (pending_unit, staff),
  KEY handover_people_staff (staff, handover_id)
) ENGINE=InnoDB;

-- The open tickets listed, as they stood when the handover was created.
CREATE TABLE IF NOT EXISTS handover_items (
  handover_id CHAR(26) CHARACTER SET ascii NOT NULL,
  seq INT NOT NULL,
  ticket_id CHAR(26) CHARACTER SET ascii NOT NULL,
  state TINYINT NOT NULL,
  priority TINYINT NOT NULL,
  summary VARCHAR(200) CHARACTER SET utf8mb4 NOT NULL,
  next_due_time DATETIME(6) NULL,
  note TEXT CHARACTER SET utf8mb4 NOT NULL,
  to_staff VARCHAR(128) CHARACTER SET utf8mb4 NOT NULL,
  PRIMARY KEY (handover_id, seq)
) ENGINE=InnoDB;
