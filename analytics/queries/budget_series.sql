-- budget_series: the total's outcome and forecast of year $year on each of
-- the days $days (the year's follow-up days), for the chart of the follow-ups
-- against the budget. The month after $on is no month end of the days asked:
-- as_of_days then gives the extra days alone.
SELECT d, outcome, forecast
FROM budget_follow_up(CAST($on AS DATE) + INTERVAL 1 MONTH, CAST($on AS DATE), CAST($days AS VARCHAR), CAST($year AS INTEGER))
WHERE line = 'total'
ORDER BY d
