-- service_participants: every service and network with, on $on, its distinct
-- active participants, of them the municipalities, and their share of all
-- active members (NULL with no active member); running says the service is
-- neither started after nor ended before the day. Services first, then
-- networks, each by name in Swedish order.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
),
active_members AS (
    -- on day d a member is active when joined_on <= d and (left_on is empty or d <= left_on)
    SELECT as_of.d, m.*
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
),
active_participations AS (
    -- active on d: from <= d, (to is empty or d <= to), its member active on d
    -- and its service not ended before d
    SELECT am.d, p.member_id, am.kind AS member_kind, p.service_id, s.kind AS service_kind
    FROM active_members AS am
    JOIN participations AS p
      ON p.member_id = am.id AND p.from_on <= am.d AND (p.to_on IS NULL OR am.d <= p.to_on)
    JOIN services AS s
      ON s.id = p.service_id AND (s.ended_on IS NULL OR am.d <= s.ended_on)
),
member_count AS (
    SELECT count(*) AS members FROM active_members
)
SELECT s.id, s.name, s.kind, coalesce(s.area, '') AS area,
       (s.started_on IS NULL OR s.started_on <= as_of.d)
           AND (s.ended_on IS NULL OR as_of.d <= s.ended_on) AS running,
       count(DISTINCT ap.member_id) AS participants,
       count(DISTINCT ap.member_id) FILTER (WHERE ap.member_kind = 'kommun') AS municipalities,
       count(DISTINCT ap.member_id) / nullif(any_value(mc.members), 0) AS share
FROM services AS s
CROSS JOIN as_of
CROSS JOIN member_count AS mc
LEFT JOIN active_participations AS ap ON ap.service_id = s.id
GROUP BY s.id, s.name, s.kind, s.area, s.started_on, s.ended_on, as_of.d
ORDER BY CASE s.kind WHEN 'service' THEN 0 ELSE 1 END, s.name COLLATE sv
