-- 0028 — a circle's approved mentors read page by page in the API, by id; an import's
-- last progress, so that one stopped by a restart is found and said failed.
CREATE INDEX mentors_circle_user ON mentors (circle_id, status, user_id);
ALTER TABLE imports ADD COLUMN progressed_at TIMESTAMPTZ;
CREATE INDEX imports_progress ON imports (status, progressed_at);
