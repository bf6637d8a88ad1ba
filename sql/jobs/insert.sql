-- insert: stores a new job (booking) and returns its raw legacy document.
-- $1 id, $2 businessId, $3 clientId, $4 dogIds (text[]), $5 staffId, $6 serviceId, $7 start (verbatim text),
-- $8 startAt, $9 endAt, $10 status, $11 priceCents, $12 notes, $13 now
INSERT INTO jobs AS j (id, business_id, client_id, dog_ids, staff_id, service_id, start_raw, start_at, end_at,
                       status, price_cents, notes, route, created_at, updated_at)
VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8::timestamptz, $9::timestamptz, $10, $11::int, $12, NULL, $13, $13)
RETURNING job_json(j) AS job
