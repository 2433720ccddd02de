-- 0013 — the public pages at the network's size.
--
-- A counter that moves with every change the public pages and the national dashboard
-- show (circles, their editions, territories and partners, events and registrations,
-- projects, the year's targets; the mentors have their own counter since 0012): the
-- application keeps those pages, rendered and compressed, until one of the two moves,
-- and several instances agree because the counter lives here. The triggers keep it,
-- whatever writes.
INSERT INTO generations (name, value) VALUES ('public', 0);
CREATE TRIGGER circles_public_insert AFTER INSERT ON circles
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circles_public_update AFTER UPDATE ON circles
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circles_public_delete AFTER DELETE ON circles
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_editions_public_insert AFTER INSERT ON circle_editions
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_editions_public_update AFTER UPDATE ON circle_editions
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_editions_public_delete AFTER DELETE ON circle_editions
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_territories_public_insert AFTER INSERT ON circle_territories
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_territories_public_update AFTER UPDATE ON circle_territories
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_territories_public_delete AFTER DELETE ON circle_territories
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER partners_public_insert AFTER INSERT ON partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER partners_public_update AFTER UPDATE ON partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER partners_public_delete AFTER DELETE ON partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_partners_public_insert AFTER INSERT ON circle_partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_partners_public_update AFTER UPDATE ON circle_partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER circle_partners_public_delete AFTER DELETE ON circle_partners
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER events_public_insert AFTER INSERT ON events
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER events_public_update AFTER UPDATE ON events
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER events_public_delete AFTER DELETE ON events
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER registrations_public_insert AFTER INSERT ON registrations
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER registrations_public_update AFTER UPDATE ON registrations
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER registrations_public_delete AFTER DELETE ON registrations
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER projects_public_insert AFTER INSERT ON projects
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER projects_public_update AFTER UPDATE ON projects
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER projects_public_delete AFTER DELETE ON projects
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER targets_public_insert AFTER INSERT ON targets
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER targets_public_update AFTER UPDATE ON targets
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;
CREATE TRIGGER targets_public_delete AFTER DELETE ON targets
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'public'; END;

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
