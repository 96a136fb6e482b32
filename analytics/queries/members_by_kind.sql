-- members_by_kind: the active members on $on per kind, every kind listed
-- (with 0 when none) in the order kommun, region, kommunalforbund, ovrig.
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
kinds (place, kind) AS (
    VALUES (1, 'kommun'), (2, 'region'), (3, 'kommunalforbund'), (4, 'ovrig')
)
SELECT kinds.kind, count(am.id) AS members
FROM kinds
LEFT JOIN active_members AS am ON am.kind = kinds.kind
GROUP BY kinds.place, kinds.kind
ORDER BY kinds.place
