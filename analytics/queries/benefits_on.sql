-- benefits_on (DESIGN "Benefits"): the benefit register on $on, every benefit
-- (only $benefit, or only those of service $service, when given) with its
-- service, its value on the earlier of $on and its due date (benefit_values of
-- migration 015: the latest measurement, per member aggregated) and the
-- kronor that value realised; in Swedish order of service, association-wide
-- efforts last, then of name.
SELECT b.id, b.name, b.service_id, sv.name AS service, b.category, b.certainty, b.owner, b.unit,
       b.direction, b.aggregation, b.baseline, b.baseline_on, b.target, b.due_on, b.valuation,
       v.value, v.measured_on, coalesce(v.members, 0) AS members,
       benefit_realised_kr(v.value, b.baseline, b.valuation, b.direction) AS realised_kr
FROM benefits AS b
LEFT JOIN services AS sv ON sv.id = b.service_id
LEFT JOIN benefit_values(CAST($on AS DATE), true) AS v ON v.benefit_id = b.id
WHERE (CAST($benefit AS BIGINT) IS NULL OR b.id = CAST($benefit AS BIGINT))
  AND (CAST($service AS BIGINT) IS NULL OR b.service_id = CAST($service AS BIGINT))
ORDER BY sv.name NULLS LAST, b.name, b.id
