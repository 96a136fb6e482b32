-- Accounts, sessions, API tokens, the audit log and import batches: the
-- tables the accounts and import features write.

CREATE SEQUENCE account_id_seq START 1;
CREATE SEQUENCE api_token_id_seq START 1;
CREATE SEQUENCE audit_id_seq START 1;
CREATE SEQUENCE import_batch_id_seq START 1;

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY DEFAULT nextval('account_id_seq'),
    name          VARCHAR NOT NULL UNIQUE,
    role          VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    disabled      BOOLEAN NOT NULL DEFAULT false
);

-- Only hashes of session ids and tokens are stored, so a copy of the database
-- does not hand out logins.
CREATE TABLE sessions (
    id_hash    VARCHAR PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    csrf_token VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY DEFAULT nextval('api_token_id_seq'),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY DEFAULT nextval('audit_id_seq'),
    happened_at TIMESTAMPTZ NOT NULL,
    actor  VARCHAR NOT NULL,  -- account name, or 'system'
    action VARCHAR NOT NULL,  -- login, login_failed, import, undo, edit, export_personal, account
    detail VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY DEFAULT nextval('import_batch_id_seq'),
    imported_at TIMESTAMPTZ NOT NULL,
    actor       VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    counts      JSON NOT NULL,    -- rows new / changed per table
    undone_at   TIMESTAMPTZ
);
