//! The demo's accounts: one per role, mentors (applied and vetted) and porteurs with their projects.

use super::*;

/// A demo mentor: who, where, what they tell of themselves, and their field of experience.
pub(super) struct DemoMentor {
    pub first: &'static str,
    pub last: &'static str,
    /// The circle's slug.
    pub circle: &'static str,
    /// The INSEE code of their commune.
    pub commune: &'static str,
    pub bio: &'static str,
    pub field: &'static str,
    pub years: i64,
}

pub(super) const MENTORS: &[DemoMentor] = &[
    DemoMentor {
        first: "Sophie",
        last: "Martin",
        circle: "compiegne",
        commune: "60159",
        bio: "Vingt ans dans la création d'entreprise : j'ai ouvert deux commerces et accompagné une dizaine de créateurs.",
        field: "creation-entreprise",
        years: 20,
    },
    DemoMentor {
        first: "Karim",
        last: "Haddad",
        circle: "compiegne",
        commune: "60382",
        bio: "Artisan boulanger depuis 1998, j'ai formé de nombreux apprentis et repris une boulangerie à Margny.",
        field: "artisanat",
        years: 26,
    },
    DemoMentor {
        first: "Jean-Pierre",
        last: "Lefèvre",
        circle: "compiegne",
        commune: "60665",
        bio: "Ancien directeur d'agence bancaire, je connais le financement des petits projets et le microcrédit.",
        field: "financement-projet",
        years: 30,
    },
    DemoMentor {
        first: "Fatou",
        last: "Diallo",
        circle: "compiegne",
        commune: "60159",
        bio: "Infirmière puis cadre de santé, j'aide celles et ceux qui veulent se former aux métiers du soin.",
        field: "sante-social",
        years: 18,
    },
    DemoMentor {
        first: "Thomas",
        last: "Moreau",
        circle: "compiegne",
        commune: "60338",
        bio: "Développeur web indépendant, j'accompagne les reconversions vers le numérique.",
        field: "numerique",
        years: 12,
    },
    DemoMentor {
        first: "Élodie",
        last: "Garnier",
        circle: "compiegne",
        commune: "60156",
        bio: "Présidente d'une association sportive, je sais monter un projet associatif et trouver des bénévoles.",
        field: "vie-associative",
        years: 15,
    },
    DemoMentor {
        first: "Mamadou",
        last: "Traoré",
        circle: "compiegne",
        commune: "60151",
        bio: "Restaurateur, j'ai lancé un food truck puis un restaurant : la cuisine comme métier.",
        field: "restauration-alimentation",
        years: 10,
    },
    DemoMentor {
        first: "Claire",
        last: "Dubois",
        circle: "compiegne",
        commune: "60159",
        bio: "Conseillère d'orientation pendant quinze ans, j'aide à choisir une formation ou une reprise d'études.",
        field: "orientation-etudes",
        years: 15,
    },
    DemoMentor {
        first: "Yannick",
        last: "Le Goff",
        circle: "compiegne",
        commune: "60382",
        bio: "Menuisier et formateur, j'accompagne les projets d'artisanat et de reprise d'atelier.",
        field: "artisanat",
        years: 22,
    },
    DemoMentor {
        first: "Isabelle",
        last: "Fontaine",
        circle: "compiegne",
        commune: "60665",
        bio: "Juriste en droit du travail, je démêle les questions de statut et de contrat.",
        field: "droit",
        years: 17,
    },
    DemoMentor {
        first: "Rachid",
        last: "Amrani",
        circle: "paris",
        commune: "75056",
        bio: "Entrepreneur du bâtiment, j'ai créé mon entreprise à 25 ans dans le 19e arrondissement.",
        field: "batiment-travaux",
        years: 25,
    },
    DemoMentor {
        first: "Hélène",
        last: "Rousseau",
        circle: "paris",
        commune: "75056",
        bio: "Éditrice, j'accompagne les projets culturels, d'écriture et d'édition.",
        field: "culture",
        years: 20,
    },
    DemoMentor {
        first: "Pierre",
        last: "Caron",
        circle: "paris",
        commune: "75056",
        bio: "Ancien DRH, j'aide à préparer une recherche d'emploi ou une reconversion.",
        field: "emploi-reconversion",
        years: 24,
    },
    DemoMentor {
        first: "Aïcha",
        last: "Koné",
        circle: "paris",
        commune: "93066",
        bio: "Fondatrice d'une épicerie solidaire, je connais l'économie sociale et solidaire.",
        field: "economie-sociale",
        years: 9,
    },
    DemoMentor {
        first: "Marc",
        last: "Lemaire",
        circle: "paris",
        commune: "94080",
        bio: "Expert-comptable, je rends les chiffres d'un projet lisibles et rassurants.",
        field: "financement-projet",
        years: 19,
    },
    DemoMentor {
        first: "Valérie",
        last: "Petit",
        circle: "paris",
        commune: "75056",
        bio: "Professeure de français, j'accompagne les études et les concours.",
        field: "orientation-etudes",
        years: 21,
    },
    DemoMentor {
        first: "Samir",
        last: "Bouzid",
        circle: "paris",
        commune: "93048",
        bio: "Chef de projet numérique, j'aide à lancer une application ou un site.",
        field: "numerique",
        years: 11,
    },
    DemoMentor {
        first: "Catherine",
        last: "Morel",
        circle: "paris",
        commune: "75056",
        bio: "Directrice de crèche, je conseille les projets petite enfance et santé.",
        field: "education-parentalite",
        years: 16,
    },
    DemoMentor {
        first: "Olivier",
        last: "Girard",
        circle: "paris",
        commune: "75056",
        bio: "Agriculteur reconverti dans l'agriculture urbaine, je connais les circuits courts.",
        field: "agriculture",
        years: 8,
    },
    DemoMentor {
        first: "Léa",
        last: "Bernard",
        circle: "paris",
        commune: "75056",
        bio: "Chargée de communication, j'aide à faire connaître un projet.",
        field: "communication",
        years: 10,
    },
    DemoMentor {
        first: "Hugo",
        last: "Lambert",
        circle: "lille",
        commune: "59350",
        bio: "Entrepreneur dans le textile, je prépare le lancement du cercle de Lille.",
        field: "commerce",
        years: 14,
    },
    DemoMentor {
        first: "Inès",
        last: "Mercier",
        circle: "lille",
        commune: "59350",
        bio: "Avocate, j'accompagne les projets associatifs et de création.",
        field: "droit",
        years: 12,
    },
    DemoMentor {
        first: "Bernard",
        last: "Chevalier",
        circle: "compiegne",
        commune: "60159",
        bio: "Retraité de l'industrie, j'ai dirigé un atelier de production pendant trente ans.",
        field: "industrie",
        years: 30,
    },
    DemoMentor {
        first: "Nadia",
        last: "Benali",
        circle: "paris",
        commune: "75056",
        bio: "Travailleuse sociale, j'accompagne les projets de logement et d'insertion.",
        field: "logement",
        years: 13,
    },
];

/// A demo porteur and their project, with the project's field.
pub(super) struct DemoMentee {
    pub first: &'static str,
    pub last: &'static str,
    /// The circle's slug.
    pub circle: &'static str,
    /// The INSEE code of their commune.
    pub commune: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub status: mentorat_domain::ProjectStatus,
    pub field: &'static str,
}

pub(super) const MENTEES: &[DemoMentee] = &[
    DemoMentee {
        first: "Lina",
        last: "Ait Ali",
        circle: "compiegne",
        commune: "60159",
        title: "Ouvrir une boulangerie bio à Compiègne",
        description: "Je veux créer mon entreprise : une boulangerie bio de quartier, avec du pain au levain et des produits locaux. J'ai besoin d'aide pour le financement et le choix du local.",
        status: mentorat_domain::ProjectStatus::Validated,
        field: "creation-entreprise",
    },
    DemoMentee {
        first: "Kevin",
        last: "Roux",
        circle: "compiegne",
        commune: "60382",
        title: "Devenir développeur web",
        description: "Après dix ans dans la logistique, je veux me reconvertir dans le numérique et trouver une formation.",
        status: mentorat_domain::ProjectStatus::Matched,
        field: "numerique",
    },
    DemoMentee {
        first: "Amandine",
        last: "Leroy",
        circle: "compiegne",
        commune: "60665",
        title: "Créer une association de soutien scolaire",
        description: "Monter une association d'aide aux devoirs pour les collégiens de mon quartier.",
        status: mentorat_domain::ProjectStatus::Submitted,
        field: "vie-associative",
    },
    DemoMentee {
        first: "Moussa",
        last: "Camara",
        circle: "compiegne",
        commune: "60159",
        title: "Lancer un food truck de cuisine sénégalaise",
        description: "Je cuisine depuis toujours et je veux en faire mon métier avec un food truck sur les marchés.",
        status: mentorat_domain::ProjectStatus::Validated,
        field: "restauration-alimentation",
    },
    DemoMentee {
        first: "Julie",
        last: "Faure",
        circle: "compiegne",
        commune: "60151",
        title: "Reprendre des études d'infirmière",
        description: "À 34 ans, je veux reprendre des études pour devenir infirmière.",
        status: mentorat_domain::ProjectStatus::Matched,
        field: "orientation-etudes",
    },
    DemoMentee {
        first: "Youssef",
        last: "El Idrissi",
        circle: "paris",
        commune: "75056",
        title: "Monter un atelier de réparation de vélos",
        description: "Un atelier solidaire de réparation de vélos dans le 20e, avec des jeunes du quartier.",
        status: mentorat_domain::ProjectStatus::Validated,
        field: "economie-sociale",
    },
    DemoMentee {
        first: "Chloé",
        last: "Vincent",
        circle: "paris",
        commune: "93048",
        title: "Publier mon premier roman",
        description: "J'ai écrit un roman et je voudrais comprendre le monde de l'édition.",
        status: mentorat_domain::ProjectStatus::Matched,
        field: "culture",
    },
    DemoMentee {
        first: "Ibrahima",
        last: "Sow",
        circle: "paris",
        commune: "93066",
        title: "Créer une épicerie solidaire",
        description: "Ouvrir une épicerie solidaire pour les étudiants de Saint-Denis.",
        status: mentorat_domain::ProjectStatus::Submitted,
        field: "economie-sociale",
    },
    DemoMentee {
        first: "Manon",
        last: "Blanc",
        circle: "paris",
        commune: "75056",
        title: "Trouver un emploi dans la communication",
        description: "Jeune diplômée, je cherche mon premier emploi dans la communication.",
        status: mentorat_domain::ProjectStatus::Closed,
        field: "communication",
    },
    DemoMentee {
        first: "Rayan",
        last: "Mansouri",
        circle: "paris",
        commune: "94080",
        title: "Créer une micro-crèche",
        description: "Ouvrir une micro-crèche à horaires décalés pour les parents qui travaillent tôt.",
        status: mentorat_domain::ProjectStatus::Validated,
        field: "education-parentalite",
    },
    DemoMentee {
        first: "Sarah",
        last: "Nguyen",
        circle: "lille",
        commune: "59350",
        title: "Lancer une marque de vêtements recyclés",
        description: "Créer une marque de vêtements à partir de tissus récupérés.",
        status: mentorat_domain::ProjectStatus::Submitted,
        field: "creation-entreprise",
    },
    DemoMentee {
        first: "Thibault",
        last: "Marchand",
        circle: "compiegne",
        commune: "60338",
        title: "Reprendre la menuiserie de mon oncle",
        description: "Mon oncle part à la retraite ; je voudrais reprendre son atelier de menuiserie.",
        status: mentorat_domain::ProjectStatus::Validated,
        field: "artisanat",
    },
];

/// One demo account per role, each with the demo password.
pub(super) struct RoleAccount {
    email: &'static str,
    first: &'static str,
    last: &'static str,
}

pub(super) const ROLE_ACCOUNTS: &[RoleAccount] = &[
    RoleAccount {
        email: "admin@mentorat.example",
        first: "Anne",
        last: "Équipe nationale",
    },
    RoleAccount {
        email: "coordination.compiegne@mentorat.example",
        first: "Gilles",
        last: "Coordination Compiègne",
    },
    RoleAccount {
        email: "coordination.paris@mentorat.example",
        first: "Samia",
        last: "Coordination Paris",
    },
    RoleAccount {
        email: "mentor@mentorat.example",
        first: "Michel",
        last: "Mentor",
    },
    RoleAccount {
        email: "porteur@mentorat.example",
        first: "Nora",
        last: "Porteuse",
    },
    RoleAccount {
        email: "partenaire@mentorat.example",
        first: "Paul",
        last: "Partenaire",
    },
];

pub(super) async fn load_role_accounts(
    tx: &mut Tx,
    password_hash: &str,
    report: &mut DemoReport,
) -> Result<(), AppError> {
    let compiegne = demo_id("circle/compiegne");
    let paris = demo_id("circle/paris");
    for a in ROLE_ACCOUNTS {
        let address = email(a.email);
        let id = demo_id(&format!("user/{}", a.email));
        report.count(
            tx.insert_user_if_absent(&NewUser {
                id,
                email: address,
                name: person(a.first, a.last),
                locale: Locale::Fr,
                password_hash: Some(password_hash.to_owned()),
                verified_at: Some(mentorat_store::now()),
            })
            .await?,
        );
        let grant = match a.email {
            "admin@mentorat.example" => RoleGrant::national_team(),
            "coordination.compiegne@mentorat.example" => RoleGrant::coordinator(compiegne),
            "coordination.paris@mentorat.example" => RoleGrant::coordinator(paris),
            "mentor@mentorat.example" => RoleGrant::plain(mentorat_domain::Role::Mentor),
            "porteur@mentorat.example" => RoleGrant::plain(mentorat_domain::Role::Mentee),
            _ => RoleGrant::partner(demo_id("partner/maison-des-associations-compiegne")),
        };
        tx.grant_role(id, &grant).await?;
    }
    // The demo mentor and porteur live in Compiègne, so that their screens are full.
    tx.insert_mentor_if_absent(&NewMentor {
        user_id: demo_id("user/mentor@mentorat.example"),
        circle_id: Some(compiegne),
        commune_code: "60159".into(),
        bio: "Ancien chef d'entreprise, j'accompagne la création d'entreprise et les projets de commerce de proximité.".into(),
        status: mentorat_domain::mentoring::Vetting::Approved,
        capacity: 3,
    })
    .await?;
    tx.insert_project_if_absent(&NewProject {
        id: demo_id("project/porteur@mentorat.example"),
        mentee_id: demo_id("user/porteur@mentorat.example"),
        circle_id: Some(compiegne),
        title: "Créer une épicerie de produits locaux".into(),
        description: "Je veux créer mon entreprise : une épicerie de produits locaux et de vrac à Compiègne, et j'ai besoin d'aide pour le plan de financement.".into(),
        commune_code: "60159".into(),
        status: mentorat_domain::ProjectStatus::Validated,
    })
    .await?;
    Ok(())
}

pub(super) async fn load_people(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    for (i, m) in MENTORS.iter().enumerate() {
        let address = demo_email(m.first, m.last);
        let id = demo_id(&format!("user/{address}"));
        report.count(
            tx.insert_user_if_absent(&NewUser {
                id,
                email: address,
                name: person(m.first, m.last),
                locale: Locale::Fr,
                password_hash: None,
                verified_at: Some(mentorat_store::now()),
            })
            .await?,
        );
        tx.grant_role(id, &RoleGrant::plain(mentorat_domain::Role::Mentor))
            .await?;
        // Most are approved; a few wait for their interview, as in real life.
        let status = match i % 8 {
            5 => mentorat_domain::mentoring::Vetting::InterviewPlanned,
            7 => mentorat_domain::mentoring::Vetting::Submitted,
            _ => mentorat_domain::mentoring::Vetting::Approved,
        };
        tx.insert_mentor_if_absent(&NewMentor {
            user_id: id,
            circle_id: Some(demo_id(&format!("circle/{}", m.circle))),
            commune_code: m.commune.into(),
            bio: m.bio.into(),
            status,
            capacity: 1 + (i as i64 % 3),
        })
        .await?;
    }
    for p in MENTEES {
        let address = demo_email(p.first, p.last);
        let id = demo_id(&format!("user/{address}"));
        report.count(
            tx.insert_user_if_absent(&NewUser {
                id,
                email: address.clone(),
                name: person(p.first, p.last),
                locale: Locale::Fr,
                password_hash: None,
                verified_at: Some(mentorat_store::now()),
            })
            .await?,
        );
        tx.grant_role(id, &RoleGrant::plain(mentorat_domain::Role::Mentee))
            .await?;
        tx.insert_project_if_absent(&NewProject {
            id: demo_id(&format!("project/{address}")),
            mentee_id: id,
            circle_id: Some(demo_id(&format!("circle/{}", p.circle))),
            title: p.title.into(),
            description: p.description.into(),
            commune_code: p.commune.into(),
            status: p.status,
        })
        .await?;
    }
    Ok(())
}
