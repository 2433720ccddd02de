-- 0017 — a counter that moves with every change of the circles' matching weights: the
-- application keeps every circle's weights beside its index of mentors and reads them
-- again only when it moves, not on every directory page.
INSERT INTO generations (name, value) VALUES ('weights', 0);
CREATE TRIGGER circle_weights_generation_insert AFTER INSERT ON circle_weights
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'weights'; END;
CREATE TRIGGER circle_weights_generation_update AFTER UPDATE ON circle_weights
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'weights'; END;
CREATE TRIGGER circle_weights_generation_delete AFTER DELETE ON circle_weights
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'weights'; END;
