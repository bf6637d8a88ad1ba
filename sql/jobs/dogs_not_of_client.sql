-- dogs_not_of_client: the ids in a list that are not dogs of the client, in list order.
-- $1 clientId, $2 dogIds (text[])
SELECT t.dog_id AS "dogId"
FROM unnest($2::text[]) WITH ORDINALITY AS t(dog_id, ord)
LEFT JOIN dogs d ON d.id = t.dog_id AND d.client_id = $1
WHERE d.id IS NULL
ORDER BY t.ord
