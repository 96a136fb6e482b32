-- The approved report (DESIGN "The approved report"): what the annual meeting
-- approved for a plan year, frozen. A row is written once, in the transaction
-- that approves, and never updated but for its withdrawal (withdrawn_*):
-- approving the year again adds the next version beside it.
--
-- The snapshot's content is JSON in the shapes the API gives it (metrics as
-- /api/metrics, goals as /api/goals), so that what was approved reads back as
-- it was whatever later versions of Målbild compute; it refers to no other
-- table (names and keys are copied, not ids), so it needs no entry in
-- analytics.References. No personal data: the member list has name, kind,
-- code, county, population, joined and left only.

CREATE SEQUENCE approval_id_seq START 1;

CREATE TABLE approvals (
    id               INTEGER PRIMARY KEY DEFAULT nextval('approval_id_seq'),
    year             INTEGER NOT NULL,      -- the business plan's year
    version          INTEGER NOT NULL CHECK (version >= 1),
    as_of            DATE NOT NULL,         -- the day the numbers are taken on
    meeting          VARCHAR NOT NULL,      -- e.g. 'Årsmöte 2023-04-20 § 7'
    meeting_on       DATE,                  -- the meeting's day, when given
    approved_by      VARCHAR NOT NULL,      -- the account (or the CLI's name) that approved
    approved_at      TIMESTAMPTZ NOT NULL,  -- the store's clock
    workbook         BLOB NOT NULL,         -- the annual meeting report exactly as exported
    workbook_sha256  VARCHAR NOT NULL,
    metrics          JSON NOT NULL,         -- every metric on as_of, as /api/metrics's "metrics"
    goals            JSON NOT NULL,         -- the plan's goals on as_of, as /api/goals's "goals"
    comments         JSON NOT NULL,         -- the goals' comments written on or before as_of
    services         JSON NOT NULL,         -- participants per service and network on as_of
    members          JSON NOT NULL,         -- the members active on as_of, without personal data
    fee_income       DOUBLE,                -- fee_income on as_of; NULL without a fee schedule
    withdrawn_at     TIMESTAMPTZ,           -- NULL: in force
    withdrawn_by     VARCHAR,
    withdrawn_reason VARCHAR,
    UNIQUE (year, version),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
