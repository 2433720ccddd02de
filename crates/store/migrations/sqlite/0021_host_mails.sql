-- 0021 — the host association of a conference hears from the platform in its language:
-- when the conference is scheduled, a week before (with the registrations) and after it
-- (with who came and who applied). The language comes from its request to host; each
-- message is marked sent on the event, in the transaction that queues it.
ALTER TABLE hosting_requests ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE partners ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE events ADD COLUMN host_week_mail_at TEXT;
ALTER TABLE events ADD COLUMN host_after_mail_at TEXT;
