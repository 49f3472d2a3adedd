-- Step 30: the region's DoD-performing firms: every firm with DoD obligations placed in the region, by firm.
-- Name, CAGE, city and ZIP are those of its latest in-region transaction; its county is the one where it
-- performed the most dollars; its NAICS codes are ordered by dollars, largest first.
CREATE OR REPLACE TABLE region_firm AS
WITH tx AS (SELECT * FROM prime_placed WHERE in_region),
by_county AS (SELECT firm, county, sum(obligation) AS dollars FROM tx GROUP BY firm, county),
by_naics AS (SELECT firm, naics, sum(obligation) AS dollars FROM tx WHERE naics IS NOT NULL GROUP BY firm, naics)
SELECT
  tx.firm,
  any_value(tx.uei) AS uei,
  arg_max(tx.name, tx.action_date) AS name,
  arg_max(tx.cage, tx.action_date) FILTER (WHERE tx.cage IS NOT NULL) AS cage,
  arg_max(tx.city, tx.action_date) FILTER (WHERE tx.city IS NOT NULL) AS city,
  arg_max(tx.state, tx.action_date) FILTER (WHERE tx.state IS NOT NULL) AS state,
  arg_max(tx.zip, tx.action_date) FILTER (WHERE tx.zip IS NOT NULL) AS zip,
  (SELECT arg_max(c.county, c.dollars) FROM by_county c WHERE c.firm = tx.firm) AS county,
  (SELECT list(n.naics ORDER BY n.dollars DESC, n.naics) FROM by_naics n WHERE n.firm = tx.firm) AS naics,
  sum(tx.obligation) AS obligations,
  count(DISTINCT tx.fiscal_year) AS years
FROM tx
GROUP BY tx.firm;
