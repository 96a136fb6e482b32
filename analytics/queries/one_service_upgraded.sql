-- one_service_upgraded (DESIGN "Metrics"): base B = municipalities active on
-- Y1 and on d with exactly one active service (kind 'service') on Y1; the
-- share of B with at least two active services on d, 1.0 when B is empty.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
days AS (
    -- each value compares two days: Y1 and d itself
    SELECT d, y1 AS day FROM as_of
    UNION
    SELECT d, d AS day FROM as_of
),
active_municipalities AS (
    SELECT days.d, days.day, m.id
    FROM days, active_members(days.day) AS m
    WHERE m.kind = 'kommun'
),
active_services AS (
    -- per municipality and day: the distinct services (kind 'service') it
    -- takes part in by active participations
    SELECT days.d, days.day, ap.member_id AS id, count(DISTINCT ap.service_id) AS services
    FROM days, active_participations(days.day) AS ap
    WHERE ap.member_kind = 'kommun' AND ap.service_kind = 'service'
    GROUP BY days.d, days.day, ap.member_id
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
