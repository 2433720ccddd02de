-- 0005 — fields of experience, mentor applications and vetting, projects and parental
-- consent, requests, mentorships with meetings, goals and feedback.

-- The curated taxonomy of fields of experience (editable by the national team).
-- Synonyms (comma-separated) let matching and search recognise how people say it.
CREATE TABLE domains (
    code        TEXT PRIMARY KEY NOT NULL,
    label_fr    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    synonyms_fr TEXT NOT NULL DEFAULT '',
    synonyms_en TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO domains (code, label_fr, label_en, synonyms_fr, synonyms_en, position) VALUES
    ('creation-entreprise', 'Création d''entreprise', 'Starting a business', 'créer son entreprise, entrepreneuriat, auto-entrepreneur, micro-entreprise, start-up', 'business creation, entrepreneurship, start-up, self-employment', 1),
    ('emploi-reconversion', 'Emploi et reconversion', 'Employment and career change', 'recherche d''emploi, reconversion, changer de métier, CV, entretien d''embauche', 'job search, career change, CV, job interview', 2),
    ('orientation-etudes', 'Orientation et études', 'Guidance and studies', 'orientation, études, formation, reprise d''études, concours, apprentissage', 'studies, training, going back to school, exams, apprenticeship', 3),
    ('artisanat', 'Artisanat', 'Crafts', 'artisan, atelier, boulangerie, menuiserie, métiers d''art', 'craftsmanship, workshop, bakery, carpentry', 4),
    ('commerce', 'Commerce', 'Retail and trade', 'boutique, magasin, vente, épicerie, commerce de proximité', 'shop, store, sales, grocery', 5),
    ('numerique', 'Numérique', 'Digital', 'informatique, développement web, site internet, application, code', 'IT, web development, website, app, coding', 6),
    ('vie-associative', 'Vie associative', 'Community organisations', 'association, bénévolat, bénévoles, projet associatif', 'association, volunteering, non-profit', 7),
    ('culture', 'Culture', 'Culture', 'art, musique, théâtre, édition, écriture, patrimoine', 'art, music, theatre, publishing, writing, heritage', 8),
    ('sport', 'Sport', 'Sport', 'club sportif, entraînement, éducation sportive', 'sports club, coaching, physical education', 9),
    ('sante-social', 'Santé et social', 'Health and social care', 'santé, soin, infirmier, travail social, aide à la personne', 'health, care, nursing, social work, home care', 10),
    ('droit', 'Droit', 'Law', 'juridique, contrat, statut, droit du travail', 'legal, contract, status, labour law', 11),
    ('finances-personnelles', 'Finances personnelles', 'Personal finance', 'budget, épargne, crédit, dettes, microcrédit', 'budget, savings, credit, debt, microcredit', 12),
    ('financement-projet', 'Financement de projet', 'Project funding', 'financement, subvention, prêt, banque, plan de financement', 'funding, grant, loan, bank, business plan', 13),
    ('logement', 'Logement', 'Housing', 'logement, location, achat immobilier, habitat', 'housing, renting, buying a home', 14),
    ('agriculture', 'Agriculture', 'Farming', 'agriculture, maraîchage, circuits courts, élevage, agriculture urbaine', 'farming, market gardening, short supply chains, urban farming', 15),
    ('industrie', 'Industrie', 'Industry', 'industrie, production, usine, atelier de production', 'industry, manufacturing, factory', 16),
    ('communication', 'Communication', 'Communication', 'communication, marketing, réseaux sociaux, presse', 'communication, marketing, social media, press', 17),
    ('international', 'International', 'International', 'international, étranger, langues, mobilité, export', 'abroad, languages, mobility, export', 18),
    ('engagement-citoyen', 'Engagement citoyen', 'Civic engagement', 'citoyenneté, engagement, élu, conseil de quartier', 'citizenship, civic life, local council', 19),
    ('education-parentalite', 'Éducation et parentalité', 'Education and parenting', 'éducation, soutien scolaire, parentalité, petite enfance, crèche', 'education, tutoring, parenting, early childhood', 20),
    ('restauration-alimentation', 'Restauration et alimentation', 'Food and catering', 'restaurant, cuisine, food truck, traiteur, alimentation', 'restaurant, cooking, food truck, catering', 21),
    ('batiment-travaux', 'Bâtiment et travaux', 'Building and construction', 'bâtiment, BTP, travaux, rénovation, chantier', 'construction, building, renovation', 22),
    ('transport-logistique', 'Transport et logistique', 'Transport and logistics', 'transport, logistique, livraison, permis de conduire, mobilité', 'transport, logistics, delivery, driving licence', 23),
    ('environnement', 'Environnement', 'Environment', 'écologie, recyclage, économie circulaire, énergie', 'ecology, recycling, circular economy, energy', 24),
    ('economie-sociale', 'Économie sociale et solidaire', 'Social economy', 'ESS, coopérative, insertion, épicerie solidaire', 'social economy, cooperative, social enterprise', 25),
    ('management', 'Management et gestion', 'Management', 'management, gestion, ressources humaines, encadrement, comptabilité', 'management, human resources, leadership, accounting', 26);

-- A mentor's fields, with years of experience in each.
CREATE TABLE mentor_domains (
    user_id     BLOB NOT NULL REFERENCES mentors (user_id) ON DELETE CASCADE,
    domain_code TEXT NOT NULL REFERENCES domains (code),
    years       INTEGER NOT NULL CHECK (years BETWEEN 0 AND 70),
    PRIMARY KEY (user_id, domain_code)
);

-- The application and its vetting. Background checks are recorded only as done or
-- not done, with the date and who checked: no document is ever stored.
ALTER TABLE mentors ADD COLUMN travel_km INTEGER NOT NULL DEFAULT 10;
ALTER TABLE mentors ADD COLUMN remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1));
ALTER TABLE mentors ADD COLUMN languages TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE mentors ADD COLUMN availability TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN active_mentees INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentors ADD COLUMN interview_on TEXT;
ALTER TABLE mentors ADD COLUMN charter_version TEXT;
ALTER TABLE mentors ADD COLUMN charter_accepted_at TEXT;
ALTER TABLE mentors ADD COLUMN background_checked_at TEXT;
ALTER TABLE mentors ADD COLUMN background_checked_by BLOB REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE mentors ADD COLUMN decided_at TEXT;

CREATE TABLE project_domains (
    project_id  BLOB NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    domain_code TEXT NOT NULL REFERENCES domains (code),
    PRIMARY KEY (project_id, domain_code)
);

-- A project's details, the porteur's birth year, and, under 15, the parent's consent
-- (who, when, which version of the notice; withdrawable).
ALTER TABLE projects ADD COLUMN stage TEXT NOT NULL DEFAULT 'idea';
ALTER TABLE projects ADD COLUMN help_wanted TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN languages TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE projects ADD COLUMN remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1));
ALTER TABLE projects ADD COLUMN birth_year INTEGER;
ALTER TABLE projects ADD COLUMN parent_name TEXT;
ALTER TABLE projects ADD COLUMN parent_email TEXT;
ALTER TABLE projects ADD COLUMN consent_hash TEXT;
ALTER TABLE projects ADD COLUMN consent_notice_version TEXT;
ALTER TABLE projects ADD COLUMN consent_given_at TEXT;
ALTER TABLE projects ADD COLUMN consent_withdrawn_at TEXT;
ALTER TABLE projects ADD COLUMN coordinator_note TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN validated_at TEXT;

-- A porteur asks a mentor. At most three open at once (checked in the transaction).
CREATE TABLE mentorship_requests (
    id             BLOB PRIMARY KEY NOT NULL,
    project_id     BLOB NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    mentee_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mentor_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message        TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn', 'expired', 'closed')),
    decline_reason TEXT,
    decline_text   TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    answered_at    TEXT,
    reminded_at    TEXT
);
CREATE INDEX requests_mentor ON mentorship_requests (mentor_id, status);
CREATE INDEX requests_mentee ON mentorship_requests (mentee_id, status);

CREATE TABLE mentorships (
    id             BLOB PRIMARY KEY NOT NULL,
    request_id     BLOB NOT NULL UNIQUE REFERENCES mentorship_requests (id) ON DELETE CASCADE,
    mentor_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mentee_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id     BLOB NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('active', 'closed')),
    started_at     TEXT NOT NULL,
    last_meeting_on TEXT,
    reminded_at    TEXT,
    closed_at      TEXT,
    close_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentorships_mentor ON mentorships (mentor_id, status);
CREATE INDEX mentorships_mentee ON mentorships (mentee_id, status);

-- Meetings: dates and durations are seen by coordinators; notes only by the pair.
CREATE TABLE meetings (
    id            BLOB PRIMARY KEY NOT NULL,
    mentorship_id BLOB NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    held_on       TEXT NOT NULL,
    minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 600),
    remote        INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    topics        TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    logged_by     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL
);
CREATE INDEX meetings_mentorship ON meetings (mentorship_id, held_on);

CREATE TABLE goals (
    id            BLOB PRIMARY KEY NOT NULL,
    mentorship_id BLOB NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'reached', 'dropped')),
    created_at    TEXT NOT NULL
);

CREATE TABLE feedback (
    mentorship_id BLOB NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    author_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    satisfaction  INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    changes       TEXT NOT NULL DEFAULT '',
    comment       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    PRIMARY KEY (mentorship_id, author_id)
);
