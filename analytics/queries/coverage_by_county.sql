-- coverage_by_county: per county code, the active municipalities on $on and
-- their population (unknown populations add nothing); the caller divides by
-- the county's totals from the reference data.
SELECT coalesce(county_code, left(code, 2), '') AS county_code,
       count(*) AS municipalities,
       coalesce(sum(population), 0) AS population
FROM active_members(CAST($on AS DATE))
WHERE kind = 'kommun'
GROUP BY 1
ORDER BY 1
