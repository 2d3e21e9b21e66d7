-- The sync store: sites, enrolled PCs, one-time enrolment codes, the epoch, batches seen,
-- every synced record (generic: entity + id + stamped fields) and the append-only events.

-- One row: the epoch. A database created anew (or marked restored with `server new-epoch`)
-- gets a new one, and PCs that saw another resend everything they hold.
CREATE TABLE server_info (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    epoch     TEXT NOT NULL
);
INSERT INTO server_info (epoch) VALUES (gen_random_uuid()::text);

-- next_seq is the site's sequence: read and advanced under SELECT ... FOR UPDATE on this row,
-- so sequence numbers become visible in order (a bare serial lets a reader pass a number
-- whose transaction commits later, and that change would never be pulled).
CREATE TABLE sites (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    next_seq   BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A PC: its id is the device id of its data file (the one in every HLC stamp it makes).
-- The token is stored as SHA-256: it is 256 random bits, so a slow hash adds nothing.
CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL REFERENCES sites (id),
    name        TEXT NOT NULL DEFAULT '',
    token_hash  TEXT NOT NULL UNIQUE,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen   TIMESTAMPTZ
);

CREATE TABLE enrolment_codes (
    code_hash  TEXT PRIMARY KEY,
    site_id    TEXT NOT NULL REFERENCES sites (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    used_by    TEXT
);

-- Idempotency: a batch id seen once is acknowledged again without applying anything.
CREATE TABLE batches (
    site_id     TEXT NOT NULL REFERENCES sites (id),
    batch_id    TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    changes     INTEGER NOT NULL,
    applied     INTEGER NOT NULL,
    PRIMARY KEY (site_id, batch_id)
);

-- fields: {"name": [value, hlc, device], ...}; seq: the site sequence of its latest change.
CREATE TABLE records (
    site_id     TEXT NOT NULL REFERENCES sites (id),
    entity      TEXT NOT NULL,
    id          TEXT NOT NULL,
    fields      JSONB NOT NULL,
    deleted_hlc BIGINT,
    seq         BIGINT NOT NULL,
    PRIMARY KEY (site_id, entity, id)
);
CREATE INDEX records_seq ON records (site_id, seq);

-- Append-only facts (hazard workflow events): inserted once, never updated.
CREATE TABLE events (
    site_id TEXT NOT NULL REFERENCES sites (id),
    entity  TEXT NOT NULL,
    id      TEXT NOT NULL,
    body    JSONB NOT NULL,
    hlc     BIGINT NOT NULL,
    device  TEXT NOT NULL,
    seq     BIGINT NOT NULL,
    PRIMARY KEY (site_id, id)
);
CREATE INDEX events_seq ON events (site_id, seq);

-- Photos and documents by SHA-256, uploaded in resumable chunks (offset = bytes before it).
CREATE TABLE blobs (
    sha256   TEXT PRIMARY KEY,
    received BIGINT NOT NULL DEFAULT 0,
    complete BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL REFERENCES blobs (sha256),
    "offset" BIGINT NOT NULL,
    data   BYTEA NOT NULL,
    PRIMARY KEY (sha256, "offset")
);
