-- fees (DESIGN "The data", "Precise readings"): the fee of year $year for each
-- membership row that overlaps the year, or for membership row $member alone
-- (with zero amounts when it does not overlap the year). Municipalities pay by
-- population band [from, to), every other kind the 'ovrig' row. In the year a
-- membership starts it pays the one-time contribution (half of it when an
-- earlier membership row has the same code or organisation number: a rejoin)
-- and the annual fee × (12 − month joined) / 12; in later years the annual fee.
-- A municipality whose population fits no band gets no band and pays nothing.
WITH plan_year AS (
    SELECT CAST($year AS INTEGER) AS year,
           make_date(CAST($year AS INTEGER), 1, 1) AS y1,
           make_date(CAST($year AS INTEGER), 12, 31) AS y31
),
rejoins AS (
    -- membership rows with an earlier row of the same code or organisation
    -- number; one equi-join per key, so each is a hash join
    SELECT later.id
    FROM members AS later
    JOIN members AS earlier
      ON earlier.code = nullif(later.code, '') AND earlier.joined_on < later.joined_on AND earlier.id <> later.id
    UNION
    SELECT later.id
    FROM members AS later
    JOIN members AS earlier
      ON earlier.org_number = nullif(later.org_number, '') AND earlier.joined_on < later.joined_on AND earlier.id <> later.id
),
billed_members AS (
    SELECT m.*,
           m.joined_on <= py.y31 AND (m.left_on IS NULL OR py.y1 <= m.left_on) AS member_in_year,
           year(m.joined_on) = py.year AS first_year,
           m.id IN (SELECT id FROM rejoins) AS rejoined
    FROM members AS m, plan_year AS py
    WHERE CASE WHEN CAST($member AS INTEGER) IS NULL
               THEN m.joined_on <= py.y31 AND (m.left_on IS NULL OR py.y1 <= m.left_on)
               ELSE m.id = CAST($member AS INTEGER) END
),
banded AS (
    SELECT bm.*, band.category, band.population_from, band.population_to,
           CAST(band.contribution AS DOUBLE) AS band_contribution,
           CAST(band.annual_fee AS DOUBLE) AS band_annual_fee,
           CASE WHEN NOT bm.member_in_year THEN 0
                WHEN bm.first_year THEN 12 - month(bm.joined_on)
                ELSE 12 END AS months
    FROM billed_members AS bm
    JOIN plan_year AS py ON true
    LEFT JOIN member_fee_bands AS band ON band.member_id = bm.id AND band.year = py.year
)
SELECT id, name, kind, coalesce(code, ''), coalesce(org_number, ''), coalesce(county_code, ''),
       population, coalesce(group_name, ''), joined_on, left_on,
       coalesce(category, ''), coalesce(population_from, 0), population_to,
       member_in_year AND first_year AS first_year, rejoined, months,
       CASE WHEN member_in_year AND first_year
            THEN round(coalesce(band_contribution, 0) * CASE WHEN rejoined THEN 0.5 ELSE 1 END, 2)
            ELSE 0 END AS contribution,
       round(coalesce(band_annual_fee, 0) * months / 12, 2) AS annual_fee
FROM banded
ORDER BY name COLLATE sv, joined_on
