-- get_calendar_entry: one job with the full calendar enrichment.
-- $1 jobId
SELECT doc FROM job_calendar_entries WHERE id = $1
