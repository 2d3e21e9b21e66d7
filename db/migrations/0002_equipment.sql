-- Equipment registry (F1) and its history: types, equipment, maintenance, faults, attachments.
-- Same bookkeeping columns as every synced table (see 0001_foundation.sql).

CREATE TABLE equipment_types (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    code TEXT NOT NULL,            -- prefix used in equipment codes, e.g. YJ (压力机)
    name TEXT NOT NULL,
    special INTEGER NOT NULL DEFAULT 0   -- 特种设备 by default (cranes, forklifts, vessels)
);

CREATE TABLE equipment (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    site_id TEXT REFERENCES sites (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    type_id TEXT REFERENCES equipment_types (id),
    model TEXT,
    manufacturer TEXT,
    serial_no TEXT,
    area_id TEXT REFERENCES areas (id),
    line_id TEXT REFERENCES lines (id),
    department_id TEXT REFERENCES departments (id),
    owner_person_id TEXT REFERENCES people (id),
    install_date TEXT,
    status TEXT NOT NULL DEFAULT 'in_service'
        CHECK (status IN ('in_service', 'stopped', 'under_repair', 'scrapped')),
    risk_grade TEXT CHECK (risk_grade IN ('major', 'considerable', 'general', 'low')),
    special INTEGER NOT NULL DEFAULT 0,
    inspection_due TEXT,          -- statutory inspection due date of special equipment
    procedure TEXT,               -- safe operating procedure (安全操作规程)
    notes TEXT,
    -- The search box's haystack, kept by SQLite (see people.search_text for why not FTS).
    search_text TEXT GENERATED ALWAYS AS (lower(
        code || char(31) || name || char(31) || COALESCE(model, '') || char(31) ||
        COALESCE(manufacturer, '') || char(31) || COALESCE(serial_no, ''))) STORED
);
CREATE INDEX equipment_code ON equipment (code);
CREATE INDEX equipment_area ON equipment (area_id);
CREATE INDEX equipment_type ON equipment (type_id);

CREATE TABLE maintenance_records (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    performed_by TEXT,
    notes TEXT,
    next_due TEXT
);
CREATE INDEX maintenance_equipment ON maintenance_records (equipment_id, date);

CREATE TABLE fault_records (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    date TEXT NOT NULL,
    symptom TEXT NOT NULL,
    cause TEXT,
    downtime_hours REAL,
    fix TEXT
);
CREATE INDEX fault_equipment ON fault_records (equipment_id, date);

-- Photos and documents: immutable blobs stored by SHA-256 under <data>/attachments/.
CREATE TABLE attachments (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    owner_entity TEXT NOT NULL,    -- 'equipment', later 'hazard', 'inspection' ...
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL,            -- 'photo', 'procedure', 'document'
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    mime TEXT,
    size INTEGER NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_id);
