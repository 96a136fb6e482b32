-- Budget follow-up (DESIGN "Budget follow-up"): the yearly budget per frame
-- and category, the dated follow-ups with outcome and forecast, and the
-- prisbasbelopp that the reporting rule is measured in.
--
-- No FOREIGN KEY anywhere (see 004): a follow-up names its category or group
-- by name, as the office writes it, and the import checks that the year's
-- budget has it.

CREATE SEQUENCE budget_line_id_seq START 1;
CREATE SEQUENCE budget_followup_id_seq START 1;

-- One row per year, group and category. A group's frame is its row without a
-- category; the group's categories may carry indicative amounts. A category
-- without a group stands alone. (year, group_name, category) is unique; the
-- import keeps it so, as NULLs defeat a UNIQUE constraint.
CREATE TABLE budget_lines (
    id         INTEGER PRIMARY KEY DEFAULT nextval('budget_line_id_seq'),
    year       INTEGER NOT NULL,
    group_name VARCHAR COLLATE sv,  -- the frame, e.g. 'Användarhårdvara'; NULL: a standalone category
    category   VARCHAR COLLATE sv,  -- NULL: the frame row of group_name
    kind       VARCHAR NOT NULL CHECK (kind IN ('investering', 'drift')),
    amount     DECIMAL(18, 2) NOT NULL CHECK (amount >= 0), -- kr
    CHECK (group_name IS NOT NULL OR category IS NOT NULL)
);

-- A follow-up of a category (group_name NULL, or the category's group) or of
-- a group alone (category NULL: amounts not split by type, which add to the
-- frame's sums). Its year is the year of followed_on.
CREATE TABLE budget_followups (
    id          INTEGER PRIMARY KEY DEFAULT nextval('budget_followup_id_seq'),
    followed_on DATE NOT NULL,
    group_name  VARCHAR COLLATE sv,
    category    VARCHAR COLLATE sv,
    outcome     DECIMAL(18, 2) NOT NULL, -- utfall so far this year, kr
    forecast    DECIMAL(18, 2),          -- prognos for the whole year, kr; NULL: the outcome is the forecast
    comment     VARCHAR,
    CHECK (group_name IS NOT NULL OR category IS NOT NULL)
);

-- Prisbasbelopp per year (SEK) as imported for later years or corrected; the
-- view price_base_amount_by_year adds the amounts shipped with Målbild
-- (2020–2026) for the years not imported. The shipped amounts live in the view,
-- not as rows, so that a backup holds only what the office imported.
CREATE TABLE price_base_amounts (
    year   INTEGER PRIMARY KEY,
    amount DECIMAL(12, 2) NOT NULL CHECK (amount > 0)
);

CREATE VIEW price_base_amount_by_year AS
SELECT year, amount FROM price_base_amounts
UNION ALL
SELECT shipped.year, shipped.amount
FROM (VALUES (2020, 47300.00), (2021, 47600.00), (2022, 48300.00), (2023, 52500.00),
             (2024, 57300.00), (2025, 58800.00), (2026, 59200.00)) AS shipped (year, amount)
WHERE shipped.year NOT IN (SELECT year FROM price_base_amounts);
