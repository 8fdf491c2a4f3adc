-- Loan classification (issue 11): where servicing keeps each loan's days
-- past due and class (1 NORMAL, 2 OVERDUE, 3 NON_PERFORMING; domain
-- classification.h), recomputed by the close-of-business job and after every
-- repayment. The township circuit breaker sums a township's outstanding and
-- non-performing balances from these columns, so they are indexed by
-- township with the status and class.
ALTER TABLE loans
  ADD COLUMN IF NOT EXISTS classification TINYINT NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS days_past_due INT NOT NULL DEFAULT 0,
  ADD KEY IF NOT EXISTS loans_township_class (township_id, status, classification);
