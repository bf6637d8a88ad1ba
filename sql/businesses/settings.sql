-- settings: a business's stored settings object (null row when the business does not exist).
-- $1 businessId
SELECT settings FROM businesses WHERE id = $1
