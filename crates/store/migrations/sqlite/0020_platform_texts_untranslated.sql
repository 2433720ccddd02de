-- 0020 — a request a published batch proposal made keeps no message: the page says
-- « Proposé par la coordination du cercle » in its reader's language. Earlier ones lose
-- the French sentence that was stored in its place.
UPDATE mentorship_requests SET message = '' WHERE message = 'Proposé par la coordination du cercle.';
-- A conference's usual programme is no longer stored either: pages show it in their
-- reader's language when the description is empty.
UPDATE events SET description = ''
WHERE kind = 'conference'
  AND description = '1. Qu''est-ce que le mentorat ?' || char(10) || '2. Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?' || char(10) || '3. Comment apporter sa pierre à l''édifice ?' || char(10) || 'La soirée se termine par un buffet convivial.';
