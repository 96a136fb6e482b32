-- members (DESIGN "Metrics"): the active members on d, only those of kind
-- $kind when it is given (NULL: every kind).
SELECT as_of.d,
       CAST(count(am.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR)) AS as_of
LEFT JOIN LATERAL (
    SELECT id FROM active_members(as_of.d)
    WHERE CAST($kind AS VARCHAR) IS NULL OR kind = CAST($kind AS VARCHAR)
) AS am ON true
GROUP BY as_of.d
ORDER BY as_of.d
