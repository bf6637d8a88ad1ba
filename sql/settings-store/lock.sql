-- lock: a business's stored settings, row-locked for a read-merge-write in the same transaction
-- (automation and the settings-level services list; null row = unknown business).
-- $1 businessId
SELECT settings FROM businesses WHERE id = $1 FOR UPDATE
