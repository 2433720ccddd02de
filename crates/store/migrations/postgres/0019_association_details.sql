-- 0019 — the association's own details (name, address, registration number, publication
-- director, host, data protection contact, support links), edited by the national team.
-- One row per detail that was saved; a detail without a row takes the configured default.
CREATE TABLE association_details (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_by UUID REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX association_details_updated_by ON association_details (updated_by);
