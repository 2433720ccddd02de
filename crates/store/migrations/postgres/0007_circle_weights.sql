-- 0007 — each circle's weights for the parts of the matching score, tuned by its
-- coordinators (whole numbers from 0 to 100; no row: the defaults of docs/MATCHING.md).
CREATE TABLE circle_weights (
    circle_id    UUID PRIMARY KEY NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    field        BIGINT NOT NULL CHECK (field BETWEEN 0 AND 100),
    text         BIGINT NOT NULL CHECK (text BETWEEN 0 AND 100),
    proximity    BIGINT NOT NULL CHECK (proximity BETWEEN 0 AND 100),
    years        BIGINT NOT NULL CHECK (years BETWEEN 0 AND 100),
    load         BIGINT NOT NULL CHECK (load BETWEEN 0 AND 100),
    availability BIGINT NOT NULL CHECK (availability BETWEEN 0 AND 100),
    updated_by   UUID REFERENCES users (id) ON DELETE SET NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
