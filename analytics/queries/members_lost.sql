-- members_lost (DESIGN "Metrics", cumulative): membership rows of every kind
-- whose left_on (the last day) lies in [Y1, d]; a member whose last day is
-- 1 January is lost that day although still active on it.
WITH as_of AS (
    -- The as-of dates d: the month ends from $from to $to, the last one clamped
    -- to $to (so from = to gives that one day); y1 is 1 January of d's year.
    SELECT d, CAST(date_trunc('year', d) AS DATE) AS y1
    FROM (
        SELECT DISTINCT least(last_day(month_start), CAST($to AS DATE)) AS d
        FROM (
            SELECT unnest(generate_series(
                date_trunc('month', CAST($from AS DATE)), CAST($to AS DATE), INTERVAL 1 MONTH)) AS month_start
        )
    )
),
lost AS (
    SELECT as_of.d, m.id
    FROM as_of
    JOIN members AS m ON m.left_on BETWEEN as_of.y1 AND as_of.d
)
SELECT as_of.d,
       CAST(count(lost.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN lost ON lost.d = as_of.d
GROUP BY as_of.d
ORDER BY as_of.d
