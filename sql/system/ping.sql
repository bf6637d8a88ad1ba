-- ping: proves a connection can run a query (health checks).
SELECT 1 AS ok
