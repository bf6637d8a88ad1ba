-- availability: the stored weekly availability of a user of the given business (no row when
-- unknown, in another business, or never saved).
-- $1 userId, $2 businessId
SELECT a.weekly
FROM staff_availability a
JOIN users u ON u.id = a.staff_id
WHERE a.staff_id = $1 AND u.business_id = $2
