-- The rules of DESIGN "Benefits" written once, as 009 writes the metrics'
-- rules: a benefit's value on a day and its realised kronor. The register
-- (Store.Benefits), a benefit's page and the metric benefit_realised all read
-- them.

-- benefit_latest(on_day, until_due): for every benefit, the latest
-- measurement of each member and the latest of the whole (member_id NULL)
-- dated on or before the benefit's day: on_day, or with until_due the earlier
-- of on_day and the benefit's due date (a benefit's value, like a goal's, is
-- final on its due date). Two measurements of one member on one day: the one
-- entered last (the higher id) counts.
CREATE MACRO benefit_latest(on_day, until_due) AS TABLE
    SELECT m.benefit_id, m.member_id, m.measured_on, m.value
    FROM benefit_measurements AS m
    JOIN benefits AS b ON b.id = m.benefit_id
    WHERE m.measured_on <= CASE WHEN until_due THEN least(CAST(on_day AS DATE), b.due_on) ELSE CAST(on_day AS DATE) END
    QUALIFY row_number() OVER (PARTITION BY m.benefit_id, m.member_id ORDER BY m.measured_on DESC, m.id DESC) = 1;

-- benefit_values(on_day, until_due): every benefit with a measurement by its
-- day (as in benefit_latest) and its value there: the members' latest values
-- summed ('summa') or averaged ('medel'). A measurement of the whole stands
-- beside them as the benefit measured another way: it is the value when it is
-- dated on or after the members' latest measurement (the latest measurement
-- wins, and the whole on a tie). measured_on is the day of the measurement
-- that gives the value; members is how many members it aggregates (0 when the
-- whole gives it). The sums run in the members' order, so that a value is the
-- same to the last bit however DuckDB's threads split the rows.
CREATE MACRO benefit_values(on_day, until_due) AS TABLE
    SELECT benefit_id,
           CASE WHEN whole_on IS NOT NULL AND (members_on IS NULL OR whole_on >= members_on) THEN whole_value
                WHEN aggregation = 'summa' THEN member_sum
                ELSE member_mean END AS value,
           CASE WHEN whole_on IS NOT NULL AND (members_on IS NULL OR whole_on >= members_on) THEN whole_on
                ELSE members_on END AS measured_on,
           CASE WHEN whole_on IS NOT NULL AND (members_on IS NULL OR whole_on >= members_on) THEN 0
                ELSE members END AS members
    FROM (
        SELECT l.benefit_id,
               any_value(b.aggregation) AS aggregation,
               max(l.measured_on) FILTER (WHERE l.member_id IS NULL) AS whole_on,
               max(l.value) FILTER (WHERE l.member_id IS NULL) AS whole_value,
               max(l.measured_on) FILTER (WHERE l.member_id IS NOT NULL) AS members_on,
               sum(l.value ORDER BY l.member_id) FILTER (WHERE l.member_id IS NOT NULL) AS member_sum,
               sum(l.value ORDER BY l.member_id) FILTER (WHERE l.member_id IS NOT NULL)
                   / count(l.member_id) AS member_mean,
               count(l.member_id) AS members
        FROM benefit_latest(on_day, until_due) AS l
        JOIN benefits AS b ON b.id = l.benefit_id
        GROUP BY l.benefit_id
    );

-- benefit_realised_kr(value, baseline, valuation, direction): what a value
-- realised in kronor: (value − baseline) × valuation, or (baseline − value) ×
-- valuation when lower is better; NULL without a value or a valuation.
CREATE MACRO benefit_realised_kr(value, baseline, valuation, direction) AS
    CASE WHEN direction = 'lägre' THEN baseline - value ELSE value - baseline END * valuation;

-- service_cost(service_name, in_year): a service's cost in the budget, the
-- amount of in_year's budget lines whose category is named as the service
-- (summed over its groups); NULL when the year's budget has no such line.
CREATE MACRO service_cost(service_name, in_year) AS (
    SELECT CAST(sum(amount) AS DOUBLE) FROM budget_lines
    WHERE year = in_year AND category = service_name
);
