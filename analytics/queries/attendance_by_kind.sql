-- attendance_by_kind: per member kind, at the events dated in [Y1, $on] of
-- the year of $on, the people who came and the membership rows they came
-- from (a row with 0 people is no attending member); every kind is listed
-- (with 0 when none) in the order kommun, region, kommunalforbund, ovrig.
WITH kinds (place, kind) AS (
    VALUES (1, 'kommun'), (2, 'region'), (3, 'kommunalforbund'), (4, 'ovrig')
),
attending_members AS (
    SELECT m.id AS member_id, m.kind, a.attendees
    FROM events AS e
    JOIN attendance AS a ON a.event_id = e.id AND a.attendees > 0
    JOIN members AS m ON m.id = a.member_id
    WHERE e.held_on BETWEEN CAST(date_trunc('year', CAST($on AS DATE)) AS DATE) AND CAST($on AS DATE)
)
SELECT kinds.kind,
       count(DISTINCT am.member_id) AS members,
       CAST(coalesce(sum(am.attendees), 0) AS BIGINT) AS people
FROM kinds
LEFT JOIN attending_members AS am ON am.kind = kinds.kind
GROUP BY kinds.place, kinds.kind
ORDER BY kinds.place
