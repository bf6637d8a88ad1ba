-- get: one job with the columns the booking rules check, and its raw legacy document.
-- $1 jobId
SELECT j.id,
       j.business_id AS "businessId",
       j.client_id   AS "clientId",
       j.staff_id    AS "staffId",
       j.service_id  AS "serviceId",
       j.status,
       j.start_raw   AS "start",
       j.start_at    AS "startAt",
       j.price_cents AS "priceCents",
       j.route,
       job_json(j)   AS job
FROM jobs j
WHERE j.id = $1
