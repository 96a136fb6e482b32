-- service_adoption: for every service and network, its distinct active
-- participants at each 31 December from the year its first participation
-- began (or the year of $on) to the year before $on, and on $on itself: the
-- adoption curves of the services page. Rows by service, then day.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
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
active_participations AS (
    -- active on d: from <= d, (to is empty or d <= to), its member active on d
    -- and its service not ended before d
    SELECT days.d, p.service_id, p.member_id
    FROM days
    JOIN participations AS p
      ON p.from_on <= days.d AND (p.to_on IS NULL OR days.d <= p.to_on)
    JOIN members AS m
      ON m.id = p.member_id AND m.joined_on <= days.d AND (m.left_on IS NULL OR days.d <= m.left_on)
    JOIN services AS s
      ON s.id = p.service_id AND (s.ended_on IS NULL OR days.d <= s.ended_on)
)
SELECT s.id AS service_id, days.d AS day, count(DISTINCT ap.member_id) AS participants
FROM services AS s
CROSS JOIN days
LEFT JOIN active_participations AS ap ON ap.service_id = s.id AND ap.d = days.d
GROUP BY s.id, days.d
ORDER BY s.id, days.d
