-- 0002 — the territory a circle covers.
--
-- A circle covers a set of communes given as communes, intercommunalities (French EPCI,
-- Belgian arrondissements) or départements (Belgian provinces). Codes are the keys of
-- the territory reference data: French codes as they are (60159, 200067965, 60),
-- Belgian codes prefixed with BE- (BE-51004, BE-51000, BE-50000).
-- "Which circle covers this commune" is one indexed query over (level, code).
CREATE TABLE circle_territories (
    circle_id UUID NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    level     TEXT NOT NULL CHECK (level IN ('commune', 'epci', 'departement')),
    code      TEXT NOT NULL,
    PRIMARY KEY (circle_id, level, code)
);
CREATE INDEX circle_territories_lookup ON circle_territories (level, code);
