-- Step 10: contract prime transactions, typed. Input: prime_raw (every column VARCHAR, the download's own
-- header names, plus source_file). One row per transaction; nothing is dropped here, only typed and trimmed.
-- County FIPS are left-padded to 5 digits (some tools drop the leading zero); an empty cell becomes NULL.
-- A view, not a table: step 20 keeps the DoD rows it places, and storing every transaction first would cost
-- more than reading the download again (most of it is not DoD, or not read at all).
CREATE OR REPLACE VIEW prime AS
SELECT
  source_file,
  nullif(trim(contract_transaction_unique_key), '') AS transaction_key,
  nullif(trim(contract_award_unique_key), '') AS award_key,
  nullif(upper(trim(recipient_uei)), '') AS uei,
  nullif(trim(recipient_name), '') AS name,
  nullif(upper(trim(cage_code)), '') AS cage,
  nullif(trim(recipient_city_name), '') AS city,
  nullif(upper(trim(recipient_state_code)), '') AS state,
  nullif(left(regexp_replace(coalesce(recipient_zip_4_code, ''), '[^0-9]', '', 'g'), 5), '') AS zip,
  CASE WHEN regexp_matches(trim(coalesce(prime_award_transaction_recipient_county_fips_code, '')), '^[0-9]{1,5}$')
    THEN lpad(trim(prime_award_transaction_recipient_county_fips_code), 5, '0') END AS recipient_county,
  CASE WHEN regexp_matches(trim(coalesce(prime_award_transaction_place_of_performance_county_fips_code, '')), '^[0-9]{1,5}$')
    THEN lpad(trim(prime_award_transaction_place_of_performance_county_fips_code), 5, '0') END AS performance_county,
  nullif(trim(naics_code), '') AS naics,
  nullif(trim(naics_description), '') AS naics_title,
  trim(coalesce(awarding_agency_code, '')) = '097' AS dod,
  nullif(trim(awarding_sub_agency_name), '') AS sub_agency,
  try_cast(trim(federal_action_obligation) AS DOUBLE) AS obligation,
  try_cast(trim(action_date) AS DATE) AS action_date,
  try_cast(trim(action_date_fiscal_year) AS INTEGER) AS fiscal_year
FROM prime_raw;

-- How many transactions the downloads hold, and how many are DoD's, for the report.
CREATE OR REPLACE TABLE prime_count AS
SELECT count(*) AS transactions, count(*) FILTER (WHERE dod) AS dod FROM prime;
