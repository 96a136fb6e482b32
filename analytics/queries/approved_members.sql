-- approved_members: the member list an approved report keeps (DESIGN "The
-- approved report"): the membership rows active on $on with name, kind, code,
-- county, population, joined and left; no contact name, no e-mail.
SELECT m.name, m.kind, coalesce(m.code, ''), coalesce(m.county_code, ''), coalesce(m.population, 0),
       strftime(m.joined_on, '%Y-%m-%d'), coalesce(strftime(m.left_on, '%Y-%m-%d'), '')
FROM active_members(CAST($on AS DATE)) AS m
ORDER BY m.name, m.joined_on
