-- list_mine: GET /api/bookings/mine: every job of the client in creation order, each with its
-- service name, staff name and dogs.
-- $1 clientId
SELECT COALESCE(json_agg(job_json(j) || jsonb_build_object(
         'serviceName', COALESCE(NULLIF(s.name, ''), 'Unknown Service'),
         'staffName', COALESCE(NULLIF(u.name, ''), 'Not assigned'),
         'dogs', (SELECT COALESCE(jsonb_agg(jsonb_build_object('dogId', d.id, 'name', d.name) ORDER BY t.ord), '[]'::jsonb)
                  FROM unnest(j.dog_ids) WITH ORDINALITY AS t(dog_id, ord)
                  JOIN dogs d ON d.id = t.dog_id)) ORDER BY j.seq), '[]')::text AS list
FROM jobs j
LEFT JOIN services s ON s.id = j.service_id
LEFT JOIN users u ON u.id = j.staff_id
WHERE j.client_id = $1
