-- insert: creates a user.
-- $1 id, $2 businessId, $3 role, $4 name, $5 email, $6 phone, $7 passHash, $8 isAdmin, $9 crmClientId
INSERT INTO users (id, business_id, role, name, email, phone, pass_hash, is_admin, crm_client_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
