-- upcoming_bookings: BOOKED jobs starting at or after now, soonest first (ties in creation order),
-- with client and service names; limit > 0 keeps the first n, limit < 0 drops the last -n.
-- $1 businessId, $2 now, $3 limit (non-zero)
SELECT id, "clientName", "serviceName", start, "startAt", status
FROM (
  SELECT j.id,
         COALESCE(NULLIF(c.name, ''), 'Unknown Client') AS "clientName",
         COALESCE(NULLIF(s.name, ''), 'Unknown Service') AS "serviceName",
         j.start_raw AS start,
         j.start_at AS "startAt",
         j.status,
         row_number() OVER (ORDER BY j.start_at, j.seq) AS position,
         count(*) OVER () AS total
  FROM jobs j
  LEFT JOIN clients c ON c.id = j.client_id
  LEFT JOIN services s ON s.id = j.service_id
  WHERE j.business_id = $1 AND j.status = 'BOOKED' AND j.start_at >= $2::timestamptz
) upcoming
WHERE position <= CASE WHEN $3::int > 0 THEN $3::int ELSE total + $3::int END
ORDER BY position
