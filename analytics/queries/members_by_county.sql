-- members_by_county: the active members on $on per county code (a
-- municipality without one counts in the county of its code's first two
-- digits; a member with neither under ''), by code.
SELECT coalesce(county_code, left(CASE WHEN kind = 'kommun' THEN code END, 2), '') AS county_code,
       count(*) AS members
FROM active_members(CAST($on AS DATE))
GROUP BY 1
ORDER BY 1
