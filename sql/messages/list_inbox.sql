-- list_inbox: a client's general (no booking) conversation with a business, newest first.
-- $1 businessId, $2 clientId
SELECT * FROM messages WHERE business_id = $1 AND client_id = $2 AND booking_id IS NULL ORDER BY seq DESC
