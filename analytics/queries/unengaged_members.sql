-- unengaged_members (DESIGN "Metrics"): active members with no active
-- participation at all, in neither a service nor a network.
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
unengaged_members AS (
    SELECT am.d, am.id
    FROM active_members AS am
    WHERE NOT EXISTS (
        SELECT 1 FROM active_participations AS ap
        WHERE ap.d = am.d AND ap.member_id = am.id)
)
SELECT as_of.d,
       CAST(count(um.id) AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN unengaged_members AS um ON um.d = as_of.d
GROUP BY as_of.d
ORDER BY as_of.d
