//! Word pools for generated data sets: names, and per field of experience the trades,
//! deeds, project titles and needs from which bios and projects are assembled, so that
//! matching's text relevance has real French words to work on.

use mentorat_matching::rng::SplitMix64;

/// A field of experience (the codes of migration 0005) and what people in it say.
pub(super) struct Field {
    pub code: &'static str,
    /// How common the field is among mentors and projects (relative).
    pub weight: u64,
    /// Trades, as in « Boulanger depuis 20 ans ».
    pub roles: &'static [&'static str],
    /// What the mentor did, after « j'ai ».
    pub deeds: &'static [&'static str],
    /// Project titles (infinitive phrases).
    pub projects: &'static [&'static str],
    /// What a porteur needs help with (infinitive phrases); also goals.
    pub needs: &'static [&'static str],
}

#[rustfmt::skip]
pub(super) const FIELDS: &[Field] = &[
    Field {
        code: "creation-entreprise",
        weight: 14,
        roles: &["chef d'entreprise", "créateur d'entreprise", "gérant de PME"],
        deeds: &["créé trois entreprises et accompagné une vingtaine de créateurs", "monté ma société de services puis recruté douze salariés", "lancé une micro-entreprise devenue SARL"],
        projects: &["Créer mon entreprise de services à domicile", "Lancer ma micro-entreprise de couture", "Monter une société de nettoyage", "Ouvrir une agence de voyages solidaires"],
        needs: &["choisir le statut juridique", "établir un prévisionnel", "trouver mes premiers clients"],
    },
    Field {
        code: "emploi-reconversion",
        weight: 12,
        roles: &["responsable des ressources humaines", "conseillère en insertion", "recruteur"],
        deeds: &["recruté des centaines de personnes et relu autant de CV", "accompagné des reconversions dans l'industrie et les services", "changé deux fois de métier avec succès"],
        projects: &["Me reconvertir dans les métiers du soin", "Retrouver un emploi après un congé parental", "Changer de métier après vingt ans dans la logistique", "Préparer mes entretiens d'embauche"],
        needs: &["refaire mon CV", "préparer les entretiens", "identifier les formations financées"],
    },
    Field {
        code: "orientation-etudes",
        weight: 8,
        roles: &["conseillère d'orientation", "professeur de lycée", "formateur pour adultes"],
        deeds: &["aidé des centaines d'élèves à choisir leur voie", "préparé des adultes aux concours de la fonction publique", "repris mes études à quarante ans"],
        projects: &["Reprendre des études d'infirmière", "Choisir une formation en alternance", "Préparer le concours d'entrée en école d'éducateur", "Valider mes acquis d'expérience"],
        needs: &["choisir une formation", "financer ma reprise d'études", "préparer mon dossier de candidature"],
    },
    Field {
        code: "artisanat",
        weight: 6,
        roles: &["artisan boulanger", "menuisier", "ébéniste", "couturière"],
        deeds: &["formé de nombreux apprentis dans mon atelier", "repris une boulangerie de village", "ouvert un atelier de restauration de meubles"],
        projects: &["Ouvrir une boulangerie au levain", "Reprendre un atelier de menuiserie", "Lancer mon atelier de céramique", "Créer une cordonnerie de quartier"],
        needs: &["trouver un local", "financer le matériel", "fixer mes prix"],
    },
    Field {
        code: "commerce",
        weight: 7,
        roles: &["commerçante", "directeur de magasin", "responsable des ventes"],
        deeds: &["tenu une épicerie fine pendant quinze ans", "dirigé un magasin de sport de vingt salariés", "ouvert deux boutiques en centre-ville"],
        projects: &["Ouvrir une épicerie de vrac", "Reprendre une librairie de quartier", "Créer une boutique de vêtements de seconde main", "Lancer un commerce ambulant sur les marchés"],
        needs: &["négocier le bail commercial", "choisir mes fournisseurs", "gérer les stocks"],
    },
    Field {
        code: "numerique",
        weight: 8,
        roles: &["développeur web", "cheffe de projet numérique", "administrateur réseaux"],
        deeds: &["créé des sites et des applications pour des associations", "dirigé une équipe de développeurs", "formé des débutants au code"],
        projects: &["Devenir développeuse web", "Créer une application de covoiturage local", "Lancer un site de vente en ligne", "Me former à la cybersécurité"],
        needs: &["choisir une formation au code", "construire un portfolio", "trouver un stage"],
    },
    Field {
        code: "vie-associative",
        weight: 6,
        roles: &["président d'association", "bénévole", "coordinatrice associative"],
        deeds: &["présidé un club sportif de trois cents adhérents", "monté une association d'aide aux devoirs", "organisé des collectes et des fêtes de quartier"],
        projects: &["Créer une association de soutien scolaire", "Monter un repair café", "Fonder une association de parents d'élèves", "Organiser une fête de quartier annuelle"],
        needs: &["rédiger les statuts", "trouver des bénévoles", "demander une subvention"],
    },
    Field {
        code: "culture",
        weight: 5,
        roles: &["éditrice", "musicien", "comédienne", "bibliothécaire"],
        deeds: &["publié une trentaine de livres de jeunes auteurs", "monté des spectacles en tournée", "animé des ateliers d'écriture"],
        projects: &["Publier mon premier roman", "Monter une compagnie de théâtre", "Créer un festival de musique", "Ouvrir un atelier d'art pour enfants"],
        needs: &["trouver un éditeur", "financer une résidence", "faire connaître mon travail"],
    },
    Field {
        code: "sport",
        weight: 4,
        roles: &["éducateur sportif", "entraîneuse de football", "coach"],
        deeds: &["entraîné des équipes de jeunes pendant vingt ans", "créé une école de boxe", "passé mes diplômes d'éducateur sportif"],
        projects: &["Ouvrir une salle de sport associative", "Devenir coach sportif", "Créer un club de basket féminin", "Organiser un tournoi de quartier"],
        needs: &["passer le diplôme d'éducateur", "trouver un gymnase", "assurer mes activités"],
    },
    Field {
        code: "sante-social",
        weight: 6,
        roles: &["infirmière", "cadre de santé", "assistant social", "aide-soignante"],
        deeds: &["travaillé vingt ans à l'hôpital puis en libéral", "dirigé un service de soins à domicile", "accompagné des familles en difficulté"],
        projects: &["Devenir aide-soignante", "Ouvrir un cabinet infirmier", "Créer un service d'aide aux personnes âgées", "Me former au métier d'accompagnant éducatif"],
        needs: &["trouver une formation", "m'installer en libéral", "comprendre les agréments"],
    },
    Field {
        code: "droit",
        weight: 4,
        roles: &["juriste", "avocate", "notaire"],
        deeds: &["conseillé des créateurs sur leurs statuts et leurs contrats", "plaidé en droit du travail", "démêlé des dossiers de succession"],
        projects: &["Comprendre mes droits de salarié", "Protéger ma marque", "Rédiger les contrats de ma future entreprise", "Préparer l'examen d'entrée au barreau"],
        needs: &["lire un contrat", "choisir un statut", "connaître mes droits"],
    },
    Field {
        code: "finances-personnelles",
        weight: 3,
        roles: &["conseiller bancaire", "conseillère en économie sociale et familiale"],
        deeds: &["aidé des familles à sortir du surendettement", "géré des comptes de particuliers pendant trente ans", "animé des ateliers budget"],
        projects: &["Rembourser mes dettes et repartir", "Épargner pour acheter un logement", "Tenir mon budget familial", "Obtenir un microcrédit personnel"],
        needs: &["faire un budget", "négocier avec ma banque", "constituer une épargne"],
    },
    Field {
        code: "financement-projet",
        weight: 5,
        roles: &["directeur d'agence bancaire", "expert-comptable", "chargée de mission microcrédit"],
        deeds: &["financé des centaines de petits projets", "monté des dossiers de prêt d'honneur", "accompagné des créateurs devant les banques"],
        projects: &["Financer l'ouverture de mon restaurant", "Obtenir un prêt d'honneur", "Lever des fonds pour ma start-up", "Monter un financement participatif"],
        needs: &["construire un plan de financement", "convaincre un banquier", "trouver des aides publiques"],
    },
    Field {
        code: "logement",
        weight: 3,
        roles: &["agent immobilier", "travailleuse sociale", "gestionnaire de logements sociaux"],
        deeds: &["aidé des familles à trouver un logement", "géré un parc de logements sociaux", "accompagné des premiers achats immobiliers"],
        projects: &["Trouver un logement pour ma famille", "Acheter mon premier appartement", "Créer une colocation solidaire", "Monter un projet d'habitat partagé"],
        needs: &["constituer mon dossier", "comprendre les aides au logement", "estimer mon budget"],
    },
    Field {
        code: "agriculture",
        weight: 3,
        roles: &["agriculteur", "maraîchère", "éleveur"],
        deeds: &["converti mon exploitation à l'agriculture biologique", "vendu en circuits courts sur les marchés", "installé des jeunes maraîchers"],
        projects: &["M'installer en maraîchage biologique", "Créer une ferme urbaine", "Lancer un élevage de poules en plein air", "Ouvrir un magasin de producteurs"],
        needs: &["trouver des terres", "obtenir les aides à l'installation", "vendre en circuit court"],
    },
    Field {
        code: "industrie",
        weight: 3,
        roles: &["ingénieur de production", "chef d'atelier", "technicienne de maintenance"],
        deeds: &["dirigé un atelier de production pendant trente ans", "modernisé une usine de pièces automobiles", "formé des techniciens"],
        projects: &["Devenir technicien de maintenance", "Créer un atelier de découpe laser", "Relocaliser une petite production textile", "Reprendre une PME industrielle"],
        needs: &["trouver une formation technique", "choisir les machines", "organiser la production"],
    },
    Field {
        code: "communication",
        weight: 4,
        roles: &["chargée de communication", "journaliste", "graphiste"],
        deeds: &["fait connaître des associations et des commerces", "dirigé une agence de communication", "écrit pour la presse locale"],
        projects: &["Lancer mon agence de communication", "Devenir graphiste indépendante", "Créer un média local en ligne", "Faire connaître mon association"],
        needs: &["construire mon identité visuelle", "animer les réseaux sociaux", "écrire un communiqué de presse"],
    },
    Field {
        code: "international",
        weight: 2,
        roles: &["responsable export", "interprète", "chargé de mobilité internationale"],
        deeds: &["vécu et travaillé dans cinq pays", "développé les ventes à l'export d'une PME", "accompagné des étudiants à l'étranger"],
        projects: &["Partir travailler un an à l'étranger", "Importer des produits artisanaux du Sénégal", "Faire reconnaître mon diplôme étranger", "Apprendre l'anglais professionnel"],
        needs: &["préparer mon départ", "faire reconnaître mes diplômes", "trouver des partenaires"],
    },
    Field {
        code: "engagement-citoyen",
        weight: 2,
        roles: &["élu municipal", "animatrice de conseil de quartier"],
        deeds: &["siégé deux mandats au conseil municipal", "animé un conseil citoyen", "mené des campagnes de quartier"],
        projects: &["Créer un conseil de jeunes dans ma commune", "Me présenter aux élections municipales", "Lancer un budget participatif de quartier", "Monter un collectif d'habitants"],
        needs: &["mobiliser les habitants", "comprendre le fonctionnement de la mairie", "prendre la parole en public"],
    },
    Field {
        code: "education-parentalite",
        weight: 4,
        roles: &["directrice de crèche", "professeur des écoles", "éducatrice de jeunes enfants"],
        deeds: &["dirigé une crèche de quarante berceaux", "enseigné vingt-cinq ans en école primaire", "animé des groupes de parents"],
        projects: &["Ouvrir une micro-crèche", "Devenir assistante maternelle", "Créer un service de soutien scolaire", "Monter un lieu d'accueil parents-enfants"],
        needs: &["obtenir l'agrément", "trouver un local adapté", "recruter une équipe"],
    },
    Field {
        code: "restauration-alimentation",
        weight: 6,
        roles: &["restaurateur", "cheffe cuisinière", "traiteur"],
        deeds: &["lancé un food truck puis un restaurant", "dirigé les cuisines d'une brasserie", "créé une entreprise de traiteur"],
        projects: &["Lancer un food truck de cuisine sénégalaise", "Ouvrir un restaurant de quartier", "Créer une activité de traiteur", "Ouvrir un salon de thé"],
        needs: &["obtenir les autorisations d'hygiène", "calculer mes coûts de revient", "trouver un emplacement"],
    },
    Field {
        code: "batiment-travaux",
        weight: 4,
        roles: &["entrepreneur du bâtiment", "électricien", "conducteur de travaux"],
        deeds: &["créé mon entreprise de rénovation à vingt-cinq ans", "conduit des chantiers de logements", "formé des apprentis plombiers"],
        projects: &["Créer mon entreprise de rénovation énergétique", "Devenir électricien à mon compte", "Passer mon titre de plaquiste", "Reprendre une entreprise de maçonnerie"],
        needs: &["obtenir les assurances décennales", "chiffrer un devis", "trouver mes premiers chantiers"],
    },
    Field {
        code: "transport-logistique",
        weight: 3,
        roles: &["chef de quai", "chauffeur routier", "responsable logistique"],
        deeds: &["organisé la logistique d'un entrepôt régional", "roulé trente ans dans toute l'Europe", "créé une société de livraison à vélo"],
        projects: &["Passer mon permis poids lourd", "Créer une entreprise de livraison à vélo", "Devenir chauffeur de taxi", "Monter une auto-école sociale"],
        needs: &["financer le permis", "acheter un véhicule", "trouver des clients"],
    },
    Field {
        code: "environnement",
        weight: 3,
        roles: &["ingénieure en environnement", "animateur nature", "chargé de mission énergie"],
        deeds: &["conduit des projets d'économie circulaire", "animé des ateliers zéro déchet", "installé des panneaux solaires sur des écoles"],
        projects: &["Créer une ressourcerie", "Lancer un atelier de réparation de vélos", "Monter une coopérative d'énergie solaire", "Ouvrir une boutique zéro déchet"],
        needs: &["trouver des partenaires locaux", "répondre à un appel à projets", "mesurer mon impact"],
    },
    Field {
        code: "economie-sociale",
        weight: 4,
        roles: &["fondatrice d'une épicerie solidaire", "directeur de chantier d'insertion", "gérant de coopérative"],
        deeds: &["fondé une épicerie solidaire", "dirigé un chantier d'insertion", "transformé une entreprise en coopérative"],
        projects: &["Créer une épicerie solidaire", "Monter une coopérative de services", "Ouvrir un café associatif", "Lancer une entreprise d'insertion"],
        needs: &["choisir entre association et coopérative", "obtenir l'agrément ESUS", "équilibrer mon modèle économique"],
    },
    Field {
        code: "management",
        weight: 4,
        roles: &["directrice d'usine", "manager", "directeur administratif et financier"],
        deeds: &["encadré des équipes de cinquante personnes", "tenu la comptabilité de PME", "redressé une entreprise en difficulté"],
        projects: &["Devenir chef d'équipe", "Reprendre la gestion de l'entreprise familiale", "Me former à la comptabilité", "Manager ma première équipe"],
        needs: &["encadrer une équipe", "lire un bilan", "organiser mon temps"],
    },
];

#[rustfmt::skip]
pub(super) const FIRST_NAMES: &[&str] = &[
    "Marie", "Jean", "Sophie", "Pierre", "Nathalie", "Michel", "Isabelle", "Philippe", "Sandrine", "Alain",
    "Karima", "Mohamed", "Fatou", "Mamadou", "Aïcha", "Youssef", "Nadia", "Rachid", "Samira", "Karim",
    "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Camille", "Gabriel", "Inès", "Nathan",
    "Amina", "Moussa", "Awa", "Ibrahim", "Lina", "Adam", "Yasmine", "Rayan", "Sarah", "Théo",
    "Emma", "Jules", "Zoé", "Arthur", "Clara", "Paul", "Élodie", "Thomas", "Julie", "Nicolas",
    "Céline", "David", "Aurélie", "Julien", "Émilie", "Sébastien", "Laura", "Antoine", "Pauline", "Maxime",
    "Fanny", "Kevin", "Mélanie", "Bruno", "Valérie", "Olivier", "Christine", "Patrick", "Hélène", "François",
    "Ana", "João", "Mehmet", "Elif", "Thi Lan", "Minh", "Pieter", "Lotte", "Wouter", "Anke",
    "Bernadette", "Gérard", "Josiane", "Rémi", "Ousmane", "Mariama",
];

#[rustfmt::skip]
pub(super) const LAST_NAMES: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
    "Haddad", "Benali", "Amrani", "Bouzid", "Mansouri", "El Idrissi", "Diallo", "Traoré", "Koné", "Camara",
    "Sow", "Ndiaye", "Diop", "Cissé", "Nguyen", "Tran", "Pereira", "Da Silva", "Ferreira", "Yilmaz",
    "Kaya", "Peeters", "Janssens", "Maes", "Jacobs", "Claes", "Wouters", "Dumont", "Lemaire", "Chevalier",
    "Fontaine", "Le Goff", "Caron", "Masson", "Marchand", "Ait Ali", "Benyahia", "Lucas", "Renaud", "Noël",
];

const BIO_CLOSINGS: &[&str] = &[
    "J'aimerais transmettre ce que j'ai appris, sans faire à la place de personne.",
    "Je sais ce que c'est de douter au début : j'aide à poser les bonnes questions.",
    "Ce qui m'intéresse, c'est d'aider quelqu'un à oser se lancer.",
    "On m'a tendu la main quand j'ai commencé ; à mon tour.",
    "Je peux partager mon carnet d'adresses et mes erreurs, pour qu'on ne les refasse pas.",
];

pub(super) const AVAILABILITIES: &[&str] = &[
    "Le mardi soir et le samedi matin",
    "En semaine après 18 h",
    "Le mercredi après-midi",
    "Le samedi, un week-end sur deux",
    "En journée, je suis retraité",
    "Le lundi et le jeudi en fin de journée",
    "Le vendredi midi, en visio si besoin",
];

const PROJECT_OPENINGS: &[&str] = &[
    "J'y pense depuis longtemps et je veux enfin me lancer.",
    "Après plusieurs années dans un autre métier, j'ai envie de changer.",
    "Mon entourage me pousse à tenter l'aventure.",
    "J'ai déjà commencé à me renseigner mais je me sens un peu seul face à tout ça.",
    "C'est un projet qui me tient à cœur depuis mon arrivée dans le quartier.",
];

pub(super) const MEETING_TOPICS: &[&str] = &[
    "Point d'étape sur le projet",
    "Relecture du dossier",
    "Préparation d'un rendez-vous important",
    "Bilan du mois et prochaines étapes",
    "Échange sur les doutes du moment",
];

pub(super) const CLOSE_REASONS: &[&str] = &[
    "Le projet est lancé : objectif atteint.",
    "Le porteur a trouvé un emploi.",
    "D'un commun accord, la relation s'arrête ici.",
];

pub(super) const FEEDBACK_COMMENTS: &[&str] = &[
    "Des échanges réguliers et bienveillants.",
    "J'ai pris confiance et avancé plus vite.",
    "Une belle rencontre, nous restons en contact.",
    "Utile, même si nous aurions pu nous voir plus souvent.",
];

pub(super) const VENUES: &[&str] = &[
    "Maison des associations",
    "Salle des fêtes",
    "Médiathèque",
    "Centre social",
    "Hôtel de ville, salle du conseil",
    "Espace culturel",
    "Maison de quartier",
];

pub(super) const STREETS: &[&str] = &[
    "rue de la République",
    "place de la Mairie",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "rue Pasteur",
    "Grand-Place",
    "rue de la Station",
];

/// Partner association names; `{}` is the town.
pub(super) const PARTNER_NAMES: &[&str] = &[
    "Maison des associations de {}",
    "Centre social de {}",
    "{} Solidarités",
    "Entraide {}",
    "Initiatives {}",
    "Club des entrepreneurs de {}",
];

/// A field picked by its weight.
pub(super) fn weighted_field(rng: &mut SplitMix64) -> usize {
    let total: u64 = FIELDS.iter().map(|f| f.weight).sum();
    let mut ticket = rng.below(total);
    for (i, f) in FIELDS.iter().enumerate() {
        if ticket < f.weight {
            return i;
        }
        ticket -= f.weight;
    }
    unreachable!("the ticket is below the total weight")
}

/// Upper-cases the first letter.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A mentor's bio from their main field and years in it, and a second field if any.
pub(super) fn mentor_bio(
    rng: &mut SplitMix64,
    main: &Field,
    years: i64,
    second: Option<&Field>,
) -> String {
    let role = rng.pick(main.roles);
    let deed = rng.pick(main.deeds);
    let mut bio = match rng.below(3) {
        0 => format!("{} depuis {years} ans, j'ai {deed}.", capitalised(role)),
        1 => format!("Après {years} ans comme {role}, j'ai {deed}."),
        _ => format!("J'ai été {role} pendant {years} ans et j'ai {deed}."),
    };
    if let Some(other) = second {
        bio.push_str(&format!(" J'ai aussi {}.", rng.pick(other.deeds)));
    }
    bio.push(' ');
    let closing: &&str = rng.pick(BIO_CLOSINGS);
    bio.push_str(closing);
    bio
}

/// Lower-cases the first letter (a title inside a sentence; names keep their capitals).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A project's title, description and help wanted, in `town`.
pub(super) fn project_texts(
    rng: &mut SplitMix64,
    field: &Field,
    town: &str,
) -> (String, String, String) {
    let title = rng.pick(field.projects);
    let title = if rng.below(3) == 0 {
        format!("{title} à {town}")
    } else {
        (*title).to_owned()
    };
    let first = rng.pick(field.needs);
    let second = rng.pick(field.needs);
    let description = format!(
        "{} Mon projet : {}. J'ai besoin d'aide pour {first}{}.",
        rng.pick(PROJECT_OPENINGS),
        lower_first(&title),
        if second == first {
            String::new()
        } else {
            format!(" et pour {second}")
        }
    );
    let help = format!("{}.", capitalised(first));
    (title, description, help)
}

/// A goal title from a need.
pub(super) fn goal_title(field: &Field, i: usize) -> String {
    capitalised(field.needs[i % field.needs.len()])
}
