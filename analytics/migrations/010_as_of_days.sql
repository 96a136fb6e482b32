-- as_of_days(date_from, date_to, extra_days): the as-of days of a metric's
-- query, the month ends of month_ends(date_from, date_to) and the days of
-- extra_days, a comma-separated list of YYYY-MM-DD ('' for none), each day
-- once; y1 is 1 January of d's year. It lets a page ask for every day it needs
-- of a metric (the as-of day, the day compared with, 1 January, the month
-- ends, the year ends) in one query. A date_from in a month after date_to
-- gives only the extra days.
CREATE MACRO as_of_days(date_from, date_to, extra_days) AS TABLE
    SELECT d, CAST(date_trunc('year', d) AS DATE) AS y1
    FROM (
        SELECT d FROM month_ends(date_from, date_to)
        UNION
        SELECT CAST(day_text AS DATE) AS d
        FROM (SELECT unnest(string_split(CAST(extra_days AS VARCHAR), ',')) AS day_text)
        WHERE day_text <> ''
    );
