-- services_per_member (DESIGN "Metrics"): active participations in services of
-- kind 'service' (networks do not count) divided by active members; NULL when
-- there is no active member.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
member_count AS (
    SELECT as_of.d, count(*) AS members
    FROM as_of, active_members(as_of.d)
    GROUP BY as_of.d
),
service_participation_count AS (
    SELECT as_of.d, count(*) AS participations
    FROM as_of, active_participations(as_of.d) AS ap
    WHERE ap.service_kind = 'service'
    GROUP BY as_of.d
)
SELECT as_of.d,
       CAST(coalesce(spc.participations, 0) AS DOUBLE) / nullif(mc.members, 0) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN member_count AS mc ON mc.d = as_of.d
LEFT JOIN service_participation_count AS spc ON spc.d = as_of.d
ORDER BY as_of.d
