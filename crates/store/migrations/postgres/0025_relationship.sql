-- 0025 — the relationship as the pair live it: why a mentor was suggested kept with the
-- request; messages between the pair, what each has read and when each was last told
-- by e-mail; reports and blocks (a block suspends the relationship until a coordinator
-- reviews it); check-ins at 30 days then every 60; a mentor's own pause, the requests
-- they let expire and their last activity.
ALTER TABLE mentorship_requests ADD COLUMN reasons TEXT NOT NULL DEFAULT '';

ALTER TABLE mentorships ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE mentorships ADD COLUMN checkin_round BIGINT NOT NULL DEFAULT 0;
ALTER TABLE mentorships ADD COLUMN checkin_sent_at TIMESTAMPTZ;
-- The check-in sweep: the first check-in by start, the next ones by the last sent.
CREATE INDEX mentorships_first_checkin ON mentorships (status, checkin_round, started_at);
CREATE INDEX mentorships_next_checkin ON mentorships (status, checkin_sent_at);

CREATE TABLE messages (
    id            UUID PRIMARY KEY NOT NULL,
    mentorship_id UUID NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    author_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX messages_thread ON messages (mentorship_id, created_at);
CREATE INDEX messages_author ON messages (author_id);
-- The hours export reads the meetings of a year, by day.
CREATE INDEX meetings_held_on ON meetings (held_on);

-- One row per reader of a thread: what they read up to, when they were last e-mailed.
CREATE TABLE thread_reads (
    mentorship_id UUID NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    read_at       TIMESTAMPTZ,
    notified_at   TIMESTAMPTZ,
    PRIMARY KEY (mentorship_id, user_id)
);
CREATE INDEX thread_reads_user ON thread_reads (user_id);

-- A report of a message (or of the relationship, without one) to the circle's
-- coordinators; `block`: the reporter ended contact (the relationship is suspended).
CREATE TABLE mentorship_reports (
    id            UUID PRIMARY KEY NOT NULL,
    mentorship_id UUID NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    reporter_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message_id    UUID REFERENCES messages (id) ON DELETE SET NULL,
    reason        TEXT NOT NULL,
    block         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL,
    reviewed_at   TIMESTAMPTZ,
    reviewed_by   UUID REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX mentorship_reports_mentorship ON mentorship_reports (mentorship_id);
CREATE INDEX mentorship_reports_reporter ON mentorship_reports (reporter_id);
CREATE INDEX mentorship_reports_message ON mentorship_reports (message_id);
CREATE INDEX mentorship_reports_reviewed_by ON mentorship_reports (reviewed_by);
CREATE INDEX mentorship_reports_open ON mentorship_reports (reviewed_at, created_at);

CREATE TABLE checkins (
    mentorship_id UUID NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    author_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    round         BIGINT NOT NULL,
    mood          BIGINT NOT NULL CHECK (mood BETWEEN 1 AND 5),
    met           BOOLEAN NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mentorship_id, author_id, round)
);
CREATE INDEX checkins_author ON checkins (author_id);
CREATE INDEX checkins_created ON checkins (created_at);

ALTER TABLE mentors ADD COLUMN paused_until TIMESTAMPTZ;
ALTER TABLE mentors ADD COLUMN expired_requests BIGINT NOT NULL DEFAULT 0;
-- Why a mentor is paused: 'self' (until `paused_until`) or 'expired' (requests let
-- expire); NULL when a coordinator paused them. The mentor comes back from the first two.
ALTER TABLE mentors ADD COLUMN pause_reason TEXT CHECK (pause_reason IN ('self', 'expired'));
ALTER TABLE mentors ADD COLUMN last_active_at TIMESTAMPTZ;
CREATE INDEX mentors_paused_until ON mentors (status, paused_until);

-- Who read what of a relationship (a coordinator's reading of a minor's thread), by
-- subject: the audit log is read by subject too.
CREATE INDEX audit_log_subject ON audit_log (subject_id, at);
