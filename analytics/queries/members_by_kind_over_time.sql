-- members_by_kind_over_time: the active members per kind at every 31 December
-- from the year of the first membership up to the year before that of $on,
-- and on $on itself (the days of the overview's growth line); every kind is
-- listed (with 0 when none) in the order kommun, region, kommunalforbund, ovrig.
WITH first_year AS (
    SELECT least(coalesce(year(min(joined_on)), year(CAST($on AS DATE))), year(CAST($on AS DATE))) AS year
    FROM members
),
as_of AS (
    SELECT make_date(CAST(year AS INTEGER), 12, 31) AS d
    FROM (
        SELECT unnest(range(first_year.year, year(CAST($on AS DATE)))) AS year
        FROM first_year
    )
    UNION ALL
    SELECT CAST($on AS DATE)
),
active_members AS (
    -- on day d a member is active when joined_on <= d and (left_on is empty or d <= left_on)
    SELECT as_of.d, m.id, m.kind
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
),
kinds (place, kind) AS (
    VALUES (1, 'kommun'), (2, 'region'), (3, 'kommunalforbund'), (4, 'ovrig')
)
SELECT as_of.d, kinds.kind, count(am.id) AS members
FROM as_of
CROSS JOIN kinds
LEFT JOIN active_members AS am ON am.d = as_of.d AND am.kind = kinds.kind
GROUP BY as_of.d, kinds.place, kinds.kind
ORDER BY as_of.d, kinds.place
