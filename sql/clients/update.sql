-- update: merges a patch into a client (legacy updateClient): standard fields present in $2 replace
-- their column, every other key is merged into extra, and patched keys (and updatedAt) stop being
-- omitted from the record. id, business, createdAt and dogIds are never patched here.
-- $1 clientId, $2 standard fields (jsonb, legacy key -> value), $3 extra keys (jsonb), $4 now
UPDATE clients SET
  name             = CASE WHEN $2::jsonb ? 'name' THEN $2::jsonb ->> 'name' ELSE name END,
  email            = CASE WHEN $2::jsonb ? 'email' THEN $2::jsonb ->> 'email' ELSE email END,
  phone            = CASE WHEN $2::jsonb ? 'phone' THEN $2::jsonb ->> 'phone' ELSE phone END,
  address          = CASE WHEN $2::jsonb ? 'address' THEN $2::jsonb ->> 'address' ELSE address END,
  address_line1    = CASE WHEN $2::jsonb ? 'addressLine1' THEN $2::jsonb ->> 'addressLine1' ELSE address_line1 END,
  city             = CASE WHEN $2::jsonb ? 'city' THEN $2::jsonb ->> 'city' ELSE city END,
  postcode         = CASE WHEN $2::jsonb ? 'postcode' THEN $2::jsonb ->> 'postcode' ELSE postcode END,
  lat              = CASE WHEN $2::jsonb ? 'lat' THEN ($2::jsonb ->> 'lat')::double precision ELSE lat END,
  lng              = CASE WHEN $2::jsonb ? 'lng' THEN ($2::jsonb ->> 'lng')::double precision ELSE lng END,
  notes            = CASE WHEN $2::jsonb ? 'notes' THEN $2::jsonb ->> 'notes' ELSE notes END,
  profile_complete = CASE WHEN $2::jsonb ? 'profileComplete' THEN ($2::jsonb ->> 'profileComplete')::boolean ELSE profile_complete END,
  onboarding_step  = CASE WHEN $2::jsonb ? 'onboardingStep' THEN ($2::jsonb ->> 'onboardingStep')::integer ELSE onboarding_step END,
  access_notes     = CASE WHEN $2::jsonb ? 'accessNotes' THEN $2::jsonb ->> 'accessNotes' ELSE access_notes END,
  emergency_name   = CASE WHEN $2::jsonb ? 'emergencyName' THEN $2::jsonb ->> 'emergencyName' ELSE emergency_name END,
  emergency_phone  = CASE WHEN $2::jsonb ? 'emergencyPhone' THEN $2::jsonb ->> 'emergencyPhone' ELSE emergency_phone END,
  vet_details      = CASE WHEN $2::jsonb ? 'vetDetails' THEN $2::jsonb ->> 'vetDetails' ELSE vet_details END,
  behaviour_notes  = CASE WHEN $2::jsonb ? 'behaviourNotes' THEN $2::jsonb ->> 'behaviourNotes' ELSE behaviour_notes END,
  medical_notes    = CASE WHEN $2::jsonb ? 'medicalNotes' THEN $2::jsonb ->> 'medicalNotes' ELSE medical_notes END,
  extra            = extra || $3::jsonb,
  omitted_keys     = ARRAY(SELECT k FROM unnest(omitted_keys) WITH ORDINALITY AS o(k, n)
                           WHERE k <> 'updatedAt' AND NOT ($2::jsonb ? k) ORDER BY n),
  updated_at       = $4
WHERE id = $1
RETURNING *
