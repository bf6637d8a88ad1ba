-- mark_booking_read: sets readStates[role] = true on every message of a booking thread.
-- $1 businessId, $2 bookingId, $3 role
UPDATE messages SET read_states = read_states || jsonb_build_object($3::text, true)
WHERE business_id = $1 AND booking_id = $2
