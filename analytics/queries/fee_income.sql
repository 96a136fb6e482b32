-- fee_income (DESIGN "Metrics", "Precise readings"): the annual fees of year y
-- (the schedule of year y) of the members active on d, the total rounded to
-- öre; NULL when year y has no schedule. Municipalities pay by population band
-- [from, to), every other kind the 'ovrig' row. A member that joined in y pays
-- annual × (12 − month joined) / 12. The one-time contribution is left out and
-- a member leaving during the year still pays the whole fee.
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
    SELECT as_of.d, m.id, m.kind, m.population, m.joined_on
    FROM as_of
    JOIN members AS m
      ON m.joined_on <= as_of.d AND (m.left_on IS NULL OR as_of.d <= m.left_on)
),
annual_fees AS (
    SELECT am.d,
           CASE WHEN year(am.joined_on) = year(am.d)
                THEN CAST(band.annual_fee AS DOUBLE) * (12 - month(am.joined_on)) / 12
                ELSE CAST(band.annual_fee AS DOUBLE) END AS fee
    FROM active_members AS am
    JOIN fee_bands AS band
      ON band.year = year(am.d)
     AND CASE WHEN am.kind = 'kommun'
              THEN band.category = 'kommun'
                   AND am.population >= band.population_from
                   AND (band.population_to IS NULL OR am.population < band.population_to)
              ELSE band.category = 'ovrig' END
),
fee_totals AS (
    SELECT d, sum(fee) AS total FROM annual_fees GROUP BY d
),
schedules AS (
    SELECT DISTINCT year FROM fee_bands
)
SELECT as_of.d,
       CASE WHEN schedules.year IS NOT NULL THEN round(coalesce(ft.total, 0), 2) END AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of
LEFT JOIN schedules ON schedules.year = year(as_of.d)
LEFT JOIN fee_totals AS ft ON ft.d = as_of.d
ORDER BY as_of.d
