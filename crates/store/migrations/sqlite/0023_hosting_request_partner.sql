-- 0023 — a partner association asks for a conference from its space: the request keeps
-- which association it is (then it hosts the conference), and its members follow it.
ALTER TABLE hosting_requests ADD COLUMN partner_id BLOB REFERENCES partners (id) ON DELETE SET NULL;
CREATE INDEX hosting_requests_partner ON hosting_requests (partner_id, created_at);
