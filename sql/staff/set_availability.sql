-- set_availability: replaces a user's weekly availability with any JSON value, verbatim.
-- $1 userId, $2 weekly as JSON text
INSERT INTO staff_availability (staff_id, weekly, updated_at)
VALUES ($1, $2::text::jsonb, now())
ON CONFLICT (staff_id) DO UPDATE SET weekly = EXCLUDED.weekly, updated_at = now()
