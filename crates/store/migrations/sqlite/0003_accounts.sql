-- 0003 — sessions, server secrets, rate limits, the audit log and the e-mail outbox.

-- Server-side sessions, shared by every instance on PostgreSQL. The cookie carries a
-- random id; only its SHA-256 is stored, so a copy of the table opens no session.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY NOT NULL,
    user_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    -- The absolute end of the session, whatever its activity.
    expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Random keys generated at first start and shared by all instances (CSRF tokens,
-- device cookies). Never printed, never logged.
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Token buckets for rate limiting, keyed by what is limited (an account, an address,
-- a form). Integers only (thousandths of a token, milliseconds) so that both databases
-- compute exactly the same thing.
CREATE TABLE rate_limits (
    bucket       TEXT PRIMARY KEY NOT NULL,
    milli_tokens INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL
);

-- Who did what, when: sign-ins, failed sign-ins, role changes, exports, and every view
-- of a porteur de projet's record. `detail` never holds a password, token or address.
CREATE TABLE audit_log (
    id         BLOB PRIMARY KEY NOT NULL,
    at         TEXT NOT NULL,
    actor_id   BLOB REFERENCES users (id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    subject_id BLOB,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

-- E-mails, written in the same transaction as the change that causes them, then sent
-- by a background worker with retries. Without SMTP they stay here, readable by the
-- national team.
CREATE TABLE outbox (
    id              BLOB PRIMARY KEY NOT NULL,
    to_address      TEXT NOT NULL,
    template        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    attachment_name TEXT,
    attachment_type TEXT,
    attachment_body TEXT,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- A worker holds a message until this instant while it sends it.
    claimed_until   TEXT,
    sent_at         TEXT,
    failed_at       TEXT,
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
