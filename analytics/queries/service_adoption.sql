-- service_adoption: for every service and network of $services (their ids,
-- comma-separated; empty: every one), its distinct active participants at
-- each 31 December from the year its first participation began (or the year
-- of $on) to the year before $on, and on $on itself: the adoption curves of
-- the services pages. Rows by service, then day. The pages ask for the
-- services they draw: the days × participations of 300 services cost more
-- than the rest of the page. The services are chosen by the list itself, not
-- by a subquery, which DuckDB applies only after every day's participations
-- of every service are joined (a third of the time), and each day's distinct
-- participants are counted from distinct rows, not by count(DISTINCT).
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
),
chosen AS (
    SELECT id FROM services
    WHERE CAST($services AS VARCHAR) = ''
       OR list_contains(CAST(string_split(CAST($services AS VARCHAR), ',') AS BIGINT[]), id)
),
first_year AS (
    SELECT least(coalesce(year(min(from_on)), year(as_of.d)), year(as_of.d)) AS year
    FROM participations, as_of
    GROUP BY as_of.d
),
days AS (
    SELECT make_date(CAST(y AS INTEGER), 12, 31) AS d
    FROM first_year, as_of, range(first_year.year, year(as_of.d)) AS t (y)
    UNION ALL
    SELECT d FROM as_of
),
participations_on AS (
    SELECT DISTINCT days.d, ap.service_id, ap.member_id
    FROM days, active_participations(days.d) AS ap
    WHERE CAST($services AS VARCHAR) = ''
       OR list_contains(CAST(string_split(CAST($services AS VARCHAR), ',') AS BIGINT[]), ap.service_id)
)
SELECT s.id AS service_id, days.d AS day, count(po.member_id) AS participants
FROM chosen AS s
CROSS JOIN days
LEFT JOIN participations_on AS po ON po.service_id = s.id AND po.d = days.d
GROUP BY s.id, days.d
ORDER BY s.id, days.d
