-- digital_conferences (DESIGN "Metrics", cumulative): events of format
-- 'digital' or 'hybrid', hosted or attended, dated in [Y1, d].
SELECT as_of.d,
       CAST(count(e.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR)) AS as_of
LEFT JOIN events AS e
       ON e.format IN ('digital', 'hybrid') AND e.held_on BETWEEN as_of.y1 AND as_of.d
GROUP BY as_of.d
ORDER BY as_of.d
