-- Step 45: firms of the SAM.gov entity extract (optional), one per UEI: legal name, CAGE code, physical
-- address and NAICS codes (primary first). Input: sam_raw (the extract's fields as text; empty without one).
-- Subaward files name no industry for a subawardee and often no ZIP: steps 50 and 60 take them from here.
CREATE OR REPLACE TABLE sam_entity AS
WITH typed AS (
  SELECT
    upper(trim(uei)) AS uei,
    nullif(trim(name), '') AS name,
    nullif(upper(trim(cage)), '') AS cage,
    nullif(trim(city), '') AS city,
    nullif(upper(trim(state)), '') AS state,
    upper(trim(coalesce(country, ''))) AS country,
    nullif(left(regexp_replace(coalesce(zip, ''), '[^0-9]', '', 'g'), 5), '') AS zip,
    regexp_extract(coalesce(primary_naics, ''), '^[0-9]{6}') AS primary_naics,
    list_filter(
      list_transform(string_split(coalesce(naics, ''), '~'), lambda item: regexp_extract(trim(item), '^[0-9]{6}')),
      lambda code: code <> ''
    ) AS listed
  FROM sam_raw
)
SELECT
  uei,
  any_value(name) AS name,
  any_value(cage) AS cage,
  any_value(city) AS city,
  any_value(state) AS state,
  any_value(country) AS country,
  -- Only a US address has a ZIP the pipeline may place a firm by.
  any_value(CASE WHEN country IN ('USA', 'US') THEN zip END) AS zip,
  any_value(
    CASE WHEN primary_naics = '' THEN listed
    ELSE list_prepend(primary_naics, list_filter(listed, lambda code: code <> primary_naics)) END
  ) AS naics
FROM typed
GROUP BY uei;
