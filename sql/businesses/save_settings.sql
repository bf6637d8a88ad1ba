-- save_settings: stores the merged settings and, when given, the new business name.
-- $1 businessId, $2 settings (jsonb), $3 name (null keeps the current name)
UPDATE businesses
SET settings = $2::jsonb,
    name = coalesce($3::text, name)
WHERE id = $1
