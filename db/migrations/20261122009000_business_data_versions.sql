-- migrate:up

-- A per-business data version that every committed change to what a business's large JSON lists
-- show (jobs, clients, dogs, services, staff names, invoice items) moves forward, so an API instance
-- can keep a rendered list and check with one index read that it is still current, whichever
-- instance made the change. The version is the sum of a few slot counters (a writer bumps the slot
-- of its backend), so concurrent writers of one business rarely wait on the same counter row; a
-- snapshot that sees more commits always sees a larger sum. The bump runs in a deferred trigger,
-- i.e. at commit: a counter row is locked only while the transaction commits, after every other lock
-- it takes, so writers never wait on it while holding job rows (no deadlock with their row locks).
CREATE TABLE business_data_versions (
  business_id text NOT NULL,
  slot smallint NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (business_id, slot)
);

CREATE FUNCTION bump_business_data_version(business text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  -- businesses already bumped in this transaction (a transaction-local setting, so a rolled-back
  -- savepoint forgets its bumps together with the bump itself)
  done text := COALESCE(current_setting('app.bumped_business_data', true), '');
BEGIN
  IF business IS NULL OR position(' ' || business || ' ' IN done) > 0 THEN RETURN; END IF;
  INSERT INTO business_data_versions AS v (business_id, slot, version) VALUES (business, pg_backend_pid() % 8, 1)
  ON CONFLICT (business_id, slot) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('app.bumped_business_data', done || ' ' || business || ' ', true);
END
$$;

-- TG_ARGV[0]: the column naming the business ('business_id'), or 'client_id' for dogs
CREATE FUNCTION business_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  keys text[] := '{}';
  key text;
BEGIN
  IF TG_OP <> 'INSERT' THEN keys := keys || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
  IF TG_OP <> 'DELETE' THEN keys := keys || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
  FOREACH key IN ARRAY keys LOOP
    IF TG_ARGV[0] = 'client_id' THEN
      -- a dog deleted with its client: the client's own trigger bumps the business
      PERFORM bump_business_data_version((SELECT c.business_id FROM clients c WHERE c.id = key));
    ELSE
      PERFORM bump_business_data_version(key);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER jobs_data_version AFTER INSERT OR UPDATE OR DELETE ON jobs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');
CREATE CONSTRAINT TRIGGER clients_data_version AFTER INSERT OR UPDATE OR DELETE ON clients
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');
CREATE CONSTRAINT TRIGGER dogs_data_version AFTER INSERT OR UPDATE OR DELETE ON dogs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('client_id');
CREATE CONSTRAINT TRIGGER services_data_version AFTER INSERT OR UPDATE OR DELETE ON services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');
-- the lists show a user's name only (staffName); logins and settings do not move the counter
CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR UPDATE OF name, business_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');
CREATE CONSTRAINT TRIGGER invoice_items_data_version AFTER INSERT OR UPDATE OR DELETE ON invoice_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION business_data_changed('business_id');

-- migrate:down

DROP TRIGGER invoice_items_data_version ON invoice_items;
DROP TRIGGER users_data_version ON users;
DROP TRIGGER services_data_version ON services;
DROP TRIGGER dogs_data_version ON dogs;
DROP TRIGGER clients_data_version ON clients;
DROP TRIGGER jobs_data_version ON jobs;
DROP FUNCTION business_data_changed();
DROP FUNCTION bump_business_data_version(text);
DROP TABLE business_data_versions;
