-- 0015 — a counter that moves with every change of the relationships (see the SQLite
-- migration). From here on one function moves the counter its trigger names.
INSERT INTO generations (name, value) VALUES ('relationships', 0);

CREATE FUNCTION bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE generations SET value = value + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END;
$$;

CREATE TRIGGER mentorships_relationships_generation AFTER INSERT OR UPDATE OR DELETE ON mentorships
    FOR EACH STATEMENT EXECUTE FUNCTION bump_generation('relationships');
CREATE TRIGGER feedback_relationships_generation AFTER INSERT OR UPDATE OR DELETE ON feedback
    FOR EACH STATEMENT EXECUTE FUNCTION bump_generation('relationships');
