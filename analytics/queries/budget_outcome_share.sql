-- budget_outcome_share (DESIGN "Budget follow-up"): the outcome so far as a
-- share of the budget, U / B, of the total, a frame ($group) or a category
-- ($category), in the year of each as-of day (migration 013). NULL without a
-- budget line, with a budget of 0 or before its first follow-up of the year.
SELECT d, outcome_share AS value, CAST(NULL AS VARCHAR) AS service
FROM budget_metric_line(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR),
                        CAST($group AS VARCHAR), CAST($category AS VARCHAR))
ORDER BY d
