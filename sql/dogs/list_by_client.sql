-- list_by_client: the dogs of one client in creation order.
-- $1 clientId
SELECT * FROM dogs WHERE client_id = $1 ORDER BY seq
