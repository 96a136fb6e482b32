-- fee_income (DESIGN "Metrics", "Precise readings"): the annual fees of year y
-- (the schedule of year y) of the members active on d, the total rounded to
-- öre; NULL when year y has no schedule. Municipalities pay by population band
-- [from, to), every other kind the 'ovrig' row. A member that joined in y pays
-- annual × (12 − month joined) / 12. The one-time contribution is left out and
-- a member leaving during the year still pays the whole fee.
WITH as_of AS (
    SELECT d, y1 FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR))
),
members_on AS (
    SELECT as_of.d, m.id, m.joined_on
    FROM as_of, active_members(as_of.d) AS m
),
annual_fees AS (
    SELECT mo.d,
           CASE WHEN year(mo.joined_on) = year(mo.d)
                THEN CAST(band.annual_fee AS DOUBLE) * (12 - month(mo.joined_on)) / 12
                ELSE CAST(band.annual_fee AS DOUBLE) END AS fee
    FROM members_on AS mo
    JOIN member_fee_bands AS band ON band.member_id = mo.id AND band.year = year(mo.d)
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
