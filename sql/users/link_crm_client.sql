-- link_crm_client: remembers which CRM client record a client user is.
-- $1 userId, $2 clientId
UPDATE users SET crm_client_id = $2 WHERE id = $1
