-- attendance_by_county: per county code (as coverage_by_county reads it: the
-- member's county, else the first two digits of its code, else ''), at the
-- events dated in [Y1, $on] of the year of $on, the people who came and the
-- membership rows they came from; counties nobody came from are left out.
WITH events_of_year AS (
    SELECT e.id
    FROM events AS e
    WHERE e.held_on BETWEEN CAST(date_trunc('year', CAST($on AS DATE)) AS DATE) AND CAST($on AS DATE)
),
attending_members AS (
    SELECT m.id AS member_id, coalesce(m.county_code, left(m.code, 2), '') AS county_code, a.attendees
    FROM attendance AS a
    JOIN events_of_year AS e ON e.id = a.event_id
    JOIN members AS m ON m.id = a.member_id
    WHERE a.attendees > 0
)
SELECT county_code,
       count(DISTINCT member_id) AS members,
       CAST(sum(attendees) AS BIGINT) AS people
FROM attending_members
GROUP BY county_code
ORDER BY county_code
