-- list_by_date: GET /api/bookings/by-date rows: jobs of the business whose start text before the
-- first "T" is the date, any status, in creation order.
-- $1 businessId, $2 date (YYYY-MM-DD)
SELECT COALESCE(json_agg(json_build_object(
         'bookingId', j.id,
         'clientName', COALESCE(NULLIF(c.name, ''), 'Client'),
         'serviceName', COALESCE(NULLIF(s.name, ''), 'Service'),
         'start', j.start_raw,
         'startTimeFormatted', to_char(j.start_at AT TIME ZONE 'UTC', 'HH24:MI'),
         'addressLine1', COALESCE(c.address_line1, '')) ORDER BY j.seq), '[]')::text AS list
FROM jobs j
LEFT JOIN clients c ON c.id = j.client_id
LEFT JOIN services s ON s.id = j.service_id
WHERE j.business_id = $1 AND split_part(j.start_raw, 'T', 1) = $2::text
