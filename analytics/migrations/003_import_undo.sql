-- What each import batch changed, so that undo can restore the state before
-- it exactly. One row per batch, table and kind of change, in the order the
-- import wrote them: the rows it inserted, as written, or the rows it updated,
-- each with its image before and after. Undo runs them newest first, and only
-- while every row is still as the import left it.

CREATE TABLE import_changes (
    batch_id   INTEGER NOT NULL REFERENCES import_batches (id),
    seq        INTEGER NOT NULL,   -- order of writing within the batch
    table_name VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('insert', 'update')),
    body       JSON NOT NULL,      -- insert: [row, ...]; update: [{"before": row, "after": row}, ...]
    undone_at  TIMESTAMPTZ,        -- set when undo has restored this part
    PRIMARY KEY (batch_id, seq)
);
