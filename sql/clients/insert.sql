-- insert: creates a client with the standard legacy record shape and returns the stored row.
-- $1 id, $2 businessId, $3 name, $4 email, $5 phone, $6 address, $7 addressLine1, $8 city, $9 postcode,
-- $10 lat, $11 lng, $12 notes, $13 profileComplete, $14 onboardingStep, $15 accessNotes,
-- $16 emergencyName, $17 emergencyPhone, $18 vetDetails, $19 behaviourNotes, $20 medicalNotes, $21 now
INSERT INTO clients (id, business_id, name, email, phone, address, address_line1, city, postcode, lat, lng,
                     notes, profile_complete, onboarding_step, access_notes, emergency_name, emergency_phone,
                     vet_details, behaviour_notes, medical_notes, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)
RETURNING *
