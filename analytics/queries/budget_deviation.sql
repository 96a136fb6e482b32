-- budget_deviation (DESIGN "Budget follow-up"): the forecast's deviation from
-- the budget, A = P − B in kr, of the total, a frame ($group) or a category
-- ($category), in the year of each as-of day (migration 013). NULL without a
-- budget line or before its first follow-up of the year.
SELECT d, deviation AS value, CAST(NULL AS VARCHAR) AS service
FROM budget_metric_line(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR),
                        CAST($group AS VARCHAR), CAST($category AS VARCHAR))
ORDER BY d
