-- Effect metrics (F9): the incident register, monthly workforce and external inspections;
-- and the indexes the early-warning dashboard (F8) aggregates over.

CREATE TABLE incidents (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    date TEXT NOT NULL,                  -- YYYY-MM-DD, local
    person_id TEXT REFERENCES people (id),
    person_name TEXT NOT NULL,           -- kept as written: people leave, names stay on record
    category TEXT NOT NULL,              -- a key of core.metrics.GB6441_CATEGORIES
    severity TEXT NOT NULL,              -- a key of core.metrics.SEVERITIES
    lost_days INTEGER NOT NULL DEFAULT 0 CHECK (lost_days >= 0),
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_date ON incidents (date);

CREATE TABLE monthly_workforce (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    month TEXT NOT NULL,                 -- YYYY-MM; one live row a month (checked in core)
    headcount INTEGER NOT NULL CHECK (headcount >= 0),
    hours_worked REAL NOT NULL DEFAULT 0 CHECK (hours_worked >= 0)
);
CREATE INDEX monthly_workforce_month ON monthly_workforce (month);

CREATE TABLE external_inspections (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    date TEXT NOT NULL,                  -- YYYY-MM-DD
    agency TEXT NOT NULL,                -- 应急管理局, 消防救援大队 ...
    kind TEXT NOT NULL DEFAULT '',       -- 执法检查, 专项检查, 标准化复评 ...
    deductions REAL NOT NULL DEFAULT 0 CHECK (deductions >= 0),
    findings TEXT NOT NULL DEFAULT ''
);
CREATE INDEX external_inspections_date ON external_inspections (date);

-- Dashboard (F8): a narrow, local copy of what the charts count, one row per hazard that has a
-- state, kept by triggers from hazards and hazard_state. Like hazard_state it is a cache, never
-- synced. Why: joining hazard_state to hazards costs an index lookup per hazard (~4 µs), which
-- at 500,000 hazards is two seconds; over this table every chart is one index-only scan.
CREATE TABLE hazard_facts (
    hazard_id TEXT PRIMARY KEY,
    found_at TEXT NOT NULL,
    found_month TEXT NOT NULL,           -- substr(found_at, 1, 7)
    found_slot INTEGER NOT NULL,         -- weekday (Monday 0) × 24 + hour: the heat map's cell
    type TEXT NOT NULL,
    area_id TEXT,
    grade TEXT NOT NULL,
    live INTEGER NOT NULL,               -- 1 unless the hazard is tombstoned
    step TEXT,
    step_deadline TEXT,
    archived_at TEXT,
    archived_day TEXT,                   -- substr(archived_at, 1, 10)
    rect_hours REAL,                     -- found -> archived, hours; NULL until archived
    deadline_met INTEGER                 -- 1/0 once rectified
) WITHOUT ROWID;
-- SQLite's GROUP BY sorts every input row unless an index already yields the groups in order:
-- month and slot lead this index, so the calendar charts and two figures come from one
-- streaming scan with at most 168 groups a month.
CREATE INDEX hazard_facts_found ON hazard_facts
    (found_month, found_slot, found_at, area_id, grade, live, rect_hours, deadline_met);
-- type, area first: the by-type / by-area / repeats GROUP BY streams in index order.
CREATE INDEX hazard_facts_type ON hazard_facts (type, area_id, found_at, grade, live);
CREATE INDEX hazard_facts_archived ON hazard_facts (archived_day, area_id, grade, live);
CREATE INDEX hazard_facts_open ON hazard_facts (step, grade, area_id, live, step_deadline);

-- The weekday from the date part only: a time-zone suffix must not move a hazard to another day.
INSERT INTO hazard_facts
    SELECT h.id, h.found_at, substr(h.found_at, 1, 7),
           (CAST(strftime('%w', substr(h.found_at, 1, 10)) AS INTEGER) + 6) % 7 * 24
               + CAST(substr(h.found_at, 12, 2) AS INTEGER),
           h.type, h.area_id, h.grade, h.deleted_hlc IS NULL, s.step, s.step_deadline,
           s.archived_at, substr(s.archived_at, 1, 10),
           (julianday(s.archived_at) - julianday(h.found_at)) * 24, s.deadline_met
    FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id;

-- A hazard counts once it has a state, as in the hazard list (a hazard arriving by sync gets
-- its state when the cache is rebuilt). The state cache is written with INSERT OR REPLACE,
-- whose REPLACE deletes fire no triggers while recursive_triggers is off, so the insert
-- trigger carries the whole state; an upsert touches only the state columns' indexes.
CREATE TRIGGER hazard_facts_state AFTER INSERT ON hazard_state BEGIN
    INSERT INTO hazard_facts
        SELECT h.id, h.found_at, substr(h.found_at, 1, 7),
               (CAST(strftime('%w', substr(h.found_at, 1, 10)) AS INTEGER) + 6) % 7 * 24
                   + CAST(substr(h.found_at, 12, 2) AS INTEGER),
               h.type, h.area_id, h.grade, h.deleted_hlc IS NULL, NEW.step, NEW.step_deadline,
               NEW.archived_at, substr(NEW.archived_at, 1, 10),
               (julianday(NEW.archived_at) - julianday(h.found_at)) * 24, NEW.deadline_met
        FROM hazards h WHERE h.id = NEW.hazard_id
    ON CONFLICT (hazard_id) DO UPDATE SET step = excluded.step,
        step_deadline = excluded.step_deadline, archived_at = excluded.archived_at,
        archived_day = excluded.archived_day, rect_hours = excluded.rect_hours,
        deadline_met = excluded.deadline_met;
END;
CREATE TRIGGER hazard_facts_state_update AFTER UPDATE ON hazard_state BEGIN
    UPDATE hazard_facts SET step = NEW.step, step_deadline = NEW.step_deadline,
        archived_at = NEW.archived_at, archived_day = substr(NEW.archived_at, 1, 10),
        rect_hours = (julianday(NEW.archived_at) - julianday(found_at)) * 24,
        deadline_met = NEW.deadline_met
    WHERE hazard_id = NEW.hazard_id;
END;
-- (Should recursive_triggers ever be on, a REPLACE fires this first and the insert trigger
-- then writes the row back: the result is the same.)
CREATE TRIGGER hazard_facts_state_gone AFTER DELETE ON hazard_state BEGIN
    DELETE FROM hazard_facts WHERE hazard_id = OLD.hazard_id;
END;
-- A hazard row that arrives (by sync) after its events were folded: its state is already there.
-- (Recorded locally, the hazard comes first and this finds no state: nothing to do.)
CREATE TRIGGER hazard_facts_new AFTER INSERT ON hazards BEGIN
    INSERT OR REPLACE INTO hazard_facts
        SELECT NEW.id, NEW.found_at, substr(NEW.found_at, 1, 7),
               (CAST(strftime('%w', substr(NEW.found_at, 1, 10)) AS INTEGER) + 6) % 7 * 24
                   + CAST(substr(NEW.found_at, 12, 2) AS INTEGER),
               NEW.type, NEW.area_id, NEW.grade, NEW.deleted_hlc IS NULL, s.step,
               s.step_deadline, s.archived_at, substr(s.archived_at, 1, 10),
               (julianday(s.archived_at) - julianday(NEW.found_at)) * 24, s.deadline_met
        FROM hazard_state s WHERE s.hazard_id = NEW.id;
END;
-- Edits of the hazard itself (type, area, grade, found time, tombstone; also by sync).
CREATE TRIGGER hazard_facts_edit AFTER UPDATE OF found_at, type, area_id, grade, deleted_hlc
    ON hazards BEGIN
    UPDATE hazard_facts SET found_at = NEW.found_at, found_month = substr(NEW.found_at, 1, 7),
        found_slot = (CAST(strftime('%w', substr(NEW.found_at, 1, 10)) AS INTEGER) + 6) % 7 * 24
            + CAST(substr(NEW.found_at, 12, 2) AS INTEGER),
        type = NEW.type, area_id = NEW.area_id, grade = NEW.grade,
        live = NEW.deleted_hlc IS NULL,
        rect_hours = (julianday(archived_at) - julianday(NEW.found_at)) * 24
    WHERE hazard_id = NEW.id;
END;
