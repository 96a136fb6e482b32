-- joined_lost_by_year: per year, from the first year anyone joined (or the
-- year of $on) to the year of $on, the membership rows of every kind that
-- joined and that were lost (left_on, the last day) in it: members_joined and
-- members_lost at 31 December, and at $on for its own year.
WITH first_year AS (
    SELECT least(coalesce(year(min(joined_on)), year(CAST($on AS DATE))), year(CAST($on AS DATE))) AS year
    FROM members
),
years AS (
    SELECT year, least(make_date(year, 12, 31), CAST($on AS DATE)) AS last_day
    FROM (
        SELECT CAST(unnest(range(first_year.year, year(CAST($on AS DATE)) + 1)) AS INTEGER) AS year
        FROM first_year
    )
)
SELECT years.year, jl.joined, jl.lost
FROM years, joined_lost_on(years.last_day) AS jl
ORDER BY years.year
