-- top_service_share (DESIGN "Metrics", "Precise readings"): the largest share,
-- over services of kind 'service' existing on d, of the active members (every
-- kind) taking part in it, with the service's name; ties go to the first name
-- in Swedish order. NULL (and no name) with no active member or no service.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
member_count AS (
    SELECT as_of.d, count(m.id) AS members
    FROM as_of
    JOIN LATERAL active_members(as_of.d) AS m ON true
    GROUP BY as_of.d
),
services_on_day AS (
    SELECT as_of.d, s.id, s.name
    FROM as_of
    JOIN services AS s
      ON s.kind = 'service'
     AND (s.started_on IS NULL OR s.started_on <= as_of.d)
     AND (s.ended_on IS NULL OR as_of.d <= s.ended_on)
),
-- each service's distinct participants on each day, counted from the
-- distinct member × service pairs before the services' names join them (a
-- count(DISTINCT) grouped by the Swedish-collated name cost most of the time)
participants_on AS (
    SELECT d, service_id, count(*) AS participants
    FROM (SELECT DISTINCT as_of.d, ap.service_id, ap.member_id
          FROM as_of, active_participations(as_of.d) AS ap)
    GROUP BY d, service_id
),
service_participants AS (
    SELECT sod.d, sod.name, coalesce(po.participants, 0) AS participants
    FROM services_on_day AS sod
    LEFT JOIN participants_on AS po ON po.d = sod.d AND po.service_id = sod.id
),
top_service AS (
    SELECT d, name, participants,
           row_number() OVER (PARTITION BY d ORDER BY participants DESC, name COLLATE sv) AS place
    FROM service_participants
)
SELECT as_of.d,
       CAST(ts.participants AS DOUBLE) / nullif(mc.members, 0) AS value,
       CASE WHEN mc.members > 0 THEN ts.name END AS service
FROM as_of
LEFT JOIN member_count AS mc ON mc.d = as_of.d
LEFT JOIN top_service AS ts ON ts.d = as_of.d AND ts.place = 1
ORDER BY as_of.d
