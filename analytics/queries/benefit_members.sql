-- benefit_members (DESIGN "Benefits"): per benefit (only $benefit when
-- given), each member (only $member when given) with its latest measurement
-- on or before the earlier of $on and the due date, and what it realised: its
-- value against its part of the baseline (the whole baseline for 'medel'; an
-- equal share of it for 'summa', so that the members' kronor add up to the
-- benefit's when the members give its value). By benefit name, then member
-- name in Swedish order.
WITH latest AS (
    SELECT l.benefit_id, l.member_id, l.measured_on, l.value,
           count(*) OVER (PARTITION BY l.benefit_id) AS members
    FROM benefit_latest(CAST($on AS DATE), true) AS l
    WHERE l.member_id IS NOT NULL
      AND (CAST($benefit AS BIGINT) IS NULL OR l.benefit_id = CAST($benefit AS BIGINT))
)
SELECT b.id AS benefit_id, b.name AS benefit, m.id, m.name, latest.measured_on, latest.value,
       benefit_realised_kr(latest.value,
                           CASE WHEN b.aggregation = 'summa' THEN b.baseline / latest.members ELSE b.baseline END,
                           b.valuation, b.direction) AS realised_kr
FROM latest
JOIN members AS m ON m.id = latest.member_id
JOIN benefits AS b ON b.id = latest.benefit_id
WHERE CAST($member AS BIGINT) IS NULL OR m.id = CAST($member AS BIGINT)
ORDER BY b.name, m.name, m.id
