-- members (DESIGN "Metrics"): the active members on d, only those of kind
-- $kind when it is given (NULL: every kind).
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
active_members AS (
    -- on day d a member is active when joined_on <= d and (left_on is empty or d <= left_on)
    SELECT as_of.d, m.id, m.kind, m.population
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
)
SELECT as_of.d,
       CAST(count(am.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN active_members AS am
       ON am.d = as_of.d
      AND (CAST($kind AS VARCHAR) IS NULL OR am.kind = CAST($kind AS VARCHAR))
GROUP BY as_of.d
ORDER BY as_of.d
