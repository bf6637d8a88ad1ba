-- booking_for_mail: one job of a business with everything its emails show: client, service, staff,
-- dog names (in the job's order) and the business's name, currency and settings.
-- $1 businessId, $2 jobId
SELECT j.id, j.status, j.start_raw AS "startRaw", j.start_at AS "startAt", j.notes,
       c.name AS "clientName", c.email AS "clientEmail",
       s.name AS "serviceName", st.name AS "staffName",
       ARRAY(SELECT d.name FROM unnest(j.dog_ids) WITH ORDINALITY AS ids(dog_id, n)
             JOIN dogs d ON d.id = ids.dog_id ORDER BY ids.n) AS "dogNames",
       b.name AS "businessName", b.currency, b.settings
FROM jobs j
JOIN businesses b ON b.id = j.business_id
JOIN clients c ON c.id = j.client_id
LEFT JOIN services s ON s.id = j.service_id
LEFT JOIN users st ON st.id = j.staff_id
WHERE j.business_id = $1 AND j.id = $2
