-- 0011 — a batch matching proposal over a set of circles (the mentors' places shared
-- out between them in one assignment): its circles. A proposal of one circle keeps it
-- in match_proposals.circle_id; one of the whole network has neither.
CREATE TABLE match_proposal_circles (
    proposal_id BLOB NOT NULL REFERENCES match_proposals (id) ON DELETE CASCADE,
    circle_id   BLOB NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, circle_id)
);
