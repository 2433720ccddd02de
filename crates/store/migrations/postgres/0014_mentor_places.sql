-- 0014 — a mentor's places apart from the rest of them (see the SQLite migration). The
-- counter's row stays locked until the writing transaction ends, so the values of
-- places_seq become visible in their order: a reader that saw the counter at n finds
-- every row marked n or less.
ALTER TABLE mentors ADD COLUMN places_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX mentors_places_seq ON mentors (places_seq);
INSERT INTO generations (name, value) VALUES ('mentor_places', 0);

DROP TRIGGER mentors_generation ON mentors;
CREATE TRIGGER mentors_generation AFTER INSERT OR DELETE OR UPDATE OF user_id, circle_id, commune_code, bio, status, capacity, created_at, approved_at,
    travel_km, remote, languages, availability, interview_on, charter_version, charter_accepted_at,
    background_checked_at, background_checked_by, decided_at ON mentors
    FOR EACH STATEMENT EXECUTE FUNCTION bump_mentors_generation();

CREATE FUNCTION mark_mentor_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE generations SET value = value + 1 WHERE name = 'mentor_places'
    RETURNING value INTO NEW.places_seq;
    RETURN NEW;
END;
$$;
CREATE TRIGGER mentors_places BEFORE UPDATE OF active_mentees ON mentors
    FOR EACH ROW EXECUTE FUNCTION mark_mentor_places();
