-- insert: creates a dog and appends it to its client's dogIds (legacy createDog; a client record
-- without dogIds gets them), in one statement; returns the dog row.
-- $1 id, $2 clientId, $3 name, $4 breed, $5 age (jsonb: number, string or null), $6 behaviour (jsonb), $7 notes
WITH dog AS (
  INSERT INTO dogs (id, client_id, name, breed, age, behaviour, notes)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
  RETURNING *
), linked AS (
  UPDATE clients c
  SET dog_ids = c.dog_ids || dog.id,
      omitted_keys = array_remove(c.omitted_keys, 'dogIds')
  FROM dog
  WHERE c.id = dog.client_id AND NOT (dog.id = ANY (c.dog_ids))
  RETURNING c.id
)
SELECT * FROM dog
