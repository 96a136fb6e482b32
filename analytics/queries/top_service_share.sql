-- top_service_share (DESIGN "Metrics", "Precise readings"): the largest share,
-- over services of kind 'service' existing on d, of the active members (every
-- kind) taking part in it, with the service's name; ties go to the first name
-- in Swedish order. NULL (and no name) with no active member or no service.
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
),
active_participations AS (
    -- active on d: from <= d, (to is empty or d <= to), its member active on d
    -- and its service not ended before d
    SELECT am.d, p.member_id, am.kind AS member_kind, p.service_id, s.kind AS service_kind
    FROM active_members AS am
    JOIN participations AS p
      ON p.member_id = am.id AND p.from_on <= am.d AND (p.to_on IS NULL OR am.d <= p.to_on)
    JOIN services AS s
      ON s.id = p.service_id AND (s.ended_on IS NULL OR am.d <= s.ended_on)
),
member_count AS (
    SELECT d, count(*) AS members FROM active_members GROUP BY d
),
services_on_day AS (
    SELECT as_of.d, s.id, s.name
    FROM as_of
    JOIN services AS s
      ON s.kind = 'service'
     AND (s.started_on IS NULL OR s.started_on <= as_of.d)
     AND (s.ended_on IS NULL OR as_of.d <= s.ended_on)
),
service_participants AS (
    SELECT sod.d, sod.name, count(DISTINCT ap.member_id) AS participants
    FROM services_on_day AS sod
    LEFT JOIN active_participations AS ap ON ap.d = sod.d AND ap.service_id = sod.id
    GROUP BY sod.d, sod.id, sod.name
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
