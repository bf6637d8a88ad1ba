-- list_calendar: GET /api/bookings/list as one JSON text: the business's enriched jobs in creation
-- order. A staff viewer sees their own jobs plus unassigned PENDING ones; an admin may filter by staff.
-- With the business's data version read in the same snapshot, so the text can be cached under it.
-- $1 businessId, $2 staffViewerId (null for admins), $3 staffIdFilter (null for none)
SELECT (SELECT COALESCE(sum(v.version), 0) FROM business_data_versions v WHERE v.business_id = $1 AND v.domain = 'lists')::text AS version,
       COALESCE(json_agg(e.doc ORDER BY e.seq), '[]')::text AS list
FROM job_calendar_entries e
WHERE e.business_id = $1
  AND ($2::text IS NULL OR e.staff_id = $2::text OR (e.status = 'PENDING' AND e.staff_id IS NULL))
  AND ($3::text IS NULL OR e.staff_id = $3::text)
