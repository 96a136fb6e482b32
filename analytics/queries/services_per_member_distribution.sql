-- services_per_member_distribution: how many active members take part in
-- 0, 1, 2, … distinct services (kind 'service') on $on, every count from 0 to
-- the largest listed.
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
services_per_member AS (
    SELECT am.id, count(DISTINCT ap.service_id) FILTER (WHERE ap.service_kind = 'service') AS services
    FROM active_members AS am
    LEFT JOIN active_participations AS ap ON ap.member_id = am.id
    GROUP BY am.id
),
counts AS (
    SELECT unnest(range(0, coalesce(max(services), 0) + 1)) AS services FROM services_per_member
)
SELECT counts.services, count(spm.id) AS members
FROM counts
LEFT JOIN services_per_member AS spm ON spm.services = counts.services
GROUP BY counts.services
ORDER BY counts.services
