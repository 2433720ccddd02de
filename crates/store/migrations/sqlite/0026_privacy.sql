-- 0026 — privacy duties: erasure after a grace period (and a ledger of erasures that holds
-- no personal data, re-applied after a restore), retention periods applied by a daily
-- sweep (logged with its counts, one per day across instances), accounts inactive for
-- years warned then erased, a minor's own consent beside the parent's, and every version
-- of a consent notice kept.
ALTER TABLE users ADD COLUMN erased_at TEXT;
ALTER TABLE users ADD COLUMN last_seen_at TEXT;
ALTER TABLE users ADD COLUMN inactivity_warned_at TEXT;
UPDATE users SET last_seen_at = created_at;
CREATE INDEX users_deletion ON users (deletion_requested_at);
CREATE INDEX users_last_seen ON users (last_seen_at);
CREATE INDEX users_inactivity_warned ON users (inactivity_warned_at);

-- The people erased, by id only: a restore of an older backup erases them again.
CREATE TABLE erasure_ledger (
    user_id   BLOB PRIMARY KEY NOT NULL,
    erased_at TEXT NOT NULL
);

-- One row per day's retention sweep: inserting it is the lease (one instance a day).
CREATE TABLE privacy_sweeps (
    day         TEXT PRIMARY KEY NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    counts      TEXT NOT NULL DEFAULT ''
);

-- When a contact message or a hosting request was closed (retention counts from it).
ALTER TABLE contact_messages ADD COLUMN closed_at TEXT;
ALTER TABLE hosting_requests ADD COLUMN closed_at TEXT;
UPDATE contact_messages SET closed_at = created_at WHERE status = 'done';
UPDATE hosting_requests SET closed_at = created_at WHERE status IN ('scheduled', 'declined');
CREATE INDEX contact_messages_closed ON contact_messages (closed_at);
CREATE INDEX hosting_requests_closed ON hosting_requests (closed_at);
CREATE INDEX mentorships_closed ON mentorships (status, closed_at);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX account_tokens_expires ON account_tokens (expires_at);
CREATE INDEX outbox_sent ON outbox (sent_at);
-- A person's records found by their address (the export, an erasure).
CREATE INDEX registrations_email ON registrations (email_folded);
CREATE INDEX outbox_to ON outbox (lower(to_address));
CREATE INDEX contact_messages_email ON contact_messages (lower(email));
CREATE INDEX hosting_requests_email ON hosting_requests (lower(email));

-- Under 15 the porteur consents too, with a notice written for them.
ALTER TABLE projects ADD COLUMN minor_consent_at TEXT;
ALTER TABLE projects ADD COLUMN minor_consent_version TEXT;
ALTER TABLE projects ADD COLUMN minor_consent_withdrawn_at TEXT;

-- Every version of every consent notice, as shown, in each language.
CREATE TABLE consent_notices (
    kind          TEXT NOT NULL,
    version       TEXT NOT NULL,
    locale        TEXT NOT NULL,
    body          TEXT NOT NULL,
    first_used_at TEXT NOT NULL,
    PRIMARY KEY (kind, version, locale)
);
