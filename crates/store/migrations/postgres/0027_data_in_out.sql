-- 0027 — data in and out: the priority neighbourhoods (QPV) as reference data and the
-- answer of each person about theirs, structured outcomes of a closing feedback, and
-- personal API tokens.

-- Quartiers prioritaires de la politique de la ville, as the ANCT publishes them
-- (`mentorat territories import-qpv`): a code (`QN07501M`), a name, the communes
-- (INSEE codes) it lies in.
CREATE TABLE qpv (
    code        TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE qpv_communes (
    qpv_code     TEXT NOT NULL REFERENCES qpv (code) ON DELETE CASCADE,
    commune_code TEXT NOT NULL,
    PRIMARY KEY (qpv_code, commune_code)
);
CREATE INDEX qpv_communes_commune ON qpv_communes (commune_code);

-- What a porteur or a mentor said of the neighbourhood they live in: one of their
-- commune's QPV ('yes' with its code), 'no', or 'unknown'; NULL until asked.
ALTER TABLE users ADD COLUMN qpv_answer TEXT CHECK (qpv_answer IN ('yes', 'no', 'unknown'));
ALTER TABLE users ADD COLUMN qpv_code TEXT;
CREATE INDEX users_qpv ON users (qpv_answer);

-- What changed, ticked by the porteur when the relationship closes (beside the text).
CREATE TABLE feedback_outcomes (
    mentorship_id UUID NOT NULL,
    author_id     UUID NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('launched', 'job_or_training', 'business_created', 'association_created', 'project_changed', 'stopped')),
    PRIMARY KEY (mentorship_id, author_id, outcome),
    FOREIGN KEY (mentorship_id, author_id) REFERENCES feedback (mentorship_id, author_id) ON DELETE CASCADE
);
CREATE INDEX feedback_outcomes_outcome ON feedback_outcomes (outcome);
CREATE INDEX feedback_outcomes_author ON feedback_outcomes (author_id);

-- Personal API tokens: only a SHA-256 of the secret is kept (it is shown once).
CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY NOT NULL,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'read_write')),
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    last_used_on TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

-- The API's pages walk these lists by id.
CREATE INDEX registrations_event_id ON registrations (event_id, id);
CREATE INDEX projects_circle_id ON projects (circle_id, id);

-- The impact report reads each figure over a period.
CREATE INDEX projects_created ON projects (created_at);
CREATE INDEX requests_created ON mentorship_requests (created_at);
CREATE INDEX mentorships_started ON mentorships (started_at);
CREATE INDEX mentorships_closed_at ON mentorships (closed_at);
CREATE INDEX feedback_created ON feedback (created_at);

-- Spreadsheets imported: the file is kept from its preview to its import (then
-- emptied: it holds other people's data); the counts stay.
CREATE TABLE imports (
    id          UUID PRIMARY KEY NOT NULL,
    actor_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('mentors', 'porteurs', 'partners', 'registrations')),
    event_id    UUID REFERENCES events (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL DEFAULT '',
    content     BYTEA,
    status      TEXT NOT NULL CHECK (status IN ('previewed', 'running', 'done', 'failed')),
    total_lines BIGINT NOT NULL DEFAULT 0,
    done_lines  BIGINT NOT NULL DEFAULT 0,
    created     BIGINT NOT NULL DEFAULT 0,
    updated     BIGINT NOT NULL DEFAULT 0,
    unchanged   BIGINT NOT NULL DEFAULT 0,
    refused     BIGINT NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE INDEX imports_actor ON imports (actor_id, created_at);
CREATE INDEX imports_status ON imports (status, created_at);
CREATE INDEX imports_event ON imports (event_id);
-- A mentor who came from a file (vetted elsewhere) accepts the charter at first sign-in.
ALTER TABLE mentors ADD COLUMN imported_at TIMESTAMPTZ;
