-- migrate:up

-- Finance (overview, forecasts, breakdowns) and the invoice list are kept by the list cache too, so
-- every committed change to an invoice moves the business's data version (created, marked sent or
-- paid by hand or by Stripe, a checkout session saved), and so does a staff member's email: the
-- revenue-by-staff breakdown shows COALESCE(NULLIF(name, ''), email).
CREATE CONSTRAINT TRIGGER invoices_data_version AFTER INSERT OR UPDATE OR DELETE ON invoices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

DROP TRIGGER users_data_version ON users;
CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR UPDATE OF name, email, business_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

-- migrate:down

DROP TRIGGER users_data_version ON users;
CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR UPDATE OF name, business_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

DROP TRIGGER invoices_data_version ON invoices;
