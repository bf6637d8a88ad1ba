-- upcoming_bookings: BOOKED jobs starting at or after now, soonest first (ties in creation order),
-- with client and service names; limit > 0 keeps the first n, limit < 0 drops the last -n. A positive
-- limit reads only n rows from the (business, status, start) index; only a negative one counts them all.
-- $1 businessId, $2 now, $3 limit (non-zero)
SELECT u.id,
       COALESCE(NULLIF(c.name, ''), 'Unknown Client') AS "clientName",
       COALESCE(NULLIF(s.name, ''), 'Unknown Service') AS "serviceName",
       u.start_raw AS start,
       u.start_at AS "startAt",
       u.status
FROM (
  SELECT j.id, j.client_id, j.service_id, j.start_raw, j.start_at, j.status, j.seq
  FROM jobs j
  WHERE j.business_id = $1 AND j.status = 'BOOKED' AND j.start_at >= $2::timestamptz
  ORDER BY j.start_at, j.seq
  LIMIT CASE WHEN $3::int > 0 THEN $3::int
             ELSE greatest(0, (SELECT count(*) FROM jobs
                               WHERE business_id = $1 AND status = 'BOOKED' AND start_at >= $2::timestamptz) + $3::int)
        END
) u
LEFT JOIN clients c ON c.id = u.client_id
LEFT JOIN services s ON s.id = u.service_id
ORDER BY u.start_at, u.seq
