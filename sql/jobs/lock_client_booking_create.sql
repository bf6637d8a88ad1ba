-- lock_client_booking_create: serialises the creation of one client's bookings until the transaction
-- ends, so a double-submitted request finds the booking the first one created.
-- $1 clientId
SELECT pg_advisory_xact_lock(hashtext('job-create:' || $1::text))
