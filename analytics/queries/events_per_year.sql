-- events_per_year: per year, from the year of the first event (or of $on) to
-- the year of $on, the events dated up to $on, hosted or attended, by format
-- and by role.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
),
events_so_far AS (
    SELECT e.*
    FROM events AS e, as_of
    WHERE e.held_on <= as_of.d
),
first_year AS (
    SELECT coalesce((SELECT year(min(held_on)) FROM events_so_far), year(as_of.d)) AS year
    FROM as_of
),
years AS (
    SELECT CAST(unnest(range(first_year.year, year(as_of.d) + 1)) AS INTEGER) AS year
    FROM first_year, as_of
)
SELECT years.year,
       count(e.id) AS events,
       count(e.id) FILTER (WHERE e.format = 'digital') AS digital,
       count(e.id) FILTER (WHERE e.format = 'physical') AS physical,
       count(e.id) FILTER (WHERE e.format = 'hybrid') AS hybrid,
       count(e.id) FILTER (WHERE e.role = 'host') AS hosted,
       count(e.id) FILTER (WHERE e.role = 'participant') AS participated
FROM years
LEFT JOIN events_so_far AS e ON year(e.held_on) = years.year
GROUP BY years.year
ORDER BY years.year
