-- clear_availability: removes a user's weekly availability (legacy: saved without a body).
-- $1 userId
DELETE FROM staff_availability WHERE staff_id = $1
