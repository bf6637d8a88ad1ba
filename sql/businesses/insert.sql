-- insert: creates a business.
-- $1 id, $2 name, $3 ownerUserId (nullable), $4 settings (jsonb)
INSERT INTO businesses (id, name, owner_user_id, settings)
VALUES ($1, $2, $3, $4::jsonb)
