-- settings_for_update: a business's stored settings, row-locked until the transaction ends so
-- concurrent merges apply one after the other.
-- $1 businessId
SELECT settings FROM businesses WHERE id = $1 FOR UPDATE
