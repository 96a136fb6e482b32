-- members_lost (DESIGN "Metrics", cumulative): membership rows of every kind
-- whose left_on (the last day) lies in [Y1, d]; a member whose last day is
-- 1 January is lost that day although still active on it.
SELECT as_of.d,
       CAST(jl.lost AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR)) AS as_of, joined_lost_on(as_of.d) AS jl
ORDER BY as_of.d
