-- benefit_services (DESIGN "Benefits"): per service with benefits, what the
-- members got back on $on (the sum of its benefits' realised kronor; NULL when
-- none has any) beside its cost in the budget of $on's year (service_cost of
-- migration 015); in Swedish order of name.
SELECT sv.id, sv.name,
       sum(benefit_realised_kr(v.value, b.baseline, b.valuation, b.direction) ORDER BY b.id) AS realised_kr,
       service_cost(sv.name, year(CAST($on AS DATE))) AS cost
FROM benefits AS b
JOIN services AS sv ON sv.id = b.service_id
LEFT JOIN benefit_values(CAST($on AS DATE), true) AS v ON v.benefit_id = b.id
GROUP BY sv.id, sv.name
ORDER BY sv.name, sv.id
