-- service_participants: every service and network with, on $on, its distinct
-- active participants, of them the municipalities, and their share of all
-- active members (NULL with no active member); running says the service is
-- neither started after nor ended before the day. Services first, then
-- networks, each by name in Swedish order.
WITH member_count AS (
    SELECT count(*) AS members FROM active_members(CAST($on AS DATE))
)
SELECT s.id, s.name, s.kind, coalesce(s.area, '') AS area,
       (s.started_on IS NULL OR s.started_on <= CAST($on AS DATE))
           AND (s.ended_on IS NULL OR CAST($on AS DATE) <= s.ended_on) AS running,
       count(DISTINCT ap.member_id) AS participants,
       count(DISTINCT ap.member_id) FILTER (WHERE ap.member_kind = 'kommun') AS municipalities,
       count(DISTINCT ap.member_id) / nullif(any_value(mc.members), 0) AS share
FROM services AS s
CROSS JOIN member_count AS mc
LEFT JOIN active_participations(CAST($on AS DATE)) AS ap ON ap.service_id = s.id
GROUP BY s.id, s.name, s.kind, s.area, s.started_on, s.ended_on
ORDER BY CASE s.kind WHEN 'service' THEN 0 ELSE 1 END, s.name COLLATE sv
