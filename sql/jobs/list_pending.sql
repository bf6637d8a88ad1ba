-- list_pending: GET /api/jobs/pending: the business's PENDING jobs in creation order, each with its
-- full client record (or null), service name and full dog records.
-- $1 businessId
SELECT COALESCE(json_agg(
         job_json(j) || jsonb_build_object(
           'client', (SELECT (jsonb_build_object(
                        'id', c.id, 'businessId', c.business_id, 'name', c.name, 'email', c.email, 'phone', c.phone,
                        'address', c.address, 'addressLine1', c.address_line1, 'city', c.city, 'postcode', c.postcode,
                        'lat', c.lat, 'lng', c.lng, 'notes', c.notes, 'dogIds', to_jsonb(c.dog_ids),
                        'profileComplete', c.profile_complete, 'onboardingStep', c.onboarding_step,
                        'accessNotes', c.access_notes, 'emergencyName', c.emergency_name,
                        'emergencyPhone', c.emergency_phone, 'vetDetails', c.vet_details,
                        'behaviourNotes', c.behaviour_notes, 'medicalNotes', c.medical_notes,
                        'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                        'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                      - c.omitted_keys) || c.extra
                      FROM clients c WHERE c.id = j.client_id),
           'serviceName', COALESCE(NULLIF(s.name, ''), 'Service'),
           'dogs', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                              'id', d.id, 'clientId', d.client_id, 'name', d.name, 'breed', d.breed,
                              'age', d.age, 'behaviour', d.behaviour, 'notes', d.notes) ORDER BY t.ord), '[]'::jsonb)
                    FROM unnest(j.dog_ids) WITH ORDINALITY AS t(dog_id, ord)
                    JOIN dogs d ON d.id = t.dog_id))
         ORDER BY j.seq), '[]')::text AS list
FROM jobs j
LEFT JOIN services s ON s.id = j.service_id
WHERE j.business_id = $1 AND j.status = 'PENDING'
