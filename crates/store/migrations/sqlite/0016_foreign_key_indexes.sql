-- 0016 — an index under every foreign key that had none: the pages that read children
-- by their parent (a relationship's goals, a project's requests, a circle's grants…)
-- read the index, not the table, and deleting a parent (an account erased, a circle
-- removed) finds its children without reading every row.
CREATE INDEX circle_partners_partner ON circle_partners (partner_id);
CREATE INDEX role_grants_partner ON role_grants (partner_id);
CREATE INDEX role_grants_circle ON role_grants (circle_id);
CREATE INDEX events_partner ON events (partner_id);
CREATE INDEX mentors_background_checked_by ON mentors (background_checked_by);
CREATE INDEX account_tokens_user ON account_tokens (user_id);
CREATE INDEX hosting_requests_event ON hosting_requests (event_id);
CREATE INDEX mentor_domains_domain ON mentor_domains (domain_code);
CREATE INDEX project_domains_domain ON project_domains (domain_code);
CREATE INDEX requests_project ON mentorship_requests (project_id);
CREATE INDEX meetings_logged_by ON meetings (logged_by);
CREATE INDEX goals_mentorship ON goals (mentorship_id);
CREATE INDEX feedback_author ON feedback (author_id);
CREATE INDEX match_proposals_replaced_by ON match_proposals (replaced_by);
CREATE INDEX match_proposals_created_by ON match_proposals (created_by);
CREATE INDEX match_proposals_circle ON match_proposals (circle_id);
CREATE INDEX match_proposal_pairs_mentor ON match_proposal_pairs (mentor_id);
CREATE INDEX match_proposal_pairs_project ON match_proposal_pairs (project_id);
CREATE INDEX circle_weights_updated_by ON circle_weights (updated_by);
CREATE INDEX match_proposal_unmatched_project ON match_proposal_unmatched (project_id);
CREATE INDEX match_proposal_exclusions_mentor ON match_proposal_exclusions (mentor_id);
CREATE INDEX match_proposal_exclusions_project ON match_proposal_exclusions (project_id);
CREATE INDEX match_proposal_circles_circle ON match_proposal_circles (circle_id);
