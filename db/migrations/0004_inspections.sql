-- Inspections (F4): checklist templates per equipment type, schedules, inspection runs and
-- their results. Same bookkeeping columns as every synced table (see 0001_foundation.sql).

CREATE TABLE checklist_templates (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    type_id TEXT NOT NULL REFERENCES equipment_types (id),
    name TEXT NOT NULL              -- e.g. 压力机日常点检表
);
CREATE INDEX checklist_templates_type ON checklist_templates (type_id);

CREATE TABLE checklist_items (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    template_id TEXT NOT NULL REFERENCES checklist_templates (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,             -- 光电保护装置灵敏有效
    guidance TEXT,                  -- how to check it: 遮挡光幕，滑块应立即停止
    hazard_type TEXT                -- a key of core.hazards.HAZARD_TYPES; NULL: guessed from the text
);
CREATE INDEX checklist_items_template ON checklist_items (template_id, position);

-- Per machine (equipment_id) or per type (type_id), exactly one of the two. A machine's own
-- schedule takes precedence over its type's.
CREATE TABLE inspection_schedules (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT REFERENCES equipment (id),
    type_id TEXT REFERENCES equipment_types (id),
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    start_date TEXT NOT NULL,       -- periods before this day are never "missed"
    active INTEGER NOT NULL DEFAULT 1,
    CHECK ((equipment_id IS NULL) != (type_id IS NULL))
);
CREATE INDEX inspection_schedules_equipment ON inspection_schedules (equipment_id);
CREATE INDEX inspection_schedules_type ON inspection_schedules (type_id);

CREATE TABLE inspections (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    template_id TEXT REFERENCES checklist_templates (id),
    inspector_user_id TEXT,         -- users.id; no foreign key: the built-in system actor has
                                    -- no user row, and sync may bring a run before its user
    inspector_person_id TEXT REFERENCES people (id),
    inspector_name TEXT NOT NULL,
    started_at TEXT NOT NULL,       -- local wall time, ISO
    finished_at TEXT,
    note TEXT,
    item_count INTEGER NOT NULL,    -- items on the checklist when it was run
    ok_count INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    na_count INTEGER NOT NULL DEFAULT 0,
    proper INTEGER NOT NULL DEFAULT 0   -- earned the inspection points (core.inspections)
);
-- Due lists look up each machine's latest run; histories page by machine, inspector or date.
CREATE INDEX inspections_equipment ON inspections (equipment_id, started_at);
CREATE INDEX inspections_user ON inspections (inspector_user_id, started_at);
CREATE INDEX inspections_person ON inspections (inspector_person_id, started_at);
CREATE INDEX inspections_started ON inspections (started_at);

-- The id is uuid5(inspection id, item id) (core.inspections.result_id): two PCs writing the
-- same item of the same inspection write one row.
CREATE TABLE inspection_results (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    inspection_id TEXT NOT NULL REFERENCES inspections (id),
    item_id TEXT REFERENCES checklist_items (id),
    position INTEGER NOT NULL,
    item_text TEXT NOT NULL,        -- a copy: editing the checklist later never rewrites history
    outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
    note TEXT,
    photos TEXT NOT NULL DEFAULT '[]',  -- JSON list of attachment sha256s
    hazard_id TEXT REFERENCES hazards (id)  -- the hazard a failed item drafted
);
CREATE INDEX inspection_results_inspection ON inspection_results (inspection_id, position);
CREATE INDEX inspection_results_hazard ON inspection_results (hazard_id) WHERE hazard_id IS NOT NULL;
