-- coverage_by_county: per county code, the active municipalities on $on and
-- their population (unknown populations add nothing); the caller divides by
-- the county's totals from the reference data.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
),
active_members AS (
    -- on day d a member is active when joined_on <= d and (left_on is empty or d <= left_on)
    SELECT as_of.d, m.*
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
)
SELECT coalesce(county_code, left(code, 2), '') AS county_code,
       count(*) AS municipalities,
       coalesce(sum(population), 0) AS population
FROM active_members
WHERE kind = 'kommun'
GROUP BY 1
ORDER BY 1
