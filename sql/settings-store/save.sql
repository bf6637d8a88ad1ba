-- save: replaces a business's settings document with the merged one.
-- $1 businessId, $2 settings (jsonb)
UPDATE businesses SET settings = $2::jsonb WHERE id = $1
