-- 0022 — the associations around a conference: its host and the associations that relay
-- it, each with its own share code (`/evenements/{id}?par=CODE`), so that a registration
-- is attributed to the partner that brought it. The host keeps `events.partner_id` too.
CREATE TABLE event_partners (
    event_id   BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    partner_id BLOB NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('host', 'relay')),
    code       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (event_id, partner_id)
);
CREATE INDEX event_partners_partner ON event_partners (partner_id);
INSERT INTO event_partners (event_id, partner_id, role, code, created_at)
SELECT id, partner_id, 'host', lower(hex(randomblob(6))), created_at FROM events WHERE partner_id IS NOT NULL;
ALTER TABLE registrations ADD COLUMN partner_id BLOB REFERENCES partners (id) ON DELETE SET NULL;
CREATE INDEX registrations_partner ON registrations (partner_id, event_id);
