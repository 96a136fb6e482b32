-- budget (DESIGN "Budget follow-up"): the follow-up of year $year on $on, as
-- migration 013's budget_follow_up computes it: the frames, each followed by
-- its categories, then the standalone categories, then the total.
SELECT line, group_name, category, kind, budget, outcome, forecast, deviation, share, outcome_share,
       status, threshold, percent_trigger, pbb_trigger, pbb
FROM budget_follow_up(CAST($on AS DATE), CAST($on AS DATE), '', CAST($year AS INTEGER))
ORDER BY line = 'total', group_name IS NULL, group_name, category IS NOT NULL, category
