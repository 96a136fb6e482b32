-- The tables that refer to members, services, events and goals lose their
-- FOREIGN KEY constraints; the references are checked by the program
-- instead (analytics.CheckReferences, run by the import, its undo and the
-- edits before they commit).
--
-- Why: DuckDB refuses to UPDATE a row that another table refers to through a
-- foreign key whenever the update touches an indexed column, because it
-- rewrites such an update as a DELETE followed by an INSERT and checks the
-- constraint after the DELETE ("over-eager constraint checking", DuckDB's
-- documentation on indexes and foreign keys). The import writes every column
-- of a row it corrects, so a service or member that anyone used could not be
-- corrected at all: "Violates foreign key constraint because key
-- service_id: 4 is still referenced". What the office may correct must not
-- depend on how DuckDB checks keys, so the keys are checked where the
-- writes are made.
--
-- DuckDB cannot drop a constraint, so each table is copied, recreated
-- without it and filled again, in this migration's one transaction.

CREATE TEMP TABLE participations_copy AS SELECT * FROM participations;
CREATE TEMP TABLE attendance_copy AS SELECT * FROM attendance;
CREATE TEMP TABLE goal_comments_copy AS SELECT * FROM goal_comments;
DROP TABLE participations;
DROP TABLE attendance;
DROP TABLE goal_comments;

-- member_id refers to members (id), service_id to services (id).
CREATE TABLE participations (
    id         INTEGER PRIMARY KEY DEFAULT nextval('participation_id_seq'),
    member_id  INTEGER NOT NULL,
    service_id INTEGER NOT NULL,
    from_on    DATE NOT NULL,
    to_on      DATE,
    CHECK (to_on IS NULL OR to_on >= from_on)
);

-- event_id refers to events (id), member_id to members (id).
CREATE TABLE attendance (
    event_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    attendees INTEGER NOT NULL CHECK (attendees >= 0),
    PRIMARY KEY (event_id, member_id)
);

-- goal_id refers to goals (id).
CREATE TABLE goal_comments (
    id         INTEGER PRIMARY KEY DEFAULT nextval('goal_comment_id_seq'),
    goal_id    INTEGER NOT NULL,
    written_on DATE NOT NULL,
    author     VARCHAR NOT NULL,
    body       VARCHAR NOT NULL
);

INSERT INTO participations SELECT * FROM participations_copy;
INSERT INTO attendance SELECT * FROM attendance_copy;
INSERT INTO goal_comments SELECT * FROM goal_comments_copy;
DROP TABLE participations_copy;
DROP TABLE attendance_copy;
DROP TABLE goal_comments_copy;
