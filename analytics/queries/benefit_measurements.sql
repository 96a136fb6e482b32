-- benefit_measurements: the measurements of benefit $benefit dated on or
-- before $on, newest first, with the member's name (NULL: the whole).
SELECT bm.id, bm.measured_on, bm.member_id, m.name, bm.value, bm.source, bm.comment
FROM benefit_measurements AS bm
LEFT JOIN members AS m ON m.id = bm.member_id
WHERE bm.benefit_id = CAST($benefit AS BIGINT) AND bm.measured_on <= CAST($on AS DATE)
ORDER BY bm.measured_on DESC, m.name NULLS FIRST, bm.id DESC
