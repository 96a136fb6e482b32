-- Benefits (DESIGN "Benefits"): the register of what members gain from a
-- service, and its dated measurements. Words are stored as DESIGN writes them
-- (and as the API gives them): category 'ekonomisk' | 'tid' | 'kvalitet' |
-- 'miljö', certainty 'grön' | 'gul' | 'röd', direction 'högre' | 'lägre',
-- aggregation 'summa' | 'medel'.
--
-- service_id and member_id refer to services.id and members.id without a
-- FOREIGN KEY (see 004); analytics.CheckReferences checks them on every write.

CREATE SEQUENCE benefit_id_seq START 1;
CREATE SEQUENCE benefit_measurement_id_seq START 1;

CREATE TABLE benefits (
    id          INTEGER PRIMARY KEY DEFAULT nextval('benefit_id_seq'),
    name        VARCHAR COLLATE sv NOT NULL UNIQUE,
    service_id  INTEGER,            -- services.id; NULL: an association-wide effort
    category    VARCHAR NOT NULL CHECK (category IN ('ekonomisk', 'tid', 'kvalitet', 'miljö')),
    certainty   VARCHAR NOT NULL CHECK (certainty IN ('grön', 'gul', 'röd')),
    owner       VARCHAR,            -- a role or organisation, never a person's name
    unit        VARCHAR NOT NULL,
    direction   VARCHAR NOT NULL CHECK (direction IN ('högre', 'lägre')),
    aggregation VARCHAR NOT NULL CHECK (aggregation IN ('summa', 'medel')),
    baseline    DOUBLE NOT NULL,
    baseline_on DATE NOT NULL,
    target      DOUBLE NOT NULL,
    due_on      DATE NOT NULL,
    valuation   DOUBLE,             -- kr per unit; NULL: no realised kronor
    CHECK (due_on > baseline_on)
);

-- A measurement of a benefit on a day, at one member (member_id) or for the
-- whole (member_id NULL).
CREATE TABLE benefit_measurements (
    id          INTEGER PRIMARY KEY DEFAULT nextval('benefit_measurement_id_seq'),
    benefit_id  INTEGER NOT NULL,   -- benefits.id
    measured_on DATE NOT NULL,
    member_id   INTEGER,            -- members.id; NULL: the benefit as a whole
    value       DOUBLE NOT NULL,
    source      VARCHAR,
    comment     VARCHAR
);
