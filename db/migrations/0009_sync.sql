-- Sync with the central store (F13): this PC's sync state, pending batches, conflicts found
-- after pulls, the photo/document transfer queue. Local bookkeeping: none of it is synced.

-- server_url, epoch, cursor, credential (where the token is kept: "keyring:<user>" or
-- "file:<name>"), device name, last_sync, last_error.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- A batch built from outbox rows (outbox.batch_id names it), kept byte for byte until the
-- server acknowledges it, so a resend after a lost acknowledgement is the same batch.
-- Acknowledged batches stay marked (acked_at) and so do their outbox rows: the outbox is the
-- record of local changes (db/check.py verifies it), not only a queue.
CREATE TABLE sync_batches (
    batch_id   TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    changes    INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    acked_at   TEXT
);
CREATE INDEX sync_batches_pending ON sync_batches (created_at) WHERE acked_at IS NULL;
-- What is not yet in any batch: a small partial index, so an idle round stays cheap.
CREATE INDEX outbox_unsent ON outbox (seq) WHERE batch_id IS NULL;

-- Found after a pull: a workflow event that met a step it could not apply to (two PCs
-- advanced one hazard offline), or one human code held by several records.
CREATE TABLE sync_conflicts (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('workflow', 'duplicate_code')),
    entity      TEXT NOT NULL,          -- hazard / equipment / person ...
    ref         TEXT NOT NULL,          -- hazard id (workflow) or the code (duplicate)
    detail      TEXT NOT NULL,          -- JSON: event id and kind, or the records' ids
    detected_at TEXT NOT NULL,
    settled_at  TEXT,
    UNIQUE (kind, entity, ref, detail)
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (kind) WHERE settled_at IS NULL;

-- Changes from the server this version cannot store yet (an entity from a newer SafeDesk):
-- kept and applied after an update, so nothing pulled is lost.
CREATE TABLE sync_parked (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    body   TEXT NOT NULL,
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

-- Photos and documents moving by SHA-256 on their own queue, resumable, never blocking data.
CREATE TABLE sync_blobs (
    sha256     TEXT NOT NULL,
    direction  TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    tries      INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    PRIMARY KEY (sha256, direction)
) WITHOUT ROWID;
