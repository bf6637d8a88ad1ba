-- get: a business's stored settings document (null row = unknown business).
-- $1 businessId
SELECT settings FROM businesses WHERE id = $1
