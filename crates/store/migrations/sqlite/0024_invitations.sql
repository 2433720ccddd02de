-- 0024 — the invitation to apply after a conference is a single-use link that names no
-- one (only a SHA-256 of its secret is kept, on the registration it was sent for); the
-- application remembers the conference it came from.
ALTER TABLE registrations ADD COLUMN invite_hash TEXT;
ALTER TABLE registrations ADD COLUMN invite_used_at TEXT;
CREATE UNIQUE INDEX registrations_invite ON registrations (invite_hash);
ALTER TABLE mentors ADD COLUMN event_id BLOB REFERENCES events (id) ON DELETE SET NULL;
CREATE INDEX mentors_event ON mentors (event_id);
