-- 0015 — a counter that moves with every change of the relationships (mentorships,
-- their meetings' marks, feedback): with the 'public' and 'mentors' counters, what the
-- coordination pages show. The application keeps each coordination page's figures
-- until one of them moves (or the minute turns), and several instances agree.
INSERT INTO generations (name, value) VALUES ('relationships', 0);
CREATE TRIGGER mentorships_relationships_insert AFTER INSERT ON mentorships
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
CREATE TRIGGER mentorships_relationships_update AFTER UPDATE ON mentorships
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
CREATE TRIGGER mentorships_relationships_delete AFTER DELETE ON mentorships
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
CREATE TRIGGER feedback_relationships_insert AFTER INSERT ON feedback
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
CREATE TRIGGER feedback_relationships_update AFTER UPDATE ON feedback
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
CREATE TRIGGER feedback_relationships_delete AFTER DELETE ON feedback
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'relationships'; END;
