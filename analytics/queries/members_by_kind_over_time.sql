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
members_on AS (
    SELECT as_of.d, m.id, m.kind
    FROM as_of, active_members(as_of.d) AS m
),
kinds (place, kind) AS (
    VALUES (1, 'kommun'), (2, 'region'), (3, 'kommunalforbund'), (4, 'ovrig')
)
SELECT as_of.d, kinds.kind, count(mo.id) AS members
FROM as_of
CROSS JOIN kinds
LEFT JOIN members_on AS mo ON mo.d = as_of.d AND mo.kind = kinds.kind
GROUP BY as_of.d, kinds.place, kinds.kind
ORDER BY as_of.d, kinds.place
