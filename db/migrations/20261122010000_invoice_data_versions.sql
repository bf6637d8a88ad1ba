-- migrate:up

-- Finance (overview, forecasts, breakdowns) and the invoice list are kept by the list cache too, so
-- every committed change to an invoice (created, marked sent or paid by hand or by Stripe, a checkout
-- session saved) moves a data version. Invoices are counted in their own domain, 'billing': the
-- booking calendars and the pending-items list show nothing of an invoice, so marking one paid must
-- not make them rebuild; the finance figures and the invoice list depend on both domains.
-- A staff member's email moves the version too: the revenue-by-staff breakdown shows
-- COALESCE(NULLIF(name, ''), email).
ALTER TABLE business_data_versions ADD COLUMN domain text NOT NULL DEFAULT 'lists';
ALTER TABLE business_data_versions DROP CONSTRAINT business_data_versions_pkey;
ALTER TABLE business_data_versions ADD PRIMARY KEY (business_id, domain, slot);

DROP FUNCTION bump_business_data_version(text);
CREATE FUNCTION bump_business_data_version(business text, data_domain text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  -- (domain, business) pairs already bumped in this transaction (a transaction-local setting, so a
  -- rolled-back savepoint forgets its bumps together with the bump itself)
  done text := COALESCE(current_setting('app.bumped_business_data', true), '');
  mark text := ' ' || data_domain || ':' || business || ' ';
BEGIN
  IF business IS NULL OR position(mark IN done) > 0 THEN RETURN; END IF;
  INSERT INTO business_data_versions AS v (business_id, domain, slot, version) VALUES (business, data_domain, pg_backend_pid() % 8, 1)
  ON CONFLICT (business_id, domain, slot) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('app.bumped_business_data', done || mark, true);
END
$$;

-- TG_ARGV[0]: the column naming the business ('business_id'), or 'client_id' for dogs;
-- TG_ARGV[1]: the domain, 'lists' when absent
CREATE OR REPLACE FUNCTION business_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  keys text[] := '{}';
  key text;
  data_domain text := COALESCE(TG_ARGV[1], 'lists');
BEGIN
  IF TG_OP <> 'INSERT' THEN keys := keys || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
  IF TG_OP <> 'DELETE' THEN keys := keys || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
  FOREACH key IN ARRAY keys LOOP
    IF TG_ARGV[0] = 'client_id' THEN
      -- a dog deleted with its client: the client's own trigger bumps the business
      PERFORM bump_business_data_version((SELECT c.business_id FROM clients c WHERE c.id = key), data_domain);
    ELSE
      PERFORM bump_business_data_version(key, data_domain);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER invoices_data_version AFTER INSERT OR UPDATE OR DELETE ON invoices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id', 'billing');

DROP TRIGGER users_data_version ON users;
CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR UPDATE OF name, email, business_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

-- migrate:down

DROP TRIGGER users_data_version ON users;
CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR UPDATE OF name, business_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

DROP TRIGGER invoices_data_version ON invoices;

CREATE OR REPLACE FUNCTION business_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  keys text[] := '{}';
  key text;
BEGIN
  IF TG_OP <> 'INSERT' THEN keys := keys || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
  IF TG_OP <> 'DELETE' THEN keys := keys || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
  FOREACH key IN ARRAY keys LOOP
    IF TG_ARGV[0] = 'client_id' THEN
      PERFORM bump_business_data_version((SELECT c.business_id FROM clients c WHERE c.id = key));
    ELSE
      PERFORM bump_business_data_version(key);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

DROP FUNCTION bump_business_data_version(text, text);
CREATE FUNCTION bump_business_data_version(business text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  done text := COALESCE(current_setting('app.bumped_business_data', true), '');
BEGIN
  IF business IS NULL OR position(' ' || business || ' ' IN done) > 0 THEN RETURN; END IF;
  INSERT INTO business_data_versions AS v (business_id, slot, version) VALUES (business, pg_backend_pid() % 8, 1)
  ON CONFLICT (business_id, slot) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('app.bumped_business_data', done || ' ' || business || ' ', true);
END
$$;

DELETE FROM business_data_versions WHERE domain <> 'lists';
ALTER TABLE business_data_versions DROP CONSTRAINT business_data_versions_pkey;
ALTER TABLE business_data_versions ADD PRIMARY KEY (business_id, slot);
ALTER TABLE business_data_versions DROP COLUMN domain;
