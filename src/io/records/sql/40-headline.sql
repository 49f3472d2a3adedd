-- Step 40: the region's headline by fiscal year: DoD obligations placed in the region (by the rule of step 20,
-- and by each place alone), the state's, and the region's share of it. The state is the region's counties'
-- state(s); a transaction counts for the state when its county (same rule) is in that state.
CREATE OR REPLACE TABLE headline_year AS
WITH states AS (SELECT DISTINCT left(fips, 2) AS state_fips FROM region_county)
SELECT
  fiscal_year,
  sum(obligation) FILTER (WHERE in_region) AS region,
  sum(obligation) FILTER (WHERE performed_in_region) AS region_by_performance,
  sum(obligation) FILTER (WHERE recipient_in_region) AS region_by_recipient,
  sum(obligation) FILTER (WHERE left(county, 2) IN (SELECT state_fips FROM states)) AS state,
  count(DISTINCT firm) FILTER (WHERE in_region) AS firms
FROM prime_placed
GROUP BY fiscal_year
ORDER BY fiscal_year;

-- The region's NAICS codes by DoD dollars, largest first.
CREATE OR REPLACE TABLE headline_naics AS
SELECT naics, any_value(naics_title) AS title, sum(obligation) AS dollars, count(DISTINCT firm) AS firms
FROM prime_placed
WHERE in_region AND naics IS NOT NULL
GROUP BY naics
ORDER BY dollars DESC, naics;
