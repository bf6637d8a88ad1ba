-- insert_login_shape: the client record legacy login writes for a client user without one
-- (userId, firstName, lastName, emergencyContact as extra keys; no name, dogIds, updatedAt, ...).
-- $1 id, $2 businessId, $3 userId, $4 firstName, $5 lastName, $6 email, $7 phone, $8 now
INSERT INTO clients (id, business_id, email, phone, created_at, updated_at, extra, omitted_keys)
VALUES ($1, $2, $6, $7, $8, NULL,
        jsonb_build_object('userId', $3::text, 'firstName', $4::text, 'lastName', $5::text, 'emergencyContact', ''),
        ARRAY['name', 'address', 'lat', 'lng', 'dogIds', 'onboardingStep', 'accessNotes', 'emergencyName',
              'emergencyPhone', 'behaviourNotes', 'medicalNotes', 'updatedAt'])
