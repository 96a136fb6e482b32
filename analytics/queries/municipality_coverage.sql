-- municipality_coverage (DESIGN "Metrics"): active municipalities (members of
-- kind 'kommun') divided by Sweden's number of municipalities,
-- $sweden_municipalities (290).
SELECT as_of.d,
       count(am.id) / CAST($sweden_municipalities AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR)) AS as_of
LEFT JOIN LATERAL (SELECT id FROM active_members(as_of.d) WHERE kind = 'kommun') AS am ON true
GROUP BY as_of.d
ORDER BY as_of.d
