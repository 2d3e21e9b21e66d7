-- Dangerous chemical inventory (危险化学品清单) for the major hazard installation ledger (F10):
-- S = Σ q/Q per GB 18218-2018 is computed from these rows (core/major_hazard.py).
-- Same bookkeeping columns as every synced table (see 0001_foundation.sql).

CREATE TABLE chemicals (
    id TEXT PRIMARY KEY, created_hlc INTEGER NOT NULL, updated_hlc INTEGER NOT NULL,
    created_device TEXT NOT NULL, device TEXT NOT NULL, deleted_hlc INTEGER,
    clocks TEXT NOT NULL DEFAULT '{}',
    name TEXT NOT NULL,
    cas_no TEXT,                      -- empty for mixtures (solvent paint)
    max_quantity_t REAL NOT NULL CHECK (max_quantity_t > 0),   -- q, tonnes
    threshold_t REAL NOT NULL CHECK (threshold_t > 0),         -- Q, tonnes (临界量)
    area_id TEXT REFERENCES areas (id),
    location TEXT,
    sds_sha256 TEXT,                  -- safety data sheet in the attachment store
    notes TEXT
);
CREATE INDEX chemicals_area ON chemicals (area_id);
