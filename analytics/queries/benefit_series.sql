-- benefit_series: benefit $benefit's value (benefit_values of migration 015,
-- not held at the due date: the chart shows what was measured) on every day
-- with a measurement of it on or before $on, oldest first.
WITH days AS (
    SELECT DISTINCT measured_on AS d FROM benefit_measurements
    WHERE benefit_id = CAST($benefit AS BIGINT) AND measured_on <= CAST($on AS DATE)
)
SELECT days.d, v.value
FROM days, benefit_values(days.d, false) AS v
WHERE v.benefit_id = CAST($benefit AS BIGINT)
ORDER BY days.d
