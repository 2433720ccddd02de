-- 0009 — the rule a batch matching proposal followed: as many pairs as possible first
-- (then the best total score), or the best total score alone.
ALTER TABLE match_proposals ADD COLUMN matches_first BOOLEAN NOT NULL DEFAULT FALSE;
