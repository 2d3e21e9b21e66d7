-- Early warning (F8): warnings raised by the rules (core/warning_rules.py), their life as
-- append-only events, the key-monitoring list, MES alarms with their id mapping, and detected
-- sensor anomalies. Raw sensor readings are NOT in this file (a year of one-minute readings
-- for 50 machines is 26 M values per signal): they live as compact numpy files under the
-- data folder (db/sensor_store.py), on the PC that imported them; only what the detector
-- found (a few rows per fault) is synced.

-- The rules read recent hazards' type and place only: a covering index answers that range
-- without reading the hazards' rows (500,000 hazards: the rules' read drops about fivefold).
CREATE INDEX hazards_rules ON hazards (found_at, deleted_hlc, id, type, area_id, line_id,
                                       equipment_id);

CREATE TABLE warnings (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    rule TEXT NOT NULL,                   -- repeats | persistence | time_cluster | mes | sensor
    severity TEXT NOT NULL CHECK (severity IN ('red', 'orange', 'yellow', 'suggestion')),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('area', 'line', 'equipment', 'type')),
    subject_id TEXT NOT NULL,
    key TEXT NOT NULL,                    -- stable per rule and subject: a re-run finds it again
    params TEXT NOT NULL DEFAULT '{}',    -- JSON: what the title and explanation are made of
    evidence TEXT NOT NULL DEFAULT '{}',  -- JSON: hazard ids, alarm ids, a series window
    first_seen TEXT NOT NULL,             -- local wall time the rule first raised it
    last_seen TEXT NOT NULL               -- the latest run that still found it
);
CREATE INDEX warnings_key ON warnings (key);

-- Append-only: a warning's state is a fold over these (core/warnings.py). Never updated.
CREATE TABLE warning_events (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    warning_id TEXT NOT NULL REFERENCES warnings (id),
    kind TEXT NOT NULL CHECK (kind IN ('acknowledged', 'acted', 'closed', 'reopened')),
    hazard_id TEXT REFERENCES hazards (id),   -- acted: the hazard that deals with it
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL                      -- local wall time; order by created_hlc
);
CREATE INDEX warning_events_warning ON warning_events (warning_id, created_hlc);

CREATE TABLE key_monitoring (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    reason TEXT NOT NULL,
    since TEXT NOT NULL,
    rule TEXT NOT NULL,
    warning_id TEXT REFERENCES warnings (id),
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX key_monitoring_equipment ON key_monitoring (equipment_id);

CREATE TABLE mes_mappings (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    mes_id TEXT NOT NULL,
    equipment_id TEXT NOT NULL REFERENCES equipment (id)
);
CREATE INDEX mes_mappings_mes ON mes_mappings (mes_id);

-- Ids are uuid5(mes_id, at, kind): the same alarm imported twice (or on two PCs) is one row.
CREATE TABLE mes_alarms (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    mes_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    value REAL,
    source_file TEXT
);
CREATE INDEX mes_alarms_equipment ON mes_alarms (equipment_id, at);

-- What the detector found in a machine's series (analytics/sensor_anomaly.py); deterministic
-- ids uuid5(equipment, signal, start) so re-analysing the same readings adds nothing.
CREATE TABLE sensor_anomalies (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    equipment_id TEXT NOT NULL REFERENCES equipment (id),
    signal TEXT NOT NULL,
    kind TEXT NOT NULL,                   -- spike | drift | step
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    peak_score REAL NOT NULL,
    baseline REAL,
    peak_value REAL
);
CREATE INDEX sensor_anomalies_equipment ON sensor_anomalies (equipment_id, signal, start_at);

-- Local, never synced: which series this PC holds and whether the detector has seen them
-- since the last import.
CREATE TABLE sensor_series (
    equipment_id TEXT NOT NULL,
    signal TEXT NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    count INTEGER NOT NULL,
    analysed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (equipment_id, signal)
) WITHOUT ROWID;
