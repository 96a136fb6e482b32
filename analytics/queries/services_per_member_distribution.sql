-- services_per_member_distribution: how many active members take part in
-- 0, 1, 2, … distinct services (kind 'service') on $on, every count from 0 to
-- the largest listed.
WITH services_per_member AS (
    SELECT m.id, count(DISTINCT ap.service_id) FILTER (WHERE ap.service_kind = 'service') AS services
    FROM active_members(CAST($on AS DATE)) AS m
    LEFT JOIN active_participations(CAST($on AS DATE)) AS ap ON ap.member_id = m.id
    GROUP BY m.id
),
counts AS (
    SELECT unnest(range(0, coalesce(max(services), 0) + 1)) AS services FROM services_per_member
)
SELECT counts.services, count(spm.id) AS members
FROM counts
LEFT JOIN services_per_member AS spm ON spm.services = counts.services
GROUP BY counts.services
ORDER BY counts.services
