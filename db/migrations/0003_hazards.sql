-- Hazards (隐患) and the rectification workflow (F5), 随手拍 reports and safety points (F12).

CREATE TABLE hazards (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    number TEXT NOT NULL,                 -- YH-2025-0001; unique locally, flagged after sync
    description TEXT NOT NULL,
    type TEXT NOT NULL,                   -- a key of core.hazards.HAZARD_TYPES
    grade TEXT NOT NULL DEFAULT 'general' CHECK (grade IN ('general', 'major')),
    source TEXT NOT NULL DEFAULT 'other',
    area_id TEXT REFERENCES areas (id),
    line_id TEXT REFERENCES lines (id),
    equipment_id TEXT REFERENCES equipment (id),
    location TEXT,                        -- free text: 部位 (e.g. "B线3号冲床脚踏开关")
    reporter_person_id TEXT REFERENCES people (id),
    reporter_name TEXT,
    found_at TEXT NOT NULL,               -- local wall time, ISO
    search_text TEXT GENERATED ALWAYS AS (lower(
        number || char(31) || description || char(31) || COALESCE(location, ''))) STORED
);
CREATE INDEX hazards_number ON hazards (number);
CREATE INDEX hazards_found ON hazards (found_at);
CREATE INDEX hazards_equipment ON hazards (equipment_id);

-- Append-only: a hazard's state is a fold over these (core/workflow.py). Never updated.
CREATE TABLE hazard_events (
    id TEXT PRIMARY KEY,
    hazard_id TEXT NOT NULL REFERENCES hazards (id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    device TEXT NOT NULL
);
CREATE INDEX hazard_events_hazard ON hazard_events (hazard_id, hlc, device, id);

-- A local cache of each hazard's folded state for fast lists; never synced, rebuilt from the
-- events whenever they change (and after sync).
CREATE TABLE hazard_state (
    hazard_id TEXT PRIMARY KEY REFERENCES hazards (id),
    step TEXT NOT NULL,
    step_started TEXT,
    step_deadline TEXT,
    dispatched_at TEXT,
    archived_at TEXT,
    department_id TEXT,
    rectifier_id TEXT,
    reviewer_id TEXT,
    rectified_by TEXT,
    escalation_level INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    rejections INTEGER NOT NULL DEFAULT 0,
    deadline_met INTEGER                  -- 1/0 once rectified: before the deadline or not
) WITHOUT ROWID;
CREATE INDEX hazard_state_step ON hazard_state (step);

-- Safety points: award events (F12), never a stored total.
CREATE TABLE point_awards (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    person_id TEXT NOT NULL REFERENCES people (id),
    rule TEXT NOT NULL,
    points INTEGER NOT NULL,
    reason TEXT,
    hazard_id TEXT REFERENCES hazards (id),
    awarded_at TEXT NOT NULL
);
CREATE INDEX point_awards_person ON point_awards (person_id, awarded_at);
CREATE INDEX point_awards_month ON point_awards (awarded_at);
