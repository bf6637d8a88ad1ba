-- update: writes the fields named in a patch (keys absent from the patch keep their value), bumps
-- updatedAt and returns the raw legacy document.
-- $1 jobId, $2 patch (jsonb: start, startAt, endAt, staffId, serviceId, status, priceCents, notes, dogIds, route), $3 now
UPDATE jobs AS j SET
  start_raw   = CASE WHEN $2::jsonb ? 'start' THEN $2::jsonb ->> 'start' ELSE j.start_raw END,
  start_at    = CASE WHEN $2::jsonb ? 'startAt' THEN ($2::jsonb ->> 'startAt')::timestamptz ELSE j.start_at END,
  end_at      = CASE WHEN $2::jsonb ? 'endAt' THEN ($2::jsonb ->> 'endAt')::timestamptz ELSE j.end_at END,
  staff_id    = CASE WHEN $2::jsonb ? 'staffId' THEN $2::jsonb ->> 'staffId' ELSE j.staff_id END,
  service_id  = CASE WHEN $2::jsonb ? 'serviceId' THEN $2::jsonb ->> 'serviceId' ELSE j.service_id END,
  status      = CASE WHEN $2::jsonb ? 'status' THEN $2::jsonb ->> 'status' ELSE j.status END,
  price_cents = CASE WHEN $2::jsonb ? 'priceCents' THEN ($2::jsonb ->> 'priceCents')::int ELSE j.price_cents END,
  notes       = CASE WHEN $2::jsonb ? 'notes' THEN $2::jsonb ->> 'notes' ELSE j.notes END,
  dog_ids     = CASE WHEN $2::jsonb ? 'dogIds' THEN ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> 'dogIds'))
                     ELSE j.dog_ids END,
  route       = CASE WHEN $2::jsonb ? 'route' THEN $2::jsonb -> 'route' ELSE j.route END,
  updated_at  = $3
WHERE j.id = $1
RETURNING job_json(j) AS job
