-- networks_min_participants (DESIGN "Metrics"): networks (services of kind
-- 'network') with at least $n distinct active municipality participants.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
network_municipalities AS (
    SELECT as_of.d, ap.service_id, count(DISTINCT ap.member_id) AS municipalities
    FROM as_of, active_participations(as_of.d) AS ap
    WHERE ap.service_kind = 'network' AND ap.member_kind = 'kommun'
    GROUP BY as_of.d, ap.service_id
)
SELECT as_of.d,
       CAST(count(nm.service_id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN network_municipalities AS nm
       ON nm.d = as_of.d AND nm.municipalities >= CAST($n AS INTEGER)
GROUP BY as_of.d
ORDER BY as_of.d
