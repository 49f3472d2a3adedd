-- Step 50: DoD contract subawards, typed and placed. Input: sub_raw (every column VARCHAR, the download's
-- own header names, plus source_file), zip_county (zip, county) for subawardees, who have no county column,
-- and sam_entity (step 45): a domestic subawardee without a ZIP, city or state takes those of its SAM record.
-- A subaward counts when its prime award's awarding agency is DoD (097) and it has an amount, a fiscal year and
-- both firms named. Firms are their UEI, else their upper-cased name, as for primes.
CREATE OR REPLACE TABLE sub AS
WITH typed AS (
  SELECT
    source_file,
    nullif(upper(trim(prime_awardee_uei)), '') AS prime_uei,
    nullif(trim(prime_awardee_name), '') AS prime_name,
    CASE WHEN regexp_matches(trim(coalesce(prime_awardee_county_fips_code, '')), '^[0-9]{1,5}$')
      THEN lpad(trim(prime_awardee_county_fips_code), 5, '0') END AS prime_county,
    nullif(upper(trim(subawardee_uei)), '') AS sub_uei,
    nullif(trim(subawardee_name), '') AS sub_name,
    nullif(trim(subawardee_city_name), '') AS sub_city,
    nullif(upper(trim(subawardee_state_code)), '') AS sub_state,
    upper(trim(coalesce(subawardee_country_code, ''))) IN ('', 'USA', 'US', 'UNITED STATES') AS sub_domestic,
    -- A foreign postal code can look like a US ZIP (10115 is Berlin and New York): only domestic firms keep one.
    CASE WHEN upper(trim(coalesce(subawardee_country_code, ''))) IN ('', 'USA', 'US', 'UNITED STATES')
      THEN nullif(left(regexp_replace(coalesce(subawardee_zip_code, ''), '[^0-9]', '', 'g'), 5), '') END AS sub_zip,
    nullif(trim(prime_award_naics_code), '') AS naics,
    trim(coalesce(prime_award_awarding_agency_code, '')) = '097' AS dod,
    try_cast(trim(subaward_amount) AS DOUBLE) AS amount,
    try_cast(trim(subaward_action_date_fiscal_year) AS INTEGER) AS fiscal_year
  FROM sub_raw
),
placed AS (
  SELECT t.* REPLACE (
    coalesce(t.sub_zip, CASE WHEN t.sub_domestic THEN s.zip END) AS sub_zip,
    coalesce(t.sub_city, CASE WHEN t.sub_domestic THEN s.city END) AS sub_city,
    coalesce(t.sub_state, CASE WHEN t.sub_domestic THEN s.state END) AS sub_state
  )
  FROM typed t
  LEFT JOIN sam_entity s ON s.uei = t.sub_uei
)
SELECT
  t.*,
  coalesce(prime_uei, 'NAME:' || upper(prime_name)) AS prime_firm,
  coalesce(sub_uei, 'NAME:' || upper(sub_name)) AS sub_firm,
  z.county AS sub_county,
  -- A prime is in the region when it is one of the region's DoD performers (step 30), or its address is.
  coalesce(prime_uei, 'NAME:' || upper(prime_name)) IN (SELECT firm FROM region_firm)
    OR coalesce(prime_county IN (SELECT fips FROM region_county), false) AS prime_in_region,
  coalesce(z.county IN (SELECT fips FROM region_county), false) AS sub_in_region
FROM placed t
LEFT JOIN zip_county z ON z.zip = t.sub_zip
WHERE dod AND amount IS NOT NULL AND fiscal_year IS NOT NULL AND prime_name IS NOT NULL AND sub_name IS NOT NULL;
