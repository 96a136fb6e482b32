-- The board's dated input on a goal (DESIGN "Goal status" rule 4, "Precise
-- readings: Dated board input"): every status the board sets and every
-- comment that goes with it is a row of its own, dated the day it was set, so
-- looking back shows what was known then. A goal's status on d is that of the
-- latest row with a status set on or before d; its comment that of the latest
-- row on or before d (a row without a status is a comment only).
--
-- goal_id is goals.id without a FOREIGN KEY on purpose: DuckDB refuses to
-- update a row that another table references, and goals are updated in
-- place by the import. goals.status, status_set_on and comment stay as they
-- were but are no longer read (nor written) by the application.

CREATE SEQUENCE goal_status_id_seq START 1;

CREATE TABLE goal_statuses (
    id      INTEGER PRIMARY KEY DEFAULT nextval('goal_status_id_seq'),
    goal_id INTEGER NOT NULL,  -- goals.id
    set_on  DATE NOT NULL,     -- the day the board set it
    status  VARCHAR CHECK (status IN ('met', 'on_track', 'at_risk', 'missed')), -- NULL: a comment only
    comment VARCHAR            -- NULL: no comment from that day on
);

-- The input held so far: a status without its day counts from the goal's due
-- date (the undated rule, with the day of its import no longer known).
INSERT INTO goal_statuses (goal_id, set_on, status, comment)
SELECT id, coalesce(status_set_on, due_on, make_date(year, 12, 31)), status, comment
FROM goals
WHERE status IS NOT NULL OR comment IS NOT NULL
ORDER BY id;
