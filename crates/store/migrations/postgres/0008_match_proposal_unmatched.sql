-- 0008 — the porteurs a batch matching proposal leaves without a mentor, with why.
CREATE TABLE match_proposal_unmatched (
    proposal_id UUID NOT NULL REFERENCES match_proposals (id) ON DELETE CASCADE,
    project_id  UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (reason IN ('no_candidate', 'candidates_full')),
    PRIMARY KEY (proposal_id, project_id)
);
