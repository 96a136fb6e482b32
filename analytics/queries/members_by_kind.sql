-- members_by_kind: the active members on $on per kind, every kind listed
-- (with 0 when none) in the order kommun, region, kommunalforbund, ovrig.
WITH kinds (place, kind) AS (
    VALUES (1, 'kommun'), (2, 'region'), (3, 'kommunalforbund'), (4, 'ovrig')
)
SELECT kinds.kind, count(am.id) AS members
FROM kinds
LEFT JOIN active_members(CAST($on AS DATE)) AS am ON am.kind = kinds.kind
GROUP BY kinds.place, kinds.kind
ORDER BY kinds.place
