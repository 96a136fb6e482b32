-- population_coverage (DESIGN "Metrics"): the population of the active
-- municipalities divided by Sweden's population, $sweden_population
-- (reference data); a municipality of unknown population adds nothing.
WITH as_of AS (
    SELECT d FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
municipalities_on AS (
    SELECT as_of.d, m.population
    FROM as_of, active_members(as_of.d) AS m
    WHERE m.kind = 'kommun'
)
SELECT as_of.d,
       coalesce(sum(mo.population), 0) / CAST($sweden_population AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN municipalities_on AS mo ON mo.d = as_of.d
GROUP BY as_of.d
ORDER BY as_of.d
