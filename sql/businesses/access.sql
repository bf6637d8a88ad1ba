-- access: what the business-access guard of /api/business/:id/settings needs to know.
-- $1 businessId
SELECT id, owner_user_id AS "ownerUserId" FROM businesses WHERE id = $1
