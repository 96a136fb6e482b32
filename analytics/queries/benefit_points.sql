-- benefit_points (DESIGN "Forecast"): the value of every benefit (only
-- $benefit when given) at the month ends of [$from, $to], the last clamped to
-- $to, where it has one; the points its forecast's line goes through.
SELECT v.benefit_id, as_of.d, v.value
FROM month_ends(CAST($from AS DATE), CAST($to AS DATE)) AS as_of,
     benefit_values(as_of.d, true) AS v
WHERE CAST($benefit AS BIGINT) IS NULL OR v.benefit_id = CAST($benefit AS BIGINT)
ORDER BY v.benefit_id, as_of.d
