-- count: how many businesses exist (the seed runs only when none does).
SELECT count(*)::int AS count FROM businesses
