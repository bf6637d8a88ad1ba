-- list_for_client_portal: GET /api/jobs/client/:clientId: every job of the client in creation
-- order, each with its service name and duration.
-- $1 clientId
SELECT COALESCE(json_agg(job_json(j) || jsonb_build_object(
         'serviceName', COALESCE(NULLIF(s.name, ''), 'Service'),
         'durationMinutes', COALESCE(NULLIF(s.duration_minutes, 0), 60)) ORDER BY j.seq), '[]')::text AS list
FROM jobs j
LEFT JOIN services s ON s.id = j.service_id
WHERE j.client_id = $1
