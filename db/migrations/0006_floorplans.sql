-- Floor plans and the four-colour risk map (F6): plan images, equipment markers, risk zones.
-- Same bookkeeping columns as every synced table (see 0001_foundation.sql). Coordinates are
-- image pixels of the plan (origin top-left, y down), so they survive a zoom or a re-export.

CREATE TABLE floor_plans (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    site_id TEXT REFERENCES sites (id),
    building_id TEXT REFERENCES buildings (id),
    floor TEXT,                    -- floor label as people say it: 1F, 2F, B1
    name TEXT NOT NULL,
    image_sha256 TEXT NOT NULL,    -- the plan image in the attachment store (PNG or JPEG)
    width_px INTEGER NOT NULL,
    height_px INTEGER NOT NULL,
    metres_per_px REAL,            -- NULL: scale unknown
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX floor_plans_building ON floor_plans (building_id);

CREATE TABLE plan_markers (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    plan_id TEXT NOT NULL REFERENCES floor_plans (id),
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    x REAL NOT NULL,
    y REAL NOT NULL
);
CREATE INDEX plan_markers_plan ON plan_markers (plan_id);
CREATE INDEX plan_markers_equipment ON plan_markers (equipment_id);

CREATE TABLE plan_zones (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    plan_id TEXT NOT NULL REFERENCES floor_plans (id),
    area_id TEXT REFERENCES areas (id),
    name TEXT NOT NULL,
    polygon TEXT NOT NULL          -- JSON [[x, y], ...] in image pixels, at least 3 points
);
CREATE INDEX plan_zones_plan ON plan_zones (plan_id);
