-- Foundation: plant structure, people, users, settings, the outbox.
-- Every synced table carries the same bookkeeping columns:
--   id TEXT (UUIDv7), created_hlc, updated_hlc, device (last writer), deleted_hlc (tombstone),
--   clocks (JSON {field: [hlc, device]}: the stamp of each field's current value).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    entity   TEXT NOT NULL,
    row_id   TEXT NOT NULL,
    op       TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'event')),
    payload  TEXT NOT NULL,
    hlc      INTEGER NOT NULL,
    device   TEXT NOT NULL,
    batch_id TEXT,
    sent_hlc INTEGER
);
CREATE INDEX outbox_row ON outbox (entity, row_id, hlc);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_hlc IS NULL;

CREATE TABLE settings (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    key   TEXT NOT NULL UNIQUE,
    value TEXT
);

CREATE TABLE sites (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT
);

CREATE TABLE buildings (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    floors INTEGER
);

CREATE TABLE departments (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    site_id TEXT REFERENCES sites (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES departments (id),
    head_person_id TEXT
);

CREATE TABLE areas (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites (id),
    building_id TEXT REFERENCES buildings (id),
    department_id TEXT REFERENCES departments (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    plan_rect TEXT  -- JSON [x, y, w, h] in metres on the site plan
);

CREATE TABLE lines (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    area_id TEXT NOT NULL REFERENCES areas (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL
);

CREATE TABLE posts (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    department_id TEXT REFERENCES departments (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    risk_level TEXT NOT NULL DEFAULT 'low'
        CHECK (risk_level IN ('major', 'considerable', 'general', 'low'))
);

CREATE TABLE people (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    employee_no TEXT NOT NULL,
    name TEXT NOT NULL,
    gender TEXT,
    department_id TEXT REFERENCES departments (id),
    post_id TEXT REFERENCES posts (id),
    hire_date TEXT,
    phone TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left'))
);
-- Uniqueness of human codes is checked locally by the services (not a UNIQUE constraint):
-- after sync two PCs may legitimately hold the same code, which is flagged, not refused.
CREATE INDEX people_employee_no ON people (employee_no);
CREATE INDEX people_name ON people (name);
CREATE INDEX people_department ON people (department_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    device TEXT NOT NULL, deleted_hlc INTEGER, clocks TEXT NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    person_id TEXT REFERENCES people (id),
    roles TEXT NOT NULL,            -- JSON list of role names
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_username ON users (username);

-- Login failures are per PC and never synced: a lockout protects this PC's login screen.
CREATE TABLE login_failures (
    username     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER
) WITHOUT ROWID;
