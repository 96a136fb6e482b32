-- members_joined (DESIGN "Metrics", cumulative): membership rows of every kind
-- whose joined_on lies in [Y1, d]; a rejoining member's second row counts too.
SELECT as_of.d,
       CAST(jl.joined AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS service
FROM as_of_days(CAST($from AS DATE), CAST($to AS DATE), CAST($days AS VARCHAR)) AS as_of, joined_lost_on(as_of.d) AS jl
ORDER BY as_of.d
