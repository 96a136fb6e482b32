-- benefit_members (DESIGN "Benefits"): the members of benefit $benefit on $on,
-- each with its latest measurement on or before the earlier of $on and the
-- due date, and what it realised: its value against its part of the baseline
-- (the whole baseline for 'medel'; an equal share of it for 'summa', so that
-- the members' kronor add up to the benefit's when the members give its
-- value). In Swedish order of name.
WITH latest AS (
    SELECT l.member_id, l.measured_on, l.value, count(*) OVER () AS members
    FROM benefit_latest(CAST($on AS DATE), true) AS l
    WHERE l.benefit_id = CAST($benefit AS BIGINT) AND l.member_id IS NOT NULL
)
SELECT m.id, m.name, latest.measured_on, latest.value,
       benefit_realised_kr(latest.value,
                           CASE WHEN b.aggregation = 'summa' THEN b.baseline / latest.members ELSE b.baseline END,
                           b.valuation, b.direction) AS realised_kr
FROM latest
JOIN members AS m ON m.id = latest.member_id
JOIN benefits AS b ON b.id = CAST($benefit AS BIGINT)
ORDER BY m.name, m.id
