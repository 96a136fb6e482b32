-- members_by_county: the active members on $on per county code (a
-- municipality without one counts in the county of its code's first two
-- digits; a member with neither under ''), by code.
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
SELECT coalesce(county_code, left(CASE WHEN kind = 'kommun' THEN code END, 2), '') AS county_code,
       count(*) AS members
FROM active_members
GROUP BY 1
ORDER BY 1
