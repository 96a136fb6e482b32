-- member_service_matrix: the pairs (member, service) of the active
-- participations on $on, by DESIGN's definition of active: the cells of the
-- member × service matrix.
WITH as_of AS (
    SELECT CAST($on AS DATE) AS d
),
active_members AS (
    -- on day d a member is active when joined_on <= d and (left_on is empty or d <= left_on)
    SELECT as_of.d, m.id
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
)
SELECT DISTINCT p.member_id, p.service_id
FROM active_members AS am
JOIN participations AS p
  ON p.member_id = am.id AND p.from_on <= am.d AND (p.to_on IS NULL OR am.d <= p.to_on)
JOIN services AS s
  ON s.id = p.service_id AND (s.ended_on IS NULL OR am.d <= s.ended_on)
ORDER BY p.member_id, p.service_id
