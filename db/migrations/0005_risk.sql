-- Risk register (风险分级管控, F7): risk points, their append-only assessments, control measures.
-- Same bookkeeping columns as every synced table (see 0001_foundation.sql).

CREATE TABLE risk_points (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    code TEXT NOT NULL,                   -- FX-001; unique locally
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'area' CHECK (kind IN ('area', 'equipment', 'activity')),
    site_id TEXT REFERENCES sites (id),
    area_id TEXT REFERENCES areas (id),
    equipment_id TEXT REFERENCES equipment (id),
    post_id TEXT REFERENCES posts (id),
    department_id TEXT REFERENCES departments (id),
    activity TEXT,                        -- 作业活动
    hazard_factors TEXT,                  -- 危险因素
    possible_accidents TEXT,              -- 可能导致的事故 (GB 6441 categories, '、'-separated)
    method TEXT CHECK (method IN ('lec', 'ls')),
    -- The CURRENT grade, always equal to the latest assessment's; NULL = not assessed yet.
    grade TEXT CHECK (grade IN ('major', 'considerable', 'general', 'low')),
    score REAL,
    control_level TEXT CHECK (control_level IN ('company', 'department', 'workshop', 'team', 'post')),
    responsible_department_id TEXT REFERENCES departments (id),
    responsible_person_id TEXT REFERENCES people (id),
    review_date TEXT,                     -- 复评日期, ISO date
    notes TEXT,
    search_text TEXT GENERATED ALWAYS AS (lower(
        code || char(31) || name || char(31) || COALESCE(activity, '') || char(31) ||
        COALESCE(hazard_factors, '') || char(31) || COALESCE(possible_accidents, ''))) STORED
);
CREATE INDEX risk_points_code ON risk_points (code);
CREATE INDEX risk_points_area ON risk_points (area_id);
CREATE INDEX risk_points_equipment ON risk_points (equipment_id);
CREATE INDEX risk_points_post ON risk_points (post_id);

-- Append-only history: a row is never updated; the latest one is copied onto the point.
CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    risk_point_id TEXT NOT NULL REFERENCES risk_points (id),
    method TEXT NOT NULL CHECK (method IN ('lec', 'ls')),
    l REAL,                               -- LEC: likelihood value (0.1 … 10)
    e REAL,                               -- LEC: exposure value (0.5 … 10)
    c REAL,                               -- LEC: consequence value (1 … 100)
    likelihood INTEGER,                   -- matrix: 1 … 5
    severity INTEGER,                     -- matrix: 1 … 5
    score REAL NOT NULL,                  -- D = L×E×C or R = L×S
    grade TEXT NOT NULL CHECK (grade IN ('major', 'considerable', 'general', 'low')),
    assessed_at TEXT NOT NULL,            -- local wall time, ISO
    assessor_user_id TEXT,
    assessor_name TEXT,
    note TEXT
);
CREATE INDEX risk_assessments_point ON risk_assessments (risk_point_id, assessed_at);

CREATE TABLE control_measures (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    risk_point_id TEXT NOT NULL REFERENCES risk_points (id),
    kind TEXT NOT NULL CHECK (kind IN ('engineering', 'management', 'training', 'ppe', 'emergency')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX control_measures_point ON control_measures (risk_point_id, position);
