-- 0006 — batch matching proposals: a draft that coordinators review pair by pair
-- (removing the pairs they do not want), then publish as requests to the mentors.
CREATE TABLE match_proposals (
    id             UUID PRIMARY KEY NOT NULL,
    circle_id      UUID REFERENCES circles (id) ON DELETE CASCADE,
    created_by     UUID REFERENCES users (id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    total_score    BIGINT NOT NULL,
    matched        BIGINT NOT NULL,
    unmatched      BIGINT NOT NULL,
    blocking_pairs BIGINT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ
);

CREATE TABLE match_proposal_pairs (
    proposal_id UUID NOT NULL REFERENCES match_proposals (id) ON DELETE CASCADE,
    project_id  UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    mentor_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    score       BIGINT NOT NULL,
    -- The reasons, as shown when the proposal was made (one per line, French).
    reasons     TEXT NOT NULL DEFAULT '',
    removed     BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (proposal_id, project_id)
);
