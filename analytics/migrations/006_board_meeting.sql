-- The board's meeting days, set by the office: the scorecard shows what moved
-- since the last meeting before the day it is read on. The association keeps
-- no other settings in the database, so this is a table of its own.
CREATE TABLE board_meetings (
    held_on DATE PRIMARY KEY,
    set_by  VARCHAR NOT NULL,
    set_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
