-- recent_duplicate: the client's booking created since $8 exactly as a new request would create it
-- (same service, start, dogs in any order, walker, status and notes) and unchanged since: the earlier
-- submission of a repeated create request (jobs_client_created_idx: the last minute of the client only).
-- $1 clientId, $2 serviceId, $3 start (verbatim text), $4 dogIds (text[]), $5 staffId, $6 status, $7 notes, $8 since
SELECT job_json(j) AS job
FROM jobs j
WHERE j.client_id = $1
  AND j.service_id = $2
  AND j.start_raw IS NOT DISTINCT FROM $3::text
  AND ARRAY(SELECT DISTINCT d FROM unnest(j.dog_ids) AS d ORDER BY d)
    = ARRAY(SELECT DISTINCT d FROM unnest($4::text[]) AS d ORDER BY d)
  AND j.staff_id IS NOT DISTINCT FROM $5::text
  AND j.status = $6
  AND j.notes = $7
  AND j.created_at >= $8::timestamptz
ORDER BY j.seq
LIMIT 1
