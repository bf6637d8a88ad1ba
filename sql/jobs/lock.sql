-- lock: takes the row lock of one job for the rest of the transaction, so concurrent changes of the
-- same booking run one after the other and each sees the other's result.
-- $1 jobId
SELECT 1 FROM jobs WHERE id = $1 FOR UPDATE
