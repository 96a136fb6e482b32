-- unengaged_activated (DESIGN "Metrics"): base B = municipalities active on Y1
-- and on d with no active participation (service or network) on Y1; the share
-- of B with at least one active participation on d, 1.0 when B is empty.
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
days AS (
    -- each value compares two days: Y1 and d itself
    SELECT d, y1 AS day FROM as_of
    UNION
    SELECT d, d AS day FROM as_of
),
active_municipalities AS (
    SELECT days.d, days.day, m.id
    FROM days
    JOIN members AS m
      ON m.kind = 'kommun'
     AND m.joined_on <= days.day AND (m.left_on IS NULL OR days.day <= m.left_on)
),
engaged_municipalities AS (
    -- per day: the active municipalities with at least one active participation
    SELECT DISTINCT am.d, am.day, am.id
    FROM active_municipalities AS am
    JOIN participations AS p
      ON p.member_id = am.id AND p.from_on <= am.day AND (p.to_on IS NULL OR am.day <= p.to_on)
    JOIN services AS s
      ON s.id = p.service_id AND (s.ended_on IS NULL OR am.day <= s.ended_on)
),
base AS (
    SELECT as_of.d, on_y1.id
    FROM as_of
    JOIN active_municipalities AS on_y1 ON on_y1.d = as_of.d AND on_y1.day = as_of.y1
    JOIN active_municipalities AS on_d ON on_d.d = as_of.d AND on_d.day = as_of.d AND on_d.id = on_y1.id
    WHERE NOT EXISTS (
        SELECT 1 FROM engaged_municipalities AS em
        WHERE em.d = as_of.d AND em.day = as_of.y1 AND em.id = on_y1.id)
),
activated AS (
    SELECT base.d,
           count(*) AS base_members,
           count(em.id) AS activated_members
    FROM base
    LEFT JOIN engaged_municipalities AS em
           ON em.d = base.d AND em.day = base.d AND em.id = base.id
    GROUP BY base.d
)
SELECT as_of.d,
       CASE WHEN a.base_members IS NULL THEN 1.0
            ELSE CAST(a.activated_members AS DOUBLE) / a.base_members END AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN activated AS a ON a.d = as_of.d
ORDER BY as_of.d
