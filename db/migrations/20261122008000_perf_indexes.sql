-- migrate:up

-- Auto-assignment (approve, recurring series) asks per walker whether a BOOKED or COMPLETED job
-- overlaps the slot (sql/jobs/staff_candidates.sql). Keyed by end, the probe reads only the walker's
-- jobs ending after the slot starts (the future ones, for a new booking) instead of every job that
-- started before it, and the included columns answer it from the index alone.
CREATE INDEX jobs_staff_busy_idx ON jobs (staff_id, end_at) INCLUDE (start_at, business_id)
  WHERE status IN ('BOOKED', 'COMPLETED');

-- migrate:down

DROP INDEX jobs_staff_busy_idx;
