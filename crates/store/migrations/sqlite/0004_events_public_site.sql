-- 0004 — registrations to events, requests to host a conference, the contact inbox,
-- the network's targets, and the dates the growth dashboard needs.

-- Seats taken, kept on the event so that "take a seat" is one conditional UPDATE
-- (UPDATE … SET confirmed = confirmed + 1 WHERE confirmed < capacity), which holds
-- exactly under concurrent registrations on both databases.
ALTER TABLE events ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;

-- A registration needs no account. Status: confirmed, waitlisted (promoted in order of
-- registration when a seat frees up), cancelled. Attendance is recorded at check-in.
CREATE TABLE registrations (
    id              BLOB PRIMARY KEY NOT NULL,
    event_id        BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL,
    email_folded    TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    heard_from      TEXT NOT NULL DEFAULT '',
    -- Agreed to be contacted about mentoring after the event.
    consent_contact INTEGER NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
    locale          TEXT NOT NULL DEFAULT 'fr',
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    -- SHA-256 of the secret of the cancellation link.
    cancel_hash     TEXT NOT NULL UNIQUE,
    attended_at     TEXT,
    reminded_at     TEXT,
    invited_at      TEXT,
    created_at      TEXT NOT NULL,
    cancelled_at    TEXT,
    UNIQUE (event_id, email_folded)
);
CREATE INDEX registrations_event ON registrations (event_id, status, created_at);

-- "Create a circle in my town / host a conference", reviewed by the national team.
CREATE TABLE hosting_requests (
    id                BLOB PRIMARY KEY NOT NULL,
    association       TEXT NOT NULL,
    commune_code      TEXT NOT NULL,
    contact_name      TEXT NOT NULL,
    email             TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    expected_audience INTEGER NOT NULL DEFAULT 0,
    preferred_dates   TEXT NOT NULL DEFAULT '',
    message           TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answered', 'scheduled', 'declined')),
    event_id          BLOB REFERENCES events (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX hosting_requests_status ON hosting_requests (status, created_at);

-- The contact form's inbox.
CREATE TABLE contact_messages (
    id         BLOB PRIMARY KEY NOT NULL,
    category   TEXT NOT NULL CHECK (category IN ('join', 'circle', 'press', 'support', 'other')),
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    message    TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
    created_at TEXT NOT NULL
);
CREATE INDEX contact_messages_status ON contact_messages (status, created_at);

-- The network's targets by year (10,000 mentors and 300 circles to begin with).
CREATE TABLE targets (
    year    INTEGER PRIMARY KEY NOT NULL,
    mentors INTEGER NOT NULL CHECK (mentors > 0),
    circles INTEGER NOT NULL CHECK (circles > 0)
);

-- When a mentor was approved: the growth chart counts approvals per month.
ALTER TABLE mentors ADD COLUMN approved_at TEXT;
