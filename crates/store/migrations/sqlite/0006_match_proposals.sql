-- 0006 — batch matching proposals: a draft that coordinators review pair by pair
-- (removing the pairs they do not want), then publish as requests to the mentors.
CREATE TABLE match_proposals (
    id             BLOB PRIMARY KEY NOT NULL,
    circle_id      BLOB REFERENCES circles (id) ON DELETE CASCADE,
    created_by     BLOB REFERENCES users (id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    total_score    INTEGER NOT NULL,
    matched        INTEGER NOT NULL,
    unmatched      INTEGER NOT NULL,
    blocking_pairs INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    published_at   TEXT
);

CREATE TABLE match_proposal_pairs (
    proposal_id BLOB NOT NULL REFERENCES match_proposals (id) ON DELETE CASCADE,
    project_id  BLOB NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    mentor_id   BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    score       INTEGER NOT NULL,
    -- The reasons, as shown when the proposal was made (one per line, French).
    reasons     TEXT NOT NULL DEFAULT '',
    removed     INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    PRIMARY KEY (proposal_id, project_id)
);
