//! The demo's accounts: one per role, mentors (applied and vetted) and porteurs with their projects.

use super::*;

/// (first name, last name, circle, commune, bio)
pub(super) const MENTORS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Sophie",
        "Martin",
        "compiegne",
        "60159",
        "Vingt ans dans la création d'entreprise : j'ai ouvert deux commerces et accompagné une dizaine de créateurs.",
    ),
    (
        "Karim",
        "Haddad",
        "compiegne",
        "60382",
        "Artisan boulanger depuis 1998, j'ai formé de nombreux apprentis et repris une boulangerie à Margny.",
    ),
    (
        "Jean-Pierre",
        "Lefèvre",
        "compiegne",
        "60665",
        "Ancien directeur d'agence bancaire, je connais le financement des petits projets et le microcrédit.",
    ),
    (
        "Fatou",
        "Diallo",
        "compiegne",
        "60159",
        "Infirmière puis cadre de santé, j'aide celles et ceux qui veulent se former aux métiers du soin.",
    ),
    (
        "Thomas",
        "Moreau",
        "compiegne",
        "60338",
        "Développeur web indépendant, j'accompagne les reconversions vers le numérique.",
    ),
    (
        "Élodie",
        "Garnier",
        "compiegne",
        "60156",
        "Présidente d'une association sportive, je sais monter un projet associatif et trouver des bénévoles.",
    ),
    (
        "Mamadou",
        "Traoré",
        "compiegne",
        "60151",
        "Restaurateur, j'ai lancé un food truck puis un restaurant : la cuisine comme métier.",
    ),
    (
        "Claire",
        "Dubois",
        "compiegne",
        "60159",
        "Conseillère d'orientation pendant quinze ans, j'aide à choisir une formation ou une reprise d'études.",
    ),
    (
        "Yannick",
        "Le Goff",
        "compiegne",
        "60382",
        "Menuisier et formateur, j'accompagne les projets d'artisanat et de reprise d'atelier.",
    ),
    (
        "Isabelle",
        "Fontaine",
        "compiegne",
        "60665",
        "Juriste en droit du travail, je démêle les questions de statut et de contrat.",
    ),
    (
        "Rachid",
        "Amrani",
        "paris",
        "75056",
        "Entrepreneur du bâtiment, j'ai créé mon entreprise à 25 ans dans le 19e arrondissement.",
    ),
    (
        "Hélène",
        "Rousseau",
        "paris",
        "75056",
        "Éditrice, j'accompagne les projets culturels, d'écriture et d'édition.",
    ),
    (
        "Pierre",
        "Caron",
        "paris",
        "75056",
        "Ancien DRH, j'aide à préparer une recherche d'emploi ou une reconversion.",
    ),
    (
        "Aïcha",
        "Koné",
        "paris",
        "93066",
        "Fondatrice d'une épicerie solidaire, je connais l'économie sociale et solidaire.",
    ),
    (
        "Marc",
        "Lemaire",
        "paris",
        "94080",
        "Expert-comptable, je rends les chiffres d'un projet lisibles et rassurants.",
    ),
    (
        "Valérie",
        "Petit",
        "paris",
        "75056",
        "Professeure de français, j'accompagne les études et les concours.",
    ),
    (
        "Samir",
        "Bouzid",
        "paris",
        "93048",
        "Chef de projet numérique, j'aide à lancer une application ou un site.",
    ),
    (
        "Catherine",
        "Morel",
        "paris",
        "75056",
        "Directrice de crèche, je conseille les projets petite enfance et santé.",
    ),
    (
        "Olivier",
        "Girard",
        "paris",
        "75056",
        "Agriculteur reconverti dans l'agriculture urbaine, je connais les circuits courts.",
    ),
    (
        "Léa",
        "Bernard",
        "paris",
        "75056",
        "Chargée de communication, j'aide à faire connaître un projet.",
    ),
    (
        "Hugo",
        "Lambert",
        "lille",
        "59350",
        "Entrepreneur dans le textile, je prépare le lancement du cercle de Lille.",
    ),
    (
        "Inès",
        "Mercier",
        "lille",
        "59350",
        "Avocate, j'accompagne les projets associatifs et de création.",
    ),
    (
        "Bernard",
        "Chevalier",
        "compiegne",
        "60159",
        "Retraité de l'industrie, j'ai dirigé un atelier de production pendant trente ans.",
    ),
    (
        "Nadia",
        "Benali",
        "paris",
        "75056",
        "Travailleuse sociale, j'accompagne les projets de logement et d'insertion.",
    ),
];

/// (first name, last name, circle, commune, project title, description, status)
pub(super) const MENTEES: &[(
    &str,
    &str,
    &str,
    &str,
    &str,
    &str,
    mentorat_domain::ProjectStatus,
)] = &[
    (
        "Lina",
        "Ait Ali",
        "compiegne",
        "60159",
        "Ouvrir une boulangerie bio à Compiègne",
        "Je veux créer mon entreprise : une boulangerie bio de quartier, avec du pain au levain et des produits locaux. J'ai besoin d'aide pour le financement et le choix du local.",
        mentorat_domain::ProjectStatus::Validated,
    ),
    (
        "Kevin",
        "Roux",
        "compiegne",
        "60382",
        "Devenir développeur web",
        "Après dix ans dans la logistique, je veux me reconvertir dans le numérique et trouver une formation.",
        mentorat_domain::ProjectStatus::Matched,
    ),
    (
        "Amandine",
        "Leroy",
        "compiegne",
        "60665",
        "Créer une association de soutien scolaire",
        "Monter une association d'aide aux devoirs pour les collégiens de mon quartier.",
        mentorat_domain::ProjectStatus::Submitted,
    ),
    (
        "Moussa",
        "Camara",
        "compiegne",
        "60159",
        "Lancer un food truck de cuisine sénégalaise",
        "Je cuisine depuis toujours et je veux en faire mon métier avec un food truck sur les marchés.",
        mentorat_domain::ProjectStatus::Validated,
    ),
    (
        "Julie",
        "Faure",
        "compiegne",
        "60151",
        "Reprendre des études d'infirmière",
        "À 34 ans, je veux reprendre des études pour devenir infirmière.",
        mentorat_domain::ProjectStatus::Matched,
    ),
    (
        "Youssef",
        "El Idrissi",
        "paris",
        "75056",
        "Monter un atelier de réparation de vélos",
        "Un atelier solidaire de réparation de vélos dans le 20e, avec des jeunes du quartier.",
        mentorat_domain::ProjectStatus::Validated,
    ),
    (
        "Chloé",
        "Vincent",
        "paris",
        "93048",
        "Publier mon premier roman",
        "J'ai écrit un roman et je voudrais comprendre le monde de l'édition.",
        mentorat_domain::ProjectStatus::Matched,
    ),
    (
        "Ibrahima",
        "Sow",
        "paris",
        "93066",
        "Créer une épicerie solidaire",
        "Ouvrir une épicerie solidaire pour les étudiants de Saint-Denis.",
        mentorat_domain::ProjectStatus::Submitted,
    ),
    (
        "Manon",
        "Blanc",
        "paris",
        "75056",
        "Trouver un emploi dans la communication",
        "Jeune diplômée, je cherche mon premier emploi dans la communication.",
        mentorat_domain::ProjectStatus::Closed,
    ),
    (
        "Rayan",
        "Mansouri",
        "paris",
        "94080",
        "Créer une micro-crèche",
        "Ouvrir une micro-crèche à horaires décalés pour les parents qui travaillent tôt.",
        mentorat_domain::ProjectStatus::Validated,
    ),
    (
        "Sarah",
        "Nguyen",
        "lille",
        "59350",
        "Lancer une marque de vêtements recyclés",
        "Créer une marque de vêtements à partir de tissus récupérés.",
        mentorat_domain::ProjectStatus::Submitted,
    ),
    (
        "Thibault",
        "Marchand",
        "compiegne",
        "60338",
        "Reprendre la menuiserie de mon oncle",
        "Mon oncle part à la retraite ; je voudrais reprendre son atelier de menuiserie.",
        mentorat_domain::ProjectStatus::Validated,
    ),
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
                verified_at: Some(Utc::now()),
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
    for (i, (first, last, circle, commune, bio)) in MENTORS.iter().enumerate() {
        let address = demo_email(first, last);
        let id = demo_id(&format!("user/{address}"));
        report.count(
            tx.insert_user_if_absent(&NewUser {
                id,
                email: address,
                name: person(first, last),
                locale: Locale::Fr,
                password_hash: None,
                verified_at: Some(Utc::now()),
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
            circle_id: Some(demo_id(&format!("circle/{circle}"))),
            commune_code: (*commune).into(),
            bio: (*bio).into(),
            status,
            capacity: 1 + (i as i64 % 3),
        })
        .await?;
    }
    for (first, last, circle, commune, title, description, status) in MENTEES {
        let address = demo_email(first, last);
        let id = demo_id(&format!("user/{address}"));
        report.count(
            tx.insert_user_if_absent(&NewUser {
                id,
                email: address.clone(),
                name: person(first, last),
                locale: Locale::Fr,
                password_hash: None,
                verified_at: Some(Utc::now()),
            })
            .await?,
        );
        tx.grant_role(id, &RoleGrant::plain(mentorat_domain::Role::Mentee))
            .await?;
        tx.insert_project_if_absent(&NewProject {
            id: demo_id(&format!("project/{address}")),
            mentee_id: id,
            circle_id: Some(demo_id(&format!("circle/{circle}"))),
            title: (*title).into(),
            description: (*description).into(),
            commune_code: (*commune).into(),
            status: *status,
        })
        .await?;
    }
    Ok(())
}
