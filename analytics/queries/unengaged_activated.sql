-- unengaged_activated (DESIGN "Metrics"): base B = municipalities active on Y1
-- and on d with no active participation (service or network) on Y1; the share
-- of B with at least one active participation on d, 1.0 when B is empty.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
-- each value compares two days, Y1 and d itself: per day the municipalities
-- active on it and those of them with at least one active participation
municipalities_on AS (
    SELECT as_of.d, days.day, m.id
    FROM as_of, (VALUES (as_of.y1), (as_of.d)) AS days (day), active_members(days.day) AS m
    WHERE m.kind = 'kommun'
),
engaged_municipalities AS (
    SELECT DISTINCT as_of.d, days.day, ap.member_id AS id
    FROM as_of, (VALUES (as_of.y1), (as_of.d)) AS days (day), active_participations(days.day) AS ap
    WHERE ap.member_kind = 'kommun'
),
base AS (
    SELECT as_of.d, on_y1.id
    FROM as_of
    JOIN municipalities_on AS on_y1 ON on_y1.d = as_of.d AND on_y1.day = as_of.y1
    JOIN municipalities_on AS on_d ON on_d.d = as_of.d AND on_d.day = as_of.d AND on_d.id = on_y1.id
    WHERE NOT EXISTS (
        SELECT 1 FROM engaged_municipalities AS em
        WHERE em.d = as_of.d AND em.day = as_of.y1 AND em.id = on_y1.id)
)
SELECT as_of.d,
       coalesce(count(em.id) / nullif(count(base.id), 0), 1.0) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN base ON base.d = as_of.d
LEFT JOIN engaged_municipalities AS em ON em.d = base.d AND em.day = base.d AND em.id = base.id
GROUP BY as_of.d
ORDER BY as_of.d
