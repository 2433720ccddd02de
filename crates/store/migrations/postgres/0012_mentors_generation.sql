-- 0012 — a counter that moves with every change the mentors' suggestions depend on (the
-- mentors, their fields, the fields' labels and synonyms, their names): the application
-- keeps its index of available mentors until it moves. The triggers keep it, whatever
-- writes; it is read before the mentors, so that an index is never newer than its mark.
CREATE TABLE generations (
    name  TEXT PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);
INSERT INTO generations (name, value) VALUES ('mentors', 0);

CREATE FUNCTION bump_mentors_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE generations SET value = value + 1 WHERE name = 'mentors';
    RETURN NULL;
END;
$$;

CREATE TRIGGER mentors_generation AFTER INSERT OR UPDATE OR DELETE ON mentors
    FOR EACH STATEMENT EXECUTE FUNCTION bump_mentors_generation();
CREATE TRIGGER mentor_domains_generation AFTER INSERT OR UPDATE OR DELETE ON mentor_domains
    FOR EACH STATEMENT EXECUTE FUNCTION bump_mentors_generation();
CREATE TRIGGER domains_generation AFTER INSERT OR UPDATE OR DELETE ON domains
    FOR EACH STATEMENT EXECUTE FUNCTION bump_mentors_generation();
CREATE TRIGGER users_generation AFTER UPDATE OF first_name, last_name OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_mentors_generation();
