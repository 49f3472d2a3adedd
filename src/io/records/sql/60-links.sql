-- Step 60: the supply links of the bundle: subawardee → prime, one per pair, capability (the prime award's
-- NAICS, the only industry code a subaward carries) and fiscal year, wherever either firm is in the region.
-- The value is the pair's subaward dollars in that fiscal year; the app averages them over the years it shows.
CREATE OR REPLACE TABLE region_link AS
SELECT
  sub_firm AS source,
  prime_firm AS target,
  naics AS capability,
  fiscal_year,
  sum(amount) AS value,
  bool_or(sub_in_region) AS source_in_region,
  bool_or(prime_in_region) AS target_in_region
FROM sub
WHERE prime_in_region OR sub_in_region
GROUP BY sub_firm, prime_firm, naics, fiscal_year
HAVING sub_firm <> prime_firm;

-- Every firm the bundle holds: the region's DoD-performing firms (step 30), and each other firm named by a
-- link above, with the facts its latest subaward gives and, with a SAM.gov extract, those of its SAM record.
CREATE OR REPLACE TABLE bundle_firm AS
WITH named AS (
  SELECT prime_firm AS firm, prime_uei AS uei, prime_name AS name, NULL AS city, NULL AS state, NULL AS zip,
    prime_county AS county, fiscal_year, 'prime' AS side
  FROM sub
  UNION ALL
  SELECT sub_firm, sub_uei, sub_name, sub_city, sub_state, sub_zip, sub_county, fiscal_year, 'sub'
  FROM sub
),
linked AS (SELECT source AS firm FROM region_link UNION SELECT target FROM region_link),
others AS (
  SELECT
    n.firm,
    any_value(n.uei) AS uei,
    arg_max(n.name, n.fiscal_year) AS name,
    arg_max(n.city, n.fiscal_year) FILTER (WHERE n.city IS NOT NULL) AS city,
    arg_max(n.state, n.fiscal_year) FILTER (WHERE n.state IS NOT NULL) AS state,
    arg_max(n.zip, n.fiscal_year) FILTER (WHERE n.zip IS NOT NULL) AS zip,
    arg_max(n.county, n.fiscal_year) FILTER (WHERE n.county IS NOT NULL) AS county,
    bool_or(n.side = 'prime') AS is_prime
  FROM named n
  WHERE n.firm IN (SELECT firm FROM linked) AND n.firm NOT IN (SELECT firm FROM region_firm)
  GROUP BY n.firm
)
SELECT
  r.firm, r.uei, r.name, coalesce(r.cage, s.cage) AS cage, r.city, r.state, r.zip, r.county, r.naics,
  r.obligations, true AS is_prime, true AS dod_performer
FROM region_firm r
LEFT JOIN sam_entity s ON s.uei = r.uei
UNION ALL
-- The other firms take what the subawards do not say from their SAM record: CAGE code, NAICS codes, and a
-- place when the subawards give none.
SELECT
  o.firm, o.uei, o.name, s.cage, coalesce(o.city, s.city), coalesce(o.state, s.state), coalesce(o.zip, s.zip),
  coalesce(o.county, z.county), coalesce(s.naics, []::VARCHAR[]), NULL, o.is_prime, false
FROM others o
LEFT JOIN sam_entity s ON s.uei = o.uei
LEFT JOIN zip_county z ON o.zip IS NULL AND o.county IS NULL AND z.zip = s.zip;
