-- The budget follow-up of DESIGN "Budget follow-up", written once: the page,
-- the API, the CLI, the report and the metrics budget_deviation and
-- budget_outcome_share all read it from here.
--
-- budget_rule: the reporting rule, the settings budget_rule_percent and
-- budget_rule_pbb_multiple (written by SetSetting, which checks them) or the
-- defaults of the decision, 10 % and 4 prisbasbelopp.
CREATE VIEW budget_rule AS
SELECT coalesce((SELECT TRY_CAST(value AS DECIMAL(18, 6)) FROM settings WHERE key = 'budget_rule_percent'),
                CAST(10 AS DECIMAL(18, 6))) AS percent,
       coalesce((SELECT TRY_CAST(value AS DECIMAL(18, 6)) FROM settings WHERE key = 'budget_rule_pbb_multiple'),
                CAST(4 AS DECIMAL(18, 6))) AS pbb_multiple;

-- budget_followup_lines: the line of its year each follow-up belongs to. A
-- follow-up of a category (with or without its group) belongs to that
-- category's line; without a group, only when exactly one line of the year
-- has the category's name (a name used in two groups needs the group). A
-- follow-up of a group alone (no category) belongs to the group's frame
-- (line_id NULL) when the year's budget has the group. A follow-up that
-- belongs to no line counts nowhere (the import refuses such rows).
CREATE VIEW budget_followup_lines AS
WITH named AS (
    SELECT id, year, group_name, category, count(*) OVER (PARTITION BY year, category) AS same_name
    FROM budget_lines
    WHERE category IS NOT NULL
)
SELECT f.id AS followup_id, l.id AS line_id, l.group_name, l.category
FROM budget_followups AS f
JOIN named AS l
  ON l.year = year(f.followed_on) AND l.category = f.category
 AND (l.group_name = f.group_name OR f.group_name IS NULL AND l.same_name = 1)
UNION ALL
SELECT f.id, CAST(NULL AS INTEGER), f.group_name, CAST(NULL AS VARCHAR)
FROM budget_followups AS f
WHERE f.category IS NULL
  AND EXISTS (SELECT 1 FROM budget_lines AS l WHERE l.year = year(f.followed_on) AND l.group_name = f.group_name);

-- budget_follow_up(date_from, date_to, extra_days, budget_year): for every
-- as-of day d of as_of_days(date_from, date_to,
-- extra_days) and its year y (budget_year, or the year of d when NULL), one
-- row per frame, per category of a frame, per standalone category and one
-- for the total (line 'total'), with
--   budget B, outcome U, forecast P, deviation A = P − B, share A / B,
--   outcome_share U / B, status, threshold, and the two triggers in kr.
--
-- The readings where DESIGN leaves room (README "Budget follow-up"):
-- - The follow-ups that count for (y, d) are those dated in y and on or before
--   d; of each category (and each group's own follow-up) the latest counts,
--   the one entered last (highest id) among several on the same day.
-- - A follow-up belongs to a line as budget_followup_lines says; one naming
--   a group and no category is the group's own (amounts not split by type):
--   it adds to the frame's sums.
-- - Nothing known is NULL, not zero: a category with no follow-up has no
--   outcome, forecast, deviation, share or status. A frame's outcome and
--   forecast are the sums over what is known of its categories and its own
--   follow-up (NULL when nothing is); the total's likewise over the frames
--   and standalone categories.
-- - A frame's budget is its frame row; a group without a frame row has the
--   sum of its categories' amounts as its frame. The total's budget is the
--   frames' budgets plus the standalone categories' (a frame's categories
--   are inside its frame and are not counted again).
-- - Status (the rule of budget_rule): within when A <= 0; report when
--   A >= percent % of B or A >= pbb_multiple × pbb(y), pbb of the budget's year;
--   over otherwise. Inside a frame a category is within or over, never
--   report, and has no threshold. The threshold is the smaller trigger; a
--   year without a prisbasbelopp is judged on the percent alone.
-- - A line's kind is its own; a frame's is its frame row's, else the one kind
--   of all its categories; the total's the one kind of all its lines; NULL
--   when they differ.
CREATE MACRO budget_follow_up(date_from, date_to, extra_days, budget_year) AS TABLE
WITH days AS (
    SELECT d, coalesce(CAST(budget_year AS INTEGER), year(d)) AS y
    FROM as_of_days(date_from, date_to, extra_days)
),
-- The lines of each day's year.
lines AS (
    SELECT days.d, days.y, bl.id, bl.group_name, bl.category, bl.kind, bl.amount
    FROM days
    JOIN budget_lines AS bl ON bl.year = days.y
),
-- The follow-ups that count on each day: dated in the budget's year, on or
-- before the day, with the line each belongs to (budget_followup_lines).
counted AS (
    SELECT days.d, days.y, f.id, f.followed_on, f.outcome, f.forecast, fl.line_id, fl.group_name
    FROM days
    JOIN budget_followups AS f ON year(f.followed_on) = days.y AND f.followed_on <= days.d
    JOIN budget_followup_lines AS fl ON fl.followup_id = f.id
),
-- The latest follow-up of each category line.
category_values AS (
    SELECT d, line_id,
           arg_max(outcome, (followed_on, id)) AS outcome,
           arg_max(coalesce(forecast, outcome), (followed_on, id)) AS forecast
    FROM counted
    WHERE line_id IS NOT NULL
    GROUP BY d, line_id
),
-- The latest follow-up of each group naming no category.
group_values AS (
    SELECT d, group_name,
           arg_max(outcome, (followed_on, id)) AS outcome,
           arg_max(coalesce(forecast, outcome), (followed_on, id)) AS forecast
    FROM counted
    WHERE line_id IS NULL
    GROUP BY d, group_name
),
categories AS (
    SELECT l.d, l.y, l.group_name, l.category, l.kind, l.amount AS budget, v.outcome, v.forecast
    FROM lines AS l
    LEFT JOIN category_values AS v ON v.d = l.d AND v.line_id = l.id
    WHERE l.category IS NOT NULL
),
groups AS (
    SELECT d, y, group_name FROM lines WHERE group_name IS NOT NULL GROUP BY d, y, group_name
),
frames AS (
    SELECT g.d, g.y, g.group_name, CAST(NULL AS VARCHAR) AS category,
           coalesce(fr.kind, (SELECT CASE WHEN count(DISTINCT c.kind) = 1 THEN min(c.kind) END
                              FROM categories AS c WHERE c.d = g.d AND c.group_name = g.group_name)) AS kind,
           coalesce(fr.amount, (SELECT sum(c.budget) FROM categories AS c
                                WHERE c.d = g.d AND c.group_name = g.group_name)) AS budget,
           (SELECT sum(part) FROM (
                SELECT c.outcome AS part FROM categories AS c WHERE c.d = g.d AND c.group_name = g.group_name
                UNION ALL
                SELECT gv.outcome FROM group_values AS gv WHERE gv.d = g.d AND gv.group_name = g.group_name)) AS outcome,
           (SELECT sum(part) FROM (
                SELECT c.forecast AS part FROM categories AS c WHERE c.d = g.d AND c.group_name = g.group_name
                UNION ALL
                SELECT gv.forecast FROM group_values AS gv WHERE gv.d = g.d AND gv.group_name = g.group_name)) AS forecast
    FROM groups AS g
    LEFT JOIN lines AS fr ON fr.d = g.d AND fr.group_name = g.group_name AND fr.category IS NULL
),
-- Every line with what it is: 'frame', 'category' (of a frame), 'standalone'.
judged_lines AS (
    SELECT d, y, 'frame' AS line, group_name, category, kind, budget, outcome, forecast FROM frames
    UNION ALL
    SELECT d, y, CASE WHEN group_name IS NULL THEN 'standalone' ELSE 'category' END,
           group_name, category, kind, budget, outcome, forecast
    FROM categories
),
-- The total: the frames and the standalone categories.
totals AS (
    SELECT days.d, days.y, 'total' AS line, CAST(NULL AS VARCHAR) AS group_name, CAST(NULL AS VARCHAR) AS category,
           CASE WHEN count(DISTINCT j.kind) = 1 AND count(j.kind) = count(j.line) THEN min(j.kind) END AS kind,
           coalesce(sum(j.budget), 0) AS budget, sum(j.outcome) AS outcome, sum(j.forecast) AS forecast
    FROM days
    LEFT JOIN judged_lines AS j ON j.d = days.d AND j.line IN ('frame', 'standalone')
    GROUP BY days.d, days.y
),
all_lines AS (
    SELECT * FROM judged_lines
    UNION ALL
    SELECT * FROM totals
),
measured AS (
    SELECT a.*, a.forecast - a.budget AS deviation,
           pbb.amount AS pbb,
           CASE WHEN a.line <> 'category' THEN a.budget * rule.percent * 0.01 END AS percent_trigger,
           CASE WHEN a.line <> 'category' THEN pbb.amount * rule.pbb_multiple END AS pbb_trigger
    FROM all_lines AS a
    CROSS JOIN budget_rule AS rule
    LEFT JOIN price_base_amount_by_year AS pbb ON pbb.year = a.y
)
SELECT d, y, line, group_name, category, kind,
       CAST(budget AS DOUBLE) AS budget,
       CAST(outcome AS DOUBLE) AS outcome,
       CAST(forecast AS DOUBLE) AS forecast,
       CAST(deviation AS DOUBLE) AS deviation,
       CASE WHEN budget <> 0 THEN CAST(deviation AS DOUBLE) / CAST(budget AS DOUBLE) END AS share,
       CASE WHEN budget <> 0 THEN CAST(outcome AS DOUBLE) / CAST(budget AS DOUBLE) END AS outcome_share,
       CASE WHEN deviation IS NULL THEN NULL
            WHEN deviation <= 0 THEN 'within'
            WHEN line = 'category' THEN 'over'
            WHEN deviation >= percent_trigger OR deviation >= pbb_trigger THEN 'report'
            ELSE 'over' END AS status,
       CAST(least(percent_trigger, pbb_trigger) AS DOUBLE) AS threshold,
       CAST(percent_trigger AS DOUBLE) AS percent_trigger,
       CAST(pbb_trigger AS DOUBLE) AS pbb_trigger,
       CAST(pbb AS DOUBLE) AS pbb
FROM measured;

-- budget_metric_line(date_from, date_to, extra_days, of_group, of_category):
-- the line a budget metric measures on each as-of day, in the year of that
-- day: the total (no group, no category), a frame (group only), a category of
-- a frame (both) or a category by its name alone (a standalone category, or
-- the one category of that name in a frame; a name used in two groups needs
-- the group). One row per day, NULLs where the year has no such line.
CREATE MACRO budget_metric_line(date_from, date_to, extra_days, of_group, of_category) AS TABLE
WITH days AS (
    SELECT d FROM as_of_days(date_from, date_to, extra_days)
),
candidates AS (
    SELECT l.*, count(*) OVER (PARTITION BY l.d) AS matches
    FROM budget_follow_up(date_from, date_to, extra_days, NULL) AS l
    WHERE CASE WHEN of_group IS NULL AND of_category IS NULL THEN l.line = 'total'
               WHEN of_category IS NULL THEN l.line = 'frame' AND l.group_name = of_group
               WHEN of_group IS NULL THEN l.line IN ('category', 'standalone') AND l.category = of_category
               ELSE l.line = 'category' AND l.group_name = of_group AND l.category = of_category END
)
SELECT days.d, c.budget, c.outcome, c.forecast, c.deviation, c.outcome_share
FROM days
LEFT JOIN candidates AS c ON c.d = days.d AND c.matches = 1;
