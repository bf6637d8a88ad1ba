-- update_profile: applies the given profile fields to a user of the given business and returns
-- the updated record (no row when the user is unknown or in another business).
-- $1 userId, $2 businessId, $3 setName, $4 name, $5 setPhone, $6 phone,
-- $7 notificationPreferences as JSON text (null keeps the stored value)
UPDATE users u
SET name = CASE WHEN $3::boolean THEN $4::text ELSE u.name END,
    phone = CASE WHEN $5::boolean THEN $6::text ELSE u.phone END,
    notification_preferences = CASE WHEN $7::text IS NULL THEN u.notification_preferences ELSE $7::text::jsonb END
WHERE u.id = $1 AND u.business_id = $2
RETURNING user_record(u) AS record
