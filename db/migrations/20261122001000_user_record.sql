-- migrate:up

-- The legacy user record ("staff object", auth-accounts-staff-settings.md §4.1) as JSON, in the
-- legacy key order. services, weeklyAvailability, notificationPreferences and crmClientId are
-- absent (not null) until set; a JSON null stored in a jsonb column is kept as a present null.
-- passHash is never part of it (POLICY 4). Callers: SELECT user_record(u) FROM users u ...,
-- or UPDATE/INSERT ... RETURNING user_record(users) for the row as written.
CREATE FUNCTION user_record(u users) RETURNS json
LANGUAGE sql STABLE AS $$
  SELECT json_object_agg(f.key, f.value ORDER BY f.ord)
  FROM (VALUES
    (1, 'id', to_json(u.id)),
    (2, 'businessId', coalesce(to_json(u.business_id), 'null'::json)),
    (3, 'role', to_json(u.role)),
    (4, 'name', coalesce(to_json(u.name), 'null'::json)),
    (5, 'email', to_json(u.email)),
    (6, 'phone', coalesce(to_json(u.phone), 'null'::json)),
    (7, 'active', to_json(u.active)),
    (8, 'isAdmin', to_json(u.is_admin)),
    (9, 'services', CASE WHEN u.services_saved THEN
        (SELECT coalesce(json_agg(s.service_id ORDER BY s.position), '[]'::json)
         FROM staff_services s WHERE s.staff_id = u.id) END),
    (10, 'weeklyAvailability', (SELECT a.weekly::json FROM staff_availability a WHERE a.staff_id = u.id)),
    (11, 'notificationPreferences', u.notification_preferences::json),
    (12, 'crmClientId', to_json(u.crm_client_id))
  ) AS f(ord, key, value)
  WHERE f.ord <= 8 OR f.value IS NOT NULL
$$;

-- migrate:down

DROP FUNCTION user_record(users);
