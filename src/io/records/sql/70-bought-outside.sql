-- Step 70: the capabilities the region's primes buy outside it: subaward dollars per year (summed over the
-- fiscal years of the subaward files, divided by their number) from firms outside the region (or not placed)
-- to primes in it, by capability, largest first.
CREATE OR REPLACE TABLE bought_outside AS
WITH years AS (SELECT greatest(count(DISTINCT fiscal_year), 1) AS n FROM sub)
SELECT
  capability,
  sum(value) FILTER (WHERE NOT source_in_region) / (SELECT n FROM years) AS outside,
  sum(value) / (SELECT n FROM years) AS total,
  count(DISTINCT source) FILTER (WHERE NOT source_in_region) AS outside_suppliers
FROM region_link
WHERE target_in_region AND capability IS NOT NULL
GROUP BY capability
HAVING sum(value) FILTER (WHERE NOT source_in_region) > 0
ORDER BY outside DESC, capability;
