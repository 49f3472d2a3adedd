-- Step 80: the region's strongest manufacturing industries by location quotient, from Census County Business
-- Patterns county files. Input: cbp_raw (every column VARCHAR, the file's own lower-case header), possibly
-- empty. A county is fipstate + fipscty; "------" rows are all industries, 6-digit codes one industry.
-- LQ = (region's share of its establishments in the industry) / (the same share over every county of the files
-- given: the whole country for the national county file); the same by employment where it is published.
-- Only manufacturing (NAICS 31-33) industries with at least 5 establishments in the region are ranked.
CREATE OR REPLACE TABLE cbp AS
SELECT
  lpad(trim(fipstate), 2, '0') || lpad(trim(fipscty), 3, '0') AS county,
  trim(naics) AS naics,
  try_cast(trim(emp) AS DOUBLE) AS emp,
  try_cast(trim(est) AS DOUBLE) AS est
FROM cbp_raw
WHERE regexp_matches(trim(coalesce(fipstate, '')), '^[0-9]{1,2}$')
  AND regexp_matches(trim(coalesce(fipscty, '')), '^[0-9]{1,3}$');

CREATE OR REPLACE TABLE strength AS
WITH
  six AS (SELECT * FROM cbp WHERE regexp_matches(naics, '^[0-9]{6}$')),
  total AS (SELECT * FROM cbp WHERE naics = '------'),
  region_total AS (
    SELECT sum(est) AS est, sum(emp) AS emp FROM total WHERE county IN (SELECT fips FROM region_county)
  ),
  all_total AS (SELECT sum(est) AS est, sum(emp) AS emp FROM total),
  region_naics AS (
    SELECT naics, sum(est) AS est, sum(emp) AS emp
    FROM six
    WHERE county IN (SELECT fips FROM region_county)
    GROUP BY naics
  ),
  all_naics AS (SELECT naics, sum(est) AS est, sum(emp) AS emp FROM six GROUP BY naics)
SELECT
  r.naics,
  r.est,
  r.emp,
  (r.est / rt.est) / (a.est / alls.est) AS lq_est,
  CASE WHEN r.emp > 0 AND a.emp > 0 AND rt.emp > 0 AND alls.emp > 0
    THEN (r.emp / rt.emp) / (a.emp / alls.emp) END AS lq_emp
FROM region_naics r
JOIN all_naics a USING (naics)
CROSS JOIN region_total rt
CROSS JOIN all_total alls
WHERE r.est >= 5 AND left(r.naics, 2) IN ('31', '32', '33') AND rt.est > 0 AND alls.est > 0 AND a.est > 0
ORDER BY lq_est DESC, r.naics;
