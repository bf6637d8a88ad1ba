-- list_for_admin: the platform-admin business picker, creation order, filtered by a lower-case
-- substring of the name or id ('' keeps every business).
-- $1 search (lower-cased)
SELECT id, name, owner_user_id AS "ownerUserId"
FROM businesses
WHERE $1::text = '' OR strpos(lower(name), $1::text) > 0 OR strpos(lower(id), $1::text) > 0
ORDER BY seq
