-- The Open data import of a contract Subawards download (src/io/import/import-subawards.ts), on the same engine
-- as the steps of build-region. Every subaward counts here, of any agency, with or without an amount or a year:
-- the file is the user's selection.
-- Input: sa_raw, one file's rows with their record number (`row`, the header being row 1) and the columns of
-- SUBAWARD_IMPORT_COLUMNS as text (NULL where the file has none); sa_options (decimal_comma), true when the
-- file's fields are split by another character than a comma (Excel's CSV where the comma is the decimal mark).
-- Output: sa_firm, each appearance of a firm (side, UEI, name, country and ZIP as written) with the facts of its
-- first row; sa_pair, the subawards grouped by their two appearances and fiscal year; sa_issue, the rows whose
-- text the engine could not take. Which appearances are one firm (a valid UEI, else the name and ZIP) is
-- decided by the importer, with the checks every format's firms go through.

-- A subaward is read when both firms are named; its amount when it is a number (a leading $ and thousands
-- separators allowed, and a decimal comma where the file uses one), its NAICS when it is 6 digits, its year from
-- the fiscal year column, else the date's. Each side's appearance (UEI, name, country and ZIP as written) is
-- numbered by the first row that names it: twice that row for a prime awardee, plus one for a subawardee, so
-- that the numbers run in the order the rows name the firms.
CREATE OR REPLACE TABLE sa_read AS
WITH named AS (
  SELECT
    row,
    trim(coalesce(prime_awardee_name, '')) AS prime_name,
    trim(coalesce(prime_awardee_uei, '')) AS prime_uei,
    upper(trim(coalesce(prime_awardee_country_code, ''))) AS prime_country,
    trim(coalesce(prime_awardee_zip_code, '')) AS prime_zip,
    trim(coalesce(prime_awardee_city_name, '')) AS prime_city,
    trim(coalesce(prime_awardee_address_line_1, '')) AS prime_address,
    trim(coalesce(prime_awardee_state_code, '')) AS prime_state,
    trim(coalesce(prime_awardee_country_name, '')) AS prime_country_name,
    trim(coalesce(prime_awardee_foreign_postal_code, '')) AS prime_foreign_postal_code,
    trim(coalesce(prime_awardee_county_fips_code, '')) AS prime_county,
    trim(coalesce(prime_awardee_state_fips_code, '')) AS prime_state_fips,
    trim(coalesce(subawardee_name, '')) AS sub_name,
    trim(coalesce(subawardee_uei, '')) AS sub_uei,
    upper(trim(coalesce(subawardee_country_code, ''))) AS sub_country,
    trim(coalesce(subawardee_zip_code, '')) AS sub_zip,
    trim(coalesce(subawardee_city_name, '')) AS sub_city,
    trim(coalesce(subawardee_address_line_1, '')) AS sub_address,
    trim(coalesce(subawardee_state_code, '')) AS sub_state,
    trim(coalesce(subawardee_country_name, '')) AS sub_country_name,
    trim(coalesce(subawardee_foreign_postal_code, '')) AS sub_foreign_postal_code,
    trim(coalesce(subaward_amount, '')) AS amount_text,
    trim(coalesce(prime_award_naics_code, '')) AS naics_text,
    trim(coalesce(subaward_action_date, '')) AS action_date,
    trim(coalesce(subaward_action_date_fiscal_year, '')) AS year_text
  FROM sa_raw
  WHERE trim(coalesce(prime_awardee_name, '')) <> '' AND trim(coalesce(subawardee_name, '')) <> ''
)
SELECT
  named.*,
  CASE WHEN amount_text = '' THEN NULL
    WHEN (SELECT decimal_comma FROM sa_options)
      THEN try_cast(replace(regexp_replace(amount_text, '^\$|\.', '', 'g'), ',', '.') AS DOUBLE)
    ELSE try_cast(regexp_replace(amount_text, '^\$|,', '', 'g') AS DOUBLE) END AS amount,
  CASE WHEN regexp_matches(naics_text, '^[0-9]{6}(\.0+)?$') THEN left(naics_text, 6) END AS naics,
  CASE WHEN try_cast(coalesce(nullif(year_text, ''), left(action_date, 4)) AS INTEGER) BETWEEN 1900 AND 2100
    THEN try_cast(coalesce(nullif(year_text, ''), left(action_date, 4)) AS INTEGER) END AS fiscal_year,
  2 * min(row) OVER (PARTITION BY prime_uei, prime_name, prime_country, prime_zip) AS prime,
  2 * min(row) OVER (PARTITION BY sub_uei, sub_name, sub_country, sub_zip) + 1 AS sub
FROM named;

CREATE OR REPLACE TABLE sa_firm AS
SELECT prime AS id, 0 AS side, row, prime_uei AS uei, prime_name AS name, prime_country AS country,
  prime_zip AS zip, prime_city AS city, prime_address AS address, prime_state AS state,
  prime_country_name AS country_name, prime_foreign_postal_code AS foreign_postal_code,
  prime_county AS county, prime_state_fips AS state_fips
FROM sa_read WHERE prime = 2 * row
UNION ALL
SELECT sub, 1, row, sub_uei, sub_name, sub_country, sub_zip, sub_city, sub_address, sub_state,
  sub_country_name, sub_foreign_postal_code, '', ''
FROM sa_read WHERE sub = 2 * row + 1
ORDER BY id;

-- Amounts that are not finite numbers are not added; a NAICS code's dollars count amounts below zero as zero.
-- A pair's first NAICS code (by row) is on the pair; sa_pair_naics lists the codes of the pairs that have several.
CREATE OR REPLACE TABLE sa_by_naics AS
SELECT
  prime, sub, fiscal_year, naics,
  min(row) AS row,
  sum(amount) FILTER (WHERE isfinite(amount)) AS total,
  count(amount) FILTER (WHERE isfinite(amount)) AS amounts,
  sum(CASE WHEN isfinite(amount) THEN greatest(amount, 0) ELSE 0 END) AS dollars
FROM sa_read
GROUP BY prime, sub, fiscal_year, naics;

CREATE OR REPLACE TABLE sa_pair AS
SELECT
  prime, sub, fiscal_year,
  min(row) AS row,
  coalesce(sum(total), 0) AS total,
  sum(amounts) AS amounts,
  count(naics) AS codes,
  arg_min(naics, row) FILTER (WHERE naics IS NOT NULL) AS naics,
  arg_min(dollars, row) FILTER (WHERE naics IS NOT NULL) AS dollars
FROM sa_by_naics
GROUP BY prime, sub, fiscal_year;

CREATE OR REPLACE TABLE sa_pair_naics AS
SELECT n.prime, n.sub, n.fiscal_year, n.naics, n.dollars, n.row
FROM sa_by_naics n
JOIN sa_pair p ON p.prime = n.prime AND p.sub = n.sub AND p.fiscal_year IS NOT DISTINCT FROM n.fiscal_year
WHERE p.codes > 1 AND n.naics IS NOT NULL;

CREATE OR REPLACE TABLE sa_issue AS
SELECT row, 'subaward-no-prime' AS reason, 'prime_awardee_name' AS field, '' AS value, NULL AS prime, NULL AS sub
FROM sa_raw WHERE trim(coalesce(prime_awardee_name, '')) = ''
UNION ALL
SELECT row, 'subaward-no-subawardee', 'subawardee_name', '', NULL, NULL
FROM sa_raw WHERE trim(coalesce(prime_awardee_name, '')) <> '' AND trim(coalesce(subawardee_name, '')) = ''
UNION ALL
SELECT row, 'value-invalid', 'subaward_amount', amount_text, prime, sub
FROM sa_read WHERE amount_text <> '' AND (amount IS NULL OR NOT isfinite(amount))
UNION ALL
SELECT row, 'naics-invalid', 'prime_award_naics_code', naics_text, prime, sub
FROM sa_read WHERE naics_text <> '' AND naics IS NULL
ORDER BY row, reason;
