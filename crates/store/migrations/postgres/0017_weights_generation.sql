-- 0017 — a counter that moves with every change of the circles' matching weights (see
-- the SQLite migration).
INSERT INTO generations (name, value) VALUES ('weights', 0);

CREATE TRIGGER circle_weights_generation AFTER INSERT OR UPDATE OR DELETE ON circle_weights
    FOR EACH STATEMENT EXECUTE FUNCTION bump_generation('weights');
