-- save_weekly_availability: stores a staff member's weekly availability verbatim.
-- $1 staffId, $2 weekly (jsonb)
INSERT INTO staff_availability (staff_id, weekly, updated_at)
VALUES ($1, $2::jsonb, now())
ON CONFLICT (staff_id) DO UPDATE SET weekly = EXCLUDED.weekly, updated_at = now()
