-- revenue_by_staff: COMPLETED jobs with an existing staff user, per staff member: the jobs' current
-- prices summed and counted; highest revenue first, ties in order of each member's first job.
-- $1 businessId
SELECT
  j.staff_id AS "staffId",
  COALESCE(NULLIF(u.name, ''), u.email) AS "staffName",
  COALESCE(sum(j.price_cents), 0)::float8 AS "revenueCents",
  count(*)::int AS "bookingCount"
FROM jobs j
JOIN users u ON u.id = j.staff_id
WHERE j.business_id = $1 AND j.status = 'COMPLETED' AND j.staff_id <> ''
GROUP BY j.staff_id, u.name, u.email
ORDER BY "revenueCents" DESC, min(j.seq)
