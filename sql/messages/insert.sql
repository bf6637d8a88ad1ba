-- insert: stores a client <-> business message and returns it.
-- $1 id, $2 businessId, $3 bookingId (null = inbox), $4 clientId, $5 senderRole, $6 message,
-- $7 readStates (jsonb), $8 now
INSERT INTO messages (id, business_id, booking_id, client_id, sender_role, message, read_states, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
RETURNING *
