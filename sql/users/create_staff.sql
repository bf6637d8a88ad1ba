-- create_staff: a STAFF user created by /api/users/create; no password (legacy dropped it), no
-- services, no availability. Returns the new user record.
-- $1 id, $2 businessId, $3 name, $4 email
INSERT INTO users (id, business_id, role, name, email, phone, pass_hash, is_admin)
VALUES ($1, $2, 'STAFF', $3, $4, '', NULL, false)
RETURNING user_record(users) AS record
