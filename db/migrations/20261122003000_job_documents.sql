-- migrate:up

-- The legacy JSON shapes of a job, defined once in SQL so single reads and 20,000-row calendar
-- lists produce the same document without a round trip through TypeScript.

-- The stored ("raw") job of bookings-jobs.md §2.1. `start` is absent when the job has none and
-- `end` when it was never computed (a service without duration); every other key is always there.
CREATE FUNCTION job_json(j jobs) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
           'id', j.id,
           'businessId', j.business_id,
           'clientId', j.client_id,
           'dogIds', to_jsonb(j.dog_ids),
           'staffId', j.staff_id,
           'serviceId', j.service_id,
           'status', j.status,
           'priceCents', j.price_cents,
           'notes', j.notes,
           'route', j.route,
           'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'updatedAt', to_char(j.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         || CASE WHEN j.start_raw IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('start', j.start_raw) END
         || CASE WHEN j.end_at IS NULL THEN '{}'::jsonb
                 ELSE jsonb_build_object('end', to_char(j.end_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END
$$;

-- The "full enrichment" of bookings-jobs.md §2.3 A (calendar lists, one booking, move, staff
-- actions): the raw job plus client, service, staff and dog names. Filter it by business_id,
-- staff_id, status or id; Postgres pushes those predicates down to jobs' indexes.
CREATE VIEW job_calendar_entries AS
SELECT j.id,
       j.seq,
       j.business_id,
       j.staff_id,
       j.status,
       job_json(j)
       || CASE WHEN j.start_raw IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('dateTime', j.start_raw) END
       || jsonb_build_object(
            'clientName', COALESCE(NULLIF(c.name, ''), 'Unknown Client'),
            'addressLine1', COALESCE(c.address_line1, ''),
            'address', CASE WHEN c.address_line1 <> '' AND c.city <> '' AND c.postcode <> ''
                            THEN c.address_line1 || ', ' || c.city || ', ' || c.postcode
                            ELSE COALESCE(c.address, '') END,
            'serviceName', COALESCE(NULLIF(s.name, ''), 'Unknown Service'),
            'duration', COALESCE(NULLIF(s.duration_minutes, 0), 60),
            'staffName', NULLIF(u.name, ''),
            'dogNames', d.names,
            'dogs', d.refs) AS doc
FROM jobs j
LEFT JOIN clients c ON c.id = j.client_id
LEFT JOIN services s ON s.id = j.service_id
LEFT JOIN users u ON u.id = j.staff_id
CROSS JOIN LATERAL (
  SELECT COALESCE(jsonb_agg(dog.name ORDER BY t.ord), '[]'::jsonb) AS names,
         COALESCE(jsonb_agg(jsonb_build_object('dogId', dog.id, 'name', dog.name) ORDER BY t.ord), '[]'::jsonb) AS refs
  FROM unnest(j.dog_ids) WITH ORDINALITY AS t(dog_id, ord)
  JOIN dogs dog ON dog.id = t.dog_id
) d;

-- migrate:down

DROP VIEW job_calendar_entries;
DROP FUNCTION job_json(jobs);
