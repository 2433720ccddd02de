-- 0014 — a mentor's places apart from the rest of them. Accepting a request or closing a
-- relationship changes a mentor's places taken (active_mentees) many times a day; the
-- application's index of mentors then changes those places in place instead of being
-- built anew. The 'mentors' counter (0012) no longer moves with them; the
-- 'mentor_places' counter does, and the mentor's row keeps the value it moved to
-- (places_seq), so that the index reads only the mentors changed since it last looked.
ALTER TABLE mentors ADD COLUMN places_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX mentors_places_seq ON mentors (places_seq);
INSERT INTO generations (name, value) VALUES ('mentor_places', 0);

DROP TRIGGER mentors_generation_update;
CREATE TRIGGER mentors_generation_update AFTER UPDATE OF user_id, circle_id, commune_code, bio, status, capacity, created_at, approved_at,
    travel_km, remote, languages, availability, interview_on, charter_version, charter_accepted_at,
    background_checked_at, background_checked_by, decided_at ON mentors
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'mentors'; END;

CREATE TRIGGER mentors_places_update AFTER UPDATE OF active_mentees ON mentors
BEGIN
    UPDATE generations SET value = value + 1 WHERE name = 'mentor_places';
    UPDATE mentors SET places_seq = (SELECT value FROM generations WHERE name = 'mentor_places')
    WHERE user_id = NEW.user_id;
END;
