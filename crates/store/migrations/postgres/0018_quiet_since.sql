-- The quiet relationships, longest quiet first: the coordination page reads the first
-- ones of the network (ordered by their last meeting, or their start when none), and the
-- nudge sweep those quiet for a month. On (status, last_meeting_on) PostgreSQL read every
-- active relationship and joined every project to sort them (250 ms at ten times the
-- network); on the expression it walks the first lines in order.
DROP INDEX mentorships_quiet;
CREATE INDEX mentorships_quiet ON mentorships (status, (COALESCE(last_meeting_on, started_at)));
