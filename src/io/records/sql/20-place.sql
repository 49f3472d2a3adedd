-- Step 20: where each DoD transaction happened, and whether that is in the region. Input: prime, region_county.
-- The rule: the place of performance county when the record has one, else the recipient's address county.
-- Both are kept, so the report can count the region's dollars by either rule. Only the transactions placed in
-- the region's state(s), or not placed at all, are kept: no later step reads the others (a national download
-- is mostly other states).
CREATE OR REPLACE TABLE prime_placed AS
SELECT
  p.*,
  coalesce(performance_county, recipient_county) AS county,
  CASE
    WHEN performance_county IS NOT NULL THEN 'performance'
    WHEN recipient_county IS NOT NULL THEN 'recipient'
    ELSE 'none'
  END AS placed_by,
  coalesce(performance_county, recipient_county) IN (SELECT fips FROM region_county) AS in_region,
  coalesce(performance_county IN (SELECT fips FROM region_county), false) AS performed_in_region,
  coalesce(recipient_county IN (SELECT fips FROM region_county), false) AS recipient_in_region,
  -- A firm is its UEI; a record without one is its name, upper-cased.
  coalesce(uei, 'NAME:' || upper(name)) AS firm
FROM prime p
WHERE dod AND obligation IS NOT NULL AND fiscal_year IS NOT NULL AND (uei IS NOT NULL OR name IS NOT NULL)
  AND (
    coalesce(performance_county, recipient_county) IS NULL
    OR left(coalesce(performance_county, recipient_county), 2) IN (SELECT DISTINCT left(fips, 2) FROM region_county)
  );
