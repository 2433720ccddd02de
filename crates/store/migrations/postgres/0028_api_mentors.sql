-- 0028 — a circle's approved mentors read page by page in the API, by id.
CREATE INDEX mentors_circle_user ON mentors (circle_id, status, user_id);
