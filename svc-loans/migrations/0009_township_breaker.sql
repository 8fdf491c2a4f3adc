-- The township circuit breaker (issue 11 item 5; domain township_breaker.h):
-- township_lending (0006) becomes each township's breaker. `status` stays
-- what the lending steps read (1 lends, 2 does not: LendingStatusOf(state),
-- written with the state in the same statement); `state` is the breaker's
-- (1 OPEN, 2 SUSPENDED, 3 RECTIFYING). The last measurement is kept as its
-- numerator and denominator (fen, or loans under a by-count policy) with
-- the threshold and the policy version it was judged by; the tolerated
-- ratio a lift leaves, the current suspension and the current or last
-- rectification plan (its documents, who filed, approved or rejected it)
-- are in body_json (store/township_store.cc). `version` is the etag.
ALTER TABLE township_lending
  ADD COLUMN IF NOT EXISTS county_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER township_id,
  ADD COLUMN IF NOT EXISTS state TINYINT NOT NULL DEFAULT 1 AFTER status,
  ADD COLUMN IF NOT EXISTS npl_measure TINYINT NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS npl_numerator BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS npl_denominator BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS threshold_bp INT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS policy_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS measure_time DATETIME(6) NULL,
  ADD COLUMN IF NOT EXISTS body_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1,
  -- A county's page of its townships (and of those in one state).
  ADD KEY IF NOT EXISTS township_lending_county (county_id, state, township_id);

-- Rows written before the breaker (a status set by hand) keep their
-- meaning: SUSPENDED is 2 in both columns.
UPDATE township_lending SET state = status WHERE state <> status AND status = 2;
