-- 0012 — a counter that moves with every change the mentors' suggestions depend on (the
-- mentors, their fields, the fields' labels and synonyms, their names): the application
-- keeps its index of available mentors until it moves. The triggers keep it, whatever
-- writes; it is read before the mentors, so that an index is never newer than its mark.
CREATE TABLE generations (
    name  TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
);
INSERT INTO generations (name, value) VALUES ('mentors', 0);

CREATE TRIGGER mentors_generation_insert AFTER INSERT ON mentors
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER mentors_generation_update AFTER UPDATE ON mentors
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER mentors_generation_delete AFTER DELETE ON mentors
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;

CREATE TRIGGER mentor_domains_generation_insert AFTER INSERT ON mentor_domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER mentor_domains_generation_update AFTER UPDATE ON mentor_domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER mentor_domains_generation_delete AFTER DELETE ON mentor_domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;

CREATE TRIGGER domains_generation_insert AFTER INSERT ON domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER domains_generation_update AFTER UPDATE ON domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER domains_generation_delete AFTER DELETE ON domains
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;

CREATE TRIGGER users_generation_update AFTER UPDATE OF first_name, last_name ON users
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
CREATE TRIGGER users_generation_delete AFTER DELETE ON users
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;
