-- attendees_of_year: the membership rows that sent anyone to the events dated
-- in [Y1, $on] of the year of $on, with the county as attendance_by_county
-- reads it and the people they sent: what a bar of attendance by kind or by
-- county counts, member by member.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d, CAST(date_trunc('year', CAST($on AS DATE)) AS DATE) AS y1
)
SELECT m.id, m.name, m.kind, coalesce(m.county_code, left(m.code, 2), '') AS county_code,
       CAST(sum(a.attendees) AS BIGINT) AS people
FROM attendance AS a
JOIN events AS e ON e.id = a.event_id
JOIN members AS m ON m.id = a.member_id, as_of
WHERE e.held_on BETWEEN as_of.y1 AND as_of.d AND a.attendees > 0
GROUP BY m.id, m.name, m.kind, m.county_code, m.code
ORDER BY m.name COLLATE sv, m.id
