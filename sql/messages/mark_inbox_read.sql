-- mark_inbox_read: sets readStates[role] = true on every inbox message of a client.
-- $1 businessId, $2 clientId, $3 role
UPDATE messages SET read_states = read_states || jsonb_build_object($3::text, true)
WHERE business_id = $1 AND client_id = $2 AND booking_id IS NULL
