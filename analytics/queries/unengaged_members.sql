-- unengaged_members (DESIGN "Metrics"): active members with no active
-- participation at all, in neither a service nor a network.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
engaged AS (
    SELECT DISTINCT as_of.d, ap.member_id
    FROM as_of, active_participations(as_of.d) AS ap
),
unengaged_members AS (
    SELECT as_of.d, m.id
    FROM as_of, active_members(as_of.d) AS m
    WHERE NOT EXISTS (
        SELECT 1 FROM engaged AS e
        WHERE e.d = as_of.d AND e.member_id = m.id)
)
SELECT as_of.d,
       CAST(count(um.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN unengaged_members AS um ON um.d = as_of.d
GROUP BY as_of.d
ORDER BY as_of.d
