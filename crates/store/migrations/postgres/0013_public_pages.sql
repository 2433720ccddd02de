-- 0013 — the public pages at the network's size (see the SQLite migration).
INSERT INTO generations (name, value) VALUES ('public', 0);

CREATE FUNCTION bump_public_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE generations SET value = value + 1 WHERE name = 'public';
    RETURN NULL;
END;
$$;

CREATE TRIGGER circles_public_generation AFTER INSERT OR UPDATE OR DELETE ON circles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER circle_editions_public_generation AFTER INSERT OR UPDATE OR DELETE ON circle_editions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER circle_territories_public_generation AFTER INSERT OR UPDATE OR DELETE ON circle_territories
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER partners_public_generation AFTER INSERT OR UPDATE OR DELETE ON partners
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER circle_partners_public_generation AFTER INSERT OR UPDATE OR DELETE ON circle_partners
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER events_public_generation AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER registrations_public_generation AFTER INSERT OR UPDATE OR DELETE ON registrations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER projects_public_generation AFTER INSERT OR UPDATE OR DELETE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();
CREATE TRIGGER targets_public_generation AFTER INSERT OR UPDATE OR DELETE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_public_generation();

-- Indexes for what the pages filter and sort on: a porteur's projects, the network's
-- projects by status and age (the national team's queues), approvals by date (the
-- dashboard's months), relationships by status and last meeting (the quiet ones), a
-- relationship's project, the holders of a role in a circle (a circle's coordinators
-- were found by reading every grant of the network).
CREATE INDEX projects_mentee ON projects (mentee_id);
CREATE INDEX projects_status ON projects (status, created_at);
CREATE INDEX mentors_approved ON mentors (status, approved_at);
CREATE INDEX mentorships_quiet ON mentorships (status, last_meeting_on);
CREATE INDEX mentorships_project ON mentorships (project_id);
CREATE INDEX role_grants_role ON role_grants (role, circle_id);

-- A circle's queues of mentors and projects, oldest first: the circle and status
-- indexes gain the date (without it, a circle's waiting porteurs were found by walking
-- the whole network's by age: 100 ms at national scale).
DROP INDEX mentors_circle;
CREATE INDEX mentors_circle ON mentors (circle_id, status, created_at);
DROP INDEX projects_circle;
CREATE INDEX projects_circle ON projects (circle_id, status, created_at);
