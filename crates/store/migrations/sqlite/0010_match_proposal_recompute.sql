-- 0010 — recomputing a draft around the coordinators' review: the pairs they kept stay,
-- the pairs they removed are never proposed again by the drafts that follow, and the
-- draft recomputed points to the one that replaces it.
ALTER TABLE match_proposals ADD COLUMN replaced_by BLOB REFERENCES match_proposals (id) ON DELETE SET NULL;

CREATE TABLE match_proposal_exclusions (
    proposal_id BLOB NOT NULL REFERENCES match_proposals (id) ON DELETE CASCADE,
    project_id  BLOB NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    mentor_id   BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, project_id, mentor_id)
);
