-- Settings the admin edits (DESIGN "Export": the association's name on the
-- report): one row per key, the value as text. A key without a row has its
-- default, which the code that reads it knows.
CREATE TABLE settings (
    key        VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
