-- The rules of DESIGN "Metrics" and "Precise readings", written once. Every
-- query file and every inline query reads them from here; change a rule here
-- (in a new migration that replaces the macro) and every figure follows.
-- Parameters are named so that they cannot be taken for a column.

-- month_ends(date_from, date_to): the as-of dates of a series, the month ends
-- from date_from to date_to, the last one clamped to date_to (so from = to
-- gives that one day); y1 is 1 January of d's year.
CREATE MACRO month_ends(date_from, date_to) AS TABLE
    SELECT d, CAST(date_trunc('year', d) AS DATE) AS y1
    FROM (
        SELECT DISTINCT least(last_day(month_start), CAST(date_to AS DATE)) AS d
        FROM (
            SELECT unnest(generate_series(
                date_trunc('month', CAST(date_from AS DATE)), CAST(date_to AS DATE), INTERVAL 1 MONTH)) AS month_start
        )
    );

-- active_members(on_day): the membership rows active on on_day: joined_on <=
-- on_day and (left_on is empty or on_day <= left_on). Every column of members.
CREATE MACRO active_members(on_day) AS TABLE
    SELECT m.*
    FROM members AS m
    WHERE m.joined_on <= on_day AND (m.left_on IS NULL OR on_day <= m.left_on);

-- active_participations(on_day): the participations active on on_day: from_on
-- <= on_day, (to_on is empty or on_day <= to_on), its member active on on_day
-- and its service not ended before on_day. Every column of participations,
-- with the member's kind and the service's kind.
CREATE MACRO active_participations(on_day) AS TABLE
    SELECT p.*, m.kind AS member_kind, s.kind AS service_kind
    FROM participations AS p
    JOIN active_members(on_day) AS m ON m.id = p.member_id
    JOIN services AS s ON s.id = p.service_id
    WHERE p.from_on <= on_day AND (p.to_on IS NULL OR on_day <= p.to_on)
      AND (s.ended_on IS NULL OR on_day <= s.ended_on);

-- member_fee_bands: for each membership row, the fee band it pays by in each
-- year with a schedule. Municipalities pay by population band [from, to),
-- every other kind the 'ovrig' row; a municipality whose population fits no
-- band (or is unknown) has no row for that year.
CREATE VIEW member_fee_bands AS
    SELECT m.id AS member_id, band.*
    FROM members AS m
    JOIN fee_bands AS band
      ON CASE WHEN m.kind = 'kommun'
              THEN band.category = 'kommun'
                   AND m.population >= band.population_from
                   AND (band.population_to IS NULL OR m.population < band.population_to)
              ELSE band.category = 'ovrig' END;

-- joined_lost_on(on_day): the membership rows of every kind whose joined_on,
-- and those whose left_on (the last day), lie in [1 January of on_day's year,
-- on_day]: members_joined and members_lost, cumulative within a year.
CREATE MACRO joined_lost_on(on_day) AS TABLE
    SELECT count(*) FILTER (WHERE m.joined_on BETWEEN CAST(date_trunc('year', on_day) AS DATE) AND on_day) AS joined,
           count(*) FILTER (WHERE m.left_on BETWEEN CAST(date_trunc('year', on_day) AS DATE) AND on_day) AS lost
    FROM members AS m;
