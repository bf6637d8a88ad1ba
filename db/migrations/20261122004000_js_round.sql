-- migrate:up

-- The legacy computed finance figures with JS Math.round: halves go towards +infinity
-- (Math.round(-2.5) = -2, Math.round(2.5) = 3). Postgres round() differs on halves: on numeric it
-- rounds away from zero (round(-2.5) = -3), on double precision to even (round(2.5) = 2,
-- round(-1.5) = -2). floor(x + 0.5) is off for 0.49999999999999994 (x + 0.5 rounds up to 1 in
-- floating point). Comparing the fraction with 0.5 reproduces Math.round for every double.
CREATE FUNCTION js_round(x double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE WHEN x - floor(x) >= 0.5 THEN ceil(x) ELSE floor(x) END;

-- migrate:down

DROP FUNCTION js_round(double precision);
