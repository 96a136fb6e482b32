-- The association's registry: members, services and networks, participation,
-- events, goals and fee schedules (DESIGN "The data"). Dates are calendar dates
-- in Europe/Stockholm; every range is inclusive at both ends and an open end is NULL.

CREATE SEQUENCE member_id_seq START 1;
CREATE SEQUENCE service_id_seq START 1;
CREATE SEQUENCE participation_id_seq START 1;
CREATE SEQUENCE event_id_seq START 1;
CREATE SEQUENCE goal_id_seq START 1;
CREATE SEQUENCE goal_comment_id_seq START 1;

-- One row per membership period: a member that left and rejoined has two rows
-- with the same code and non-overlapping periods.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY DEFAULT nextval('member_id_seq'),
    name          VARCHAR COLLATE sv NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('kommun', 'region', 'kommunalforbund', 'ovrig')),
    code          VARCHAR,  -- kommunkod (4 digits) for a kommun, county code (2 digits) for a region
    org_number    VARCHAR,  -- NNNNNN-NNNN, Luhn-checked on import
    county_code   VARCHAR,  -- län, 2 digits
    population    INTEGER,
    group_name    VARCHAR COLLATE sv, -- the joint body a member joined through, if any
    joined_on     DATE NOT NULL,
    left_on       DATE,     -- the last day of membership
    contact_name  VARCHAR,  -- personal data: editors and admins only
    contact_email VARCHAR,  -- personal data: editors and admins only
    CHECK (left_on IS NULL OR left_on >= joined_on)
);

CREATE TABLE services (
    id         INTEGER PRIMARY KEY DEFAULT nextval('service_id_seq'),
    name       VARCHAR COLLATE sv NOT NULL UNIQUE,
    kind       VARCHAR NOT NULL CHECK (kind IN ('service', 'network')),
    area       VARCHAR,
    started_on DATE,
    ended_on   DATE,
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
);

-- A participation belongs to the membership row whose period contains from_on.
-- Rows running past the member's last day or the service's end are kept as
-- written; the metric definitions make them inactive.
CREATE TABLE participations (
    id         INTEGER PRIMARY KEY DEFAULT nextval('participation_id_seq'),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    service_id INTEGER NOT NULL REFERENCES services (id),
    from_on    DATE NOT NULL,
    to_on      DATE,
    CHECK (to_on IS NULL OR to_on >= from_on)
);

CREATE TABLE events (
    id      INTEGER PRIMARY KEY DEFAULT nextval('event_id_seq'),
    name    VARCHAR COLLATE sv NOT NULL,
    held_on DATE NOT NULL,
    format  VARCHAR NOT NULL CHECK (format IN ('digital', 'physical', 'hybrid')),
    role    VARCHAR NOT NULL CHECK (role IN ('host', 'participant'))
);

CREATE TABLE attendance (
    event_id  INTEGER NOT NULL REFERENCES events (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    attendees INTEGER NOT NULL CHECK (attendees >= 0),
    PRIMARY KEY (event_id, member_id)
);

-- A goal of one year's business plan; key links the same goal across years.
CREATE TABLE goals (
    id             INTEGER PRIMARY KEY DEFAULT nextval('goal_id_seq'),
    year           INTEGER NOT NULL,
    number         INTEGER NOT NULL,
    key            VARCHAR NOT NULL,
    area           VARCHAR,
    text           VARCHAR NOT NULL,
    metric         VARCHAR NOT NULL,  -- a metric key, or 'manual'
    params         VARCHAR NOT NULL DEFAULT '', -- e.g. 'n=20', 'kind=kommun'
    comparator     VARCHAR CHECK (comparator IN ('>=', '>', '<=', '<', '=', 'between')),
    target         DOUBLE,
    upper_target   DOUBLE,
    due_on         DATE,              -- NULL: 31 December of the year
    status         VARCHAR CHECK (status IN ('met', 'on_track', 'at_risk', 'missed')), -- manual goals
    status_set_on  DATE,
    comment        VARCHAR,
    removed_reason VARCHAR,           -- why the goal is not carried over to the next plan
    UNIQUE (year, key),
    CHECK (metric = 'manual' OR comparator IS NOT NULL)
);

CREATE TABLE goal_comments (
    id         INTEGER PRIMARY KEY DEFAULT nextval('goal_comment_id_seq'),
    goal_id    INTEGER NOT NULL REFERENCES goals (id),
    written_on DATE NOT NULL,
    author     VARCHAR NOT NULL,
    body       VARCHAR NOT NULL
);

-- Fee schedule of one year: population bands [population_from, population_to)
-- for municipalities, and one row with category 'ovrig' for every other kind.
CREATE TABLE fee_bands (
    year            INTEGER NOT NULL,
    category        VARCHAR NOT NULL CHECK (category IN ('kommun', 'ovrig')),
    population_from INTEGER NOT NULL DEFAULT 0,
    population_to   INTEGER,          -- NULL: no upper bound
    contribution    DECIMAL(12, 2) NOT NULL,
    annual_fee      DECIMAL(12, 2) NOT NULL,
    PRIMARY KEY (year, category, population_from)
);
