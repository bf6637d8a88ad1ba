-- set_services: gives a staff member the services they perform, in order (legacy user.services).
-- $1 staffId, $2 serviceIds (text[])
WITH cleared AS (
  DELETE FROM staff_services WHERE staff_id = $1
), flagged AS (
  UPDATE users SET services_saved = true WHERE id = $1
)
INSERT INTO staff_services (staff_id, position, service_id)
SELECT $1, (t.ord - 1)::int, t.service_id
FROM unnest($2::text[]) WITH ORDINALITY AS t(service_id, ord)
