-- 0007 — each circle's weights for the parts of the matching score, tuned by its
-- coordinators (whole numbers from 0 to 100; no row: the defaults of docs/MATCHING.md).
CREATE TABLE circle_weights (
    circle_id    BLOB PRIMARY KEY NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    field        INTEGER NOT NULL CHECK (field BETWEEN 0 AND 100),
    text         INTEGER NOT NULL CHECK (text BETWEEN 0 AND 100),
    proximity    INTEGER NOT NULL CHECK (proximity BETWEEN 0 AND 100),
    years        INTEGER NOT NULL CHECK (years BETWEEN 0 AND 100),
    load         INTEGER NOT NULL CHECK (load BETWEEN 0 AND 100),
    availability INTEGER NOT NULL CHECK (availability BETWEEN 0 AND 100),
    updated_by   BLOB REFERENCES users (id) ON DELETE SET NULL,
    updated_at   TEXT NOT NULL
);
