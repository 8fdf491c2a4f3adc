-- Borrowers' places and the blacklist (issue 10, items 5 and 6).
--
-- township_id and county_id: where the borrower's unit stood in svc-org's
-- tree when it was placed there (CreateBorrower, or UpdateBorrower moving it
-- within the county), so a township department lists its villages'
-- borrowers and the county all of them by an index, without asking svc-org
-- for every village. Empty for rows written before this migration (there
-- were none: borrowers were not creatable before it).
ALTER TABLE borrowers
  ADD COLUMN IF NOT EXISTS township_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER unit_id,
  ADD COLUMN IF NOT EXISTS county_id CHAR(26) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER township_id,
  ADD KEY IF NOT EXISTS borrowers_township (township_id, id),
  ADD KEY IF NOT EXISTS borrowers_county (county_id, id);

-- Blacklist entries (000:1537). `active_borrower_id` is the borrower's id
-- while the entry is active and NULL once it ended, so the unique key
-- allows at most one active entry per borrower (a NULL never collides) and
-- any number of ended ones. Evidence is JSON: [{"uri", "sha256", "title"}].
CREATE TABLE IF NOT EXISTS blacklist_entries (
  id CHAR(26) CHARACTER SET ascii NOT NULL,
  borrower_id CHAR(26) CHARACTER SET ascii NOT NULL,
  active_borrower_id CHAR(26) CHARACTER SET ascii NULL,
  category TINYINT NOT NULL,
  reason TEXT CHARACTER SET utf8mb4 NOT NULL,
  loan_id VARCHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '',
  evidence_json MEDIUMTEXT CHARACTER SET utf8mb4 NOT NULL,
  listed_by VARCHAR(80) CHARACTER SET utf8mb4 NOT NULL,
  list_time DATETIME(6) NOT NULL,
  removed_by VARCHAR(80) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',
  remove_time DATETIME(6) NULL,
  removal_reason TEXT CHARACTER SET utf8mb4 NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY blacklist_entries_active (active_borrower_id),
  KEY blacklist_entries_borrower (borrower_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
