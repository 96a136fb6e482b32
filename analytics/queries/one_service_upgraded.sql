-- one_service_upgraded (DESIGN "Metrics"): base B = municipalities active on
-- Y1 and on d with exactly one active service (kind 'service') on Y1; the
-- share of B with at least two active services on d, 1.0 when B is empty.
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
active_services AS (
    -- per municipality and day: the distinct services it takes part in, by
    -- active participations (the member is active on the day by the join above)
    SELECT am.d, am.day, am.id, count(DISTINCT p.service_id) AS services
    FROM active_municipalities AS am
    JOIN participations AS p
      ON p.member_id = am.id AND p.from_on <= am.day AND (p.to_on IS NULL OR am.day <= p.to_on)
    JOIN services AS s
      ON s.id = p.service_id AND s.kind = 'service' AND (s.ended_on IS NULL OR am.day <= s.ended_on)
    GROUP BY am.d, am.day, am.id
),
base AS (
    SELECT as_of.d, on_y1.id
    FROM as_of
    JOIN active_municipalities AS on_y1 ON on_y1.d = as_of.d AND on_y1.day = as_of.y1
    JOIN active_municipalities AS on_d ON on_d.d = as_of.d AND on_d.day = as_of.d AND on_d.id = on_y1.id
    JOIN active_services AS services_y1
      ON services_y1.d = as_of.d AND services_y1.day = as_of.y1 AND services_y1.id = on_y1.id
    WHERE services_y1.services = 1
),
upgraded AS (
    SELECT base.d,
           count(*) AS base_members,
           count(*) FILTER (WHERE services_d.services >= 2) AS upgraded_members
    FROM base
    LEFT JOIN active_services AS services_d
           ON services_d.d = base.d AND services_d.day = base.d AND services_d.id = base.id
    GROUP BY base.d
)
SELECT as_of.d,
       CASE WHEN u.base_members IS NULL THEN 1.0
            ELSE CAST(u.upgraded_members AS DOUBLE) / u.base_members END AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN upgraded AS u ON u.d = as_of.d
ORDER BY as_of.d
