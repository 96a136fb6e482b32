-- member_service_matrix: the pairs (member, service) of the active
-- participations on $on, by DESIGN's definition of active: the cells of the
-- member × service matrix.
SELECT DISTINCT member_id, service_id
FROM active_participations(CAST($on AS DATE))
ORDER BY member_id, service_id
