-- lock_assignment_days: serialises staff auto-assignment within one business for slots that share a
-- UTC calendar day, until the transaction ends. Two overlapping slots always share the day of an
-- instant they both cover, so two approvals cannot give one walker overlapping slots, while
-- approvals on other days run in parallel. Days are locked in ascending order, as are the
-- occurrences of a recurring series, so two transactions never wait on each other in a cycle.
-- $1 businessId, $2 slotStart, $3 slotEnd
SELECT count(pg_advisory_xact_lock(hashtextextended('job-assignment:' || $1::text || ':' || days.day::date::text, 0)))::int AS locked
FROM (
  SELECT day
  FROM generate_series(
    date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'),
    date_trunc('day', greatest($3::timestamptz - interval '1 microsecond', $2::timestamptz) AT TIME ZONE 'UTC'),
    interval '1 day'
  ) AS day
  ORDER BY day
) AS days
