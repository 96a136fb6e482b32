-- benefit_realised (DESIGN "Benefits"): the kronor the benefits realised on d
-- (each benefit's value on the earlier of d and its due date against its
-- baseline, times its valuation), summed over every benefit, or over those of
-- the service named $service when given; NULL when no benefit has realised
-- kronor (none measured, or none valued).
WITH as_of AS (
    SELECT d FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
realised AS (
    SELECT as_of.d, sum(benefit_realised_kr(v.value, b.baseline, b.valuation, b.direction) ORDER BY b.id) AS kr
    FROM as_of, benefit_values(as_of.d, true) AS v
    JOIN benefits AS b ON b.id = v.benefit_id
    LEFT JOIN services AS sv ON sv.id = b.service_id
    WHERE CAST($service AS VARCHAR) IS NULL OR sv.name = CAST($service AS VARCHAR)
    GROUP BY as_of.d
)
SELECT as_of.d, realised.kr AS value, CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN realised ON realised.d = as_of.d
ORDER BY as_of.d
