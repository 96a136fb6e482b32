-- service_participants: every service and network with, on $on, its distinct
-- active participants, of them the municipalities, and their share of all
-- active members (NULL with no active member); running says the service is
-- neither started after nor ended before the day. Services first, then
-- networks, each by name in Swedish order.
-- The distinct member × service pairs of the day are counted per service
-- before the services' names join them: count(DISTINCT) in the group and the
-- Swedish collation of each of 40 000 rows took two thirds of the time.
WITH member_count AS (
    SELECT count(*) AS members FROM active_members(CAST($on AS DATE))
),
participants AS (
    SELECT service_id, count(*) AS participants,
           count(*) FILTER (WHERE member_kind = 'kommun') AS municipalities
    FROM (SELECT DISTINCT service_id, member_id, member_kind FROM active_participations(CAST($on AS DATE)))
    GROUP BY service_id
)
SELECT s.id, s.name, s.kind, coalesce(s.area, '') AS area,
       (s.started_on IS NULL OR s.started_on <= CAST($on AS DATE))
           AND (s.ended_on IS NULL OR CAST($on AS DATE) <= s.ended_on) AS running,
       coalesce(p.participants, 0) AS participants,
       coalesce(p.municipalities, 0) AS municipalities,
       coalesce(p.participants, 0) / nullif(mc.members, 0) AS share
FROM services AS s
CROSS JOIN member_count AS mc
LEFT JOIN participants AS p ON p.service_id = s.id
ORDER BY CASE s.kind WHEN 'service' THEN 0 ELSE 1 END, s.name COLLATE sv
