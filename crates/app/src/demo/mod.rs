//! `mentorat demo`: realistic demo data, loaded idempotently. Every record has a
//! deterministic id (UUID v5 of a stable name) and is inserted only if absent, so
//! running the loader twice changes nothing and later issues can extend it.

use crate::territories::territories;
use crate::{App, AppError, passwords};
use chrono::{Days, NaiveDate, NaiveTime, TimeZone as _, Utc};
use mentorat_domain::territory::CoverageLevel;
use mentorat_domain::{
    Circle, CircleStatus, Email, Event, EventKind, EventStatus, Locale, PersonName, RoleGrant,
    Slug, TimeZone,
};
use mentorat_store::{NewEdition, NewMentor, NewPartner, NewProject, NewUser, Tx};
use uuid::Uuid;

mod activity;
mod model;
mod plan;
mod scale;
mod texts;

pub use model::EMAIL_DOMAIN;
pub use plan::ScalePlan;
pub use scale::{Progress, ScaleReport, ScaleSamples, Silent};

/// The programme of the founding conference « À la recherche du mentorat perdu ».
const AGENDA: &str = "1. Qu'est-ce que le mentorat ?\n2. Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?\n3. Comment apporter sa pierre à l'édifice ?\nLa soirée se termine par un buffet convivial.";

/// The password of every demo account that can sign in.
pub const DEMO_PASSWORD: &str = "mentorat-demo";

/// A stable id for a demo record.
pub fn demo_id(name: &str) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x6d656e74_6f72_6174_2d64_656d6f2d6e73);
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
}

pub(crate) struct DemoCircle {
    slug: &'static str,
    name: &'static str,
    pub(crate) commune: &'static str,
    status: CircleStatus,
    inaugurated: Option<(i32, u32, u32)>,
    fr: &'static str,
    en: &'static str,
}

pub(crate) const CIRCLES: &[DemoCircle] = &[
    DemoCircle {
        slug: "compiegne",
        name: "Compiègne",
        commune: "60159",
        status: CircleStatus::Active,
        inaugurated: Some((2016, 2, 11)),
        fr: "Le premier Cercle des Mentors, né d'une conférence au cœur de l'agglomération de Compiègne. Ses mentors accompagnent des porteurs de projet de Compiègne, Margny-lès-Compiègne, Venette et des communes voisines.",
        en: "The first Cercle des Mentors, born from a conference in the heart of the Compiègne area. Its mentors support project holders from Compiègne, Margny-lès-Compiègne, Venette and nearby towns.",
    },
    DemoCircle {
        slug: "paris",
        name: "Paris",
        commune: "75056",
        status: CircleStatus::Active,
        inaugurated: Some((2016, 3, 17)),
        fr: "Le cercle parisien réunit des mentors de tous les arrondissements autour de projets d'emploi, de création d'activité et d'engagement associatif.",
        en: "The Paris circle brings together mentors from every arrondissement around projects in employment, business creation and community work.",
    },
    DemoCircle {
        slug: "lille",
        name: "Lille",
        commune: "59350",
        status: CircleStatus::Launching,
        inaugurated: None,
        fr: "Le cercle de Lille se prépare : la conférence fondatrice approche et les premiers mentors se font connaître.",
        en: "The Lille circle is getting ready: its founding conference is coming and the first mentors are stepping forward.",
    },
    DemoCircle {
        slug: "orleans",
        name: "Orléans",
        commune: "45234",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Orléans, avec une association partenaire locale.",
        en: "A planned circle in Orléans, with a local partner association.",
    },
    DemoCircle {
        slug: "amiens",
        name: "Amiens",
        commune: "80021",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Amiens.",
        en: "A planned circle in Amiens.",
    },
    DemoCircle {
        slug: "ath",
        name: "Ath",
        commune: "BE-51004",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Le premier cercle belge, en projet à Ath, dans le Hainaut.",
        en: "The first Belgian circle, planned in Ath, Hainaut.",
    },
    DemoCircle {
        slug: "bordeaux",
        name: "Bordeaux",
        commune: "33063",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Bordeaux.",
        en: "A planned circle in Bordeaux.",
    },
    DemoCircle {
        slug: "beauvais",
        name: "Beauvais",
        commune: "60057",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Beauvais, voisin de celui de Compiègne.",
        en: "A planned circle in Beauvais, a neighbour of Compiègne's.",
    },
    DemoCircle {
        slug: "montpellier",
        name: "Montpellier",
        commune: "34172",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Montpellier.",
        en: "A planned circle in Montpellier.",
    },
    DemoCircle {
        slug: "lyon",
        name: "Lyon",
        commune: "69123",
        status: CircleStatus::Planned,
        inaugurated: None,
        fr: "Un cercle en projet à Lyon.",
        en: "A planned circle in Lyon.",
    },
];

struct DemoPartner {
    slug: &'static str,
    name: &'static str,
    commune: &'static str,
    circle: &'static str,
    description: &'static str,
}

const PARTNERS: &[DemoPartner] = &[
    DemoPartner {
        slug: "maison-des-associations-compiegne",
        name: "Maison des associations de Compiègne",
        commune: "60159",
        circle: "compiegne",
        description: "Accueille les associations de l'agglomération et a organisé la conférence fondatrice du cercle.",
    },
    DemoPartner {
        slug: "quartiers-solidaires-paris",
        name: "Quartiers solidaires Paris",
        commune: "75056",
        circle: "paris",
        description: "Association d'éducation populaire active dans les quartiers du nord-est parisien.",
    },
    DemoPartner {
        slug: "centre-social-lille-sud",
        name: "Centre social Lille Sud",
        commune: "59350",
        circle: "lille",
        description: "Centre social qui prépare la conférence fondatrice du cercle de Lille.",
    },
    DemoPartner {
        slug: "foyer-culturel-ath",
        name: "Foyer culturel d'Ath",
        commune: "BE-51004",
        circle: "ath",
        description: "Lieu de culture et de rencontre au cœur d'Ath.",
    },
];

/// (first name, last name, circle, commune, bio)
const MENTORS: &[(&str, &str, &str, &str, &str)] = &[
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
const MENTEES: &[(
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
struct RoleAccount {
    email: &'static str,
    first: &'static str,
    last: &'static str,
}

const ROLE_ACCOUNTS: &[RoleAccount] = &[
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

/// What the loader did, for the command-line report.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub created: usize,
    pub already_present: usize,
}

impl DemoReport {
    fn count(&mut self, created: bool) {
        if created {
            self.created += 1;
        } else {
            self.already_present += 1;
        }
    }
}

fn person(first: &str, last: &str) -> PersonName {
    PersonName::parse(first, last).expect("demo names are valid")
}

fn email(raw: &str) -> Email {
    Email::parse(raw).expect("demo e-mails are valid")
}

/// `prenom.nom@demo.mentorat.example`, ASCII only.
fn demo_email(first: &str, last: &str) -> Email {
    let slug = Slug::from_name(&format!("{first} {last}")).expect("demo names slugify");
    email(&format!(
        "{}@demo.mentorat.example",
        slug.as_str().replace('-', ".")
    ))
}

impl App {
    /// Loads the demo data; safe to run again (it only adds what is missing).
    pub async fn load_demo(&self) -> Result<DemoReport, AppError> {
        let mut report = DemoReport::default();
        // Hash once, outside the transaction: Argon2 is deliberately slow.
        let password_hash = passwords::hash_blocking(DEMO_PASSWORD.to_owned()).await;
        let mut tx = self.store.begin().await?;
        load_circles(&mut tx, &mut report).await?;
        load_role_accounts(&mut tx, &password_hash, &mut report).await?;
        load_people(&mut tx, &mut report).await?;
        load_events(&mut tx, &mut report).await?;
        load_public_site(&mut tx, &mut report).await?;
        load_mentoring(&mut tx, &mut report).await?;
        tx.commit().await?;
        Ok(report)
    }
}

async fn load_circles(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    for c in CIRCLES {
        let circle = Circle {
            id: demo_id(&format!("circle/{}", c.slug)),
            slug: Slug::parse(c.slug).expect("demo slugs are valid"),
            name: c.name.into(),
            commune_code: c.commune.into(),
            status: c.status,
            inaugurated_on: c
                .inaugurated
                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            description_fr: c.fr.into(),
            description_en: c.en.into(),
        };
        report.count(tx.insert_circle_if_absent(&circle).await?);
        // Each demo circle covers the intercommunality of its town.
        let commune = territories()
            .commune(c.commune)
            .expect("demo circles are in real communes");
        if let Some(epci) = &commune.epci {
            tx.add_circle_territory(circle.id, CoverageLevel::Epci, &commune.country.key(epci))
                .await?;
        }
    }
    // Compiègne: two editions; Paris: three.
    // (circle, number, date, venue, new mentors)
    type EditionRow = (&'static str, i64, (i32, u32, u32), &'static str, i64);
    let editions: &[EditionRow] = &[
        (
            "compiegne",
            1,
            (2016, 2, 11),
            "Espace Jean Legendre, Compiègne",
            14,
        ),
        (
            "compiegne",
            2,
            (2016, 10, 6),
            "Maison des associations, Compiègne",
            9,
        ),
        (
            "paris",
            1,
            (2016, 3, 17),
            "Mairie du 11e arrondissement",
            21,
        ),
        (
            "paris",
            2,
            (2016, 11, 24),
            "Maison des associations du 20e",
            12,
        ),
        (
            "paris",
            3,
            (2017, 5, 18),
            "Centre Paris Anim' Curial, 19e",
            15,
        ),
    ];
    for (slug, number, (y, m, d), venue, new_mentors) in editions {
        let circle_id = demo_id(&format!("circle/{slug}"));
        report.count(
            tx.insert_edition_if_absent(&NewEdition {
                id: demo_id(&format!("edition/{slug}/{number}")),
                circle_id,
                number: *number,
                held_on: NaiveDate::from_ymd_opt(*y, *m, *d).expect("valid demo date"),
                venue: (*venue).into(),
                new_mentors: *new_mentors,
            })
            .await?,
        );
    }
    for p in PARTNERS {
        let id = demo_id(&format!("partner/{}", p.slug));
        report.count(
            tx.insert_partner_if_absent(&NewPartner {
                id,
                slug: p.slug.into(),
                name: p.name.into(),
                commune_code: p.commune.into(),
                contact_email: format!("contact@{}.example", p.slug),
                description: p.description.into(),
            })
            .await?,
        );
        tx.link_circle_partner(demo_id(&format!("circle/{}", p.circle)), id)
            .await?;
    }
    Ok(())
}

async fn load_role_accounts(
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

async fn load_people(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
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

/// Past conferences are fixed in 2016; upcoming ones are placed relative to the day
/// the demo is first loaded, so that a fresh demo always has a future to show.
async fn load_events(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    let agenda = AGENDA;
    let today = Utc::now().date_naive();
    // (key, circle, partner, kind, title, date, local time, tz, venue, address, commune, capacity)
    type Row = (
        &'static str,
        &'static str,
        Option<&'static str>,
        EventKind,
        &'static str,
        NaiveDate,
        (u32, u32),
        TimeZone,
        &'static str,
        &'static str,
        &'static str,
        i64,
    );
    let upcoming = |days: u64| {
        today
            .checked_add_days(Days::new(days))
            .expect("date in range")
    };
    let fixed = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date");
    let rows: Vec<Row> = vec![
        (
            "conference/compiegne/2016",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            fixed(2016, 1, 21),
            (19, 0),
            TimeZone::Paris,
            "Espace Jean Legendre",
            "Place Briet-Daubigny",
            "60159",
            120,
        ),
        (
            "conference/paris/2016",
            "paris",
            Some("quartiers-solidaires-paris"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            fixed(2016, 2, 25),
            (19, 0),
            TimeZone::Paris,
            "Mairie du 11e arrondissement",
            "12 place Léon Blum",
            "75056",
            150,
        ),
        (
            "conference/lille/next",
            "lille",
            Some("centre-social-lille-sud"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(20),
            (18, 30),
            TimeZone::Paris,
            "Centre social Lille Sud",
            "Rue de Marquillies",
            "59350",
            80,
        ),
        (
            "edition/compiegne/3",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Edition,
            "Cercle des Mentors de Compiègne — 3e édition",
            upcoming(34),
            (19, 0),
            TimeZone::Paris,
            "Maison des associations",
            "Rue Saint-Fiacre",
            "60159",
            60,
        ),
        (
            "conference/compiegne/next",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(12),
            (19, 0),
            TimeZone::Paris,
            "Espace Jean Legendre",
            "Place Briet-Daubigny",
            "60159",
            100,
        ),
        (
            "conference/ath/next",
            "ath",
            Some("foyer-culturel-ath"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(45),
            (19, 30),
            TimeZone::Brussels,
            "Foyer culturel d'Ath",
            "Rue de Brantignies",
            "BE-51004",
            70,
        ),
        (
            "conference/orleans/next",
            "orleans",
            None,
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(62),
            (18, 30),
            TimeZone::Paris,
            "Salle Eiffel",
            "Rue Jean Hupeau",
            "45234",
            90,
        ),
        (
            "edition/paris/4",
            "paris",
            Some("quartiers-solidaires-paris"),
            EventKind::Edition,
            "Cercle des Mentors de Paris — 4e édition",
            upcoming(27),
            (19, 0),
            TimeZone::Paris,
            "Maison des associations du 20e",
            "18 rue Ramponeau",
            "75056",
            80,
        ),
    ];
    for (key, circle, partner, kind, title, date, (h, m), tz, venue, address, commune, capacity) in
        rows
    {
        let local = date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid demo time"));
        let starts_at = tz
            .tz()
            .from_local_datetime(&local)
            .earliest()
            .expect("demo times exist in their zone")
            .with_timezone(&Utc);
        let event = Event {
            id: demo_id(key),
            circle_id: Some(demo_id(&format!("circle/{circle}"))),
            partner_id: partner.map(|p| demo_id(&format!("partner/{p}"))),
            kind,
            status: EventStatus::Scheduled,
            title: title.into(),
            description: if kind == EventKind::Conference {
                agenda.into()
            } else {
                String::new()
            },
            starts_at,
            time_zone: tz,
            duration_minutes: Event::CONFERENCE_MINUTES,
            venue: venue.into(),
            address: address.into(),
            commune_code: commune.into(),
            capacity,
        };
        report.count(tx.insert_event_if_absent(&event).await?);
    }
    Ok(())
}

/// Registrations, attendance, requests to host a conference, contact messages, the
/// targets and a year of growth history, so that every organiser and dashboard screen
/// has content.
async fn load_public_site(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    use mentorat_store::{NewHostingRequest, NewRegistration, Seat};
    let now = Utc::now();
    tx.set_targets(i64::from(chrono::Datelike::year(&now)), 10_000, 300)
        .await?;
    // People who came to the founding conferences, and people registered for the next ones.
    let people: &[(&str, &str, bool)] = &[
        ("Aurélie", "Lambert", true),
        ("Bruno", "Masson", true),
        ("Céline", "Perrin", false),
        ("David", "Renaud", true),
        ("Emma", "Giraud", true),
        ("François", "Lucas", false),
        ("Grégoire", "Noël", true),
        ("Hana", "Benyahia", true),
    ];
    for (event_key, count, attended) in [
        ("conference/compiegne/2016", 8, true),
        ("conference/paris/2016", 6, true),
        ("conference/compiegne/next", 5, false),
        ("conference/lille/next", 4, false),
    ] {
        let event_id = demo_id(event_key);
        for (i, (first, last, consent)) in people.iter().take(count).enumerate() {
            let address = demo_email(first, last);
            let seat = tx
                .register(
                    &NewRegistration {
                        id: demo_id(&format!("registration/{event_key}/{i}")),
                        event_id,
                        first_name: (*first).into(),
                        last_name: (*last).into(),
                        email: address,
                        phone: String::new(),
                        heard_from: ["association", "friend", "press", "poster"][i % 4].into(),
                        consent_contact: *consent,
                        locale: Locale::Fr,
                        cancel_hash: crate::security::token_hash(&format!(
                            "demo/{event_key}/{i}/{}",
                            crate::security::random_token()
                        )),
                    },
                    now,
                )
                .await?;
            report.count(seat != Seat::AlreadyRegistered);
            if attended {
                tx.set_attended(
                    event_id,
                    demo_id(&format!("registration/{event_key}/{i}")),
                    true,
                    now,
                )
                .await?;
            }
        }
    }
    // A year of approvals: the approved demo mentors joined over the last twelve months.
    for (i, (first, last, ..)) in MENTORS.iter().enumerate() {
        let id = demo_id(&format!("user/{}", demo_email(first, last)));
        tx.set_approved_at(id, now - chrono::Duration::days(15 + 30 * (i as i64 % 12)))
            .await?;
    }
    if tx.hosting_request_count().await? == 0 {
        for (association, commune, contact, email, audience, dates, message) in [
            (
                "Amiens Solidarités",
                "80021",
                "Martine Leclerc",
                "contact@amiens-solidarites.example",
                70,
                "Un jeudi soir de février",
                "Nous aimerions accueillir la conférence dans notre salle du quartier Nord.",
            ),
            (
                "Bordeaux Entraide",
                "33063",
                "Julien Faure",
                "bonjour@bordeaux-entraide.example",
                120,
                "Mars ou avril",
                "Plusieurs de nos bénévoles voudraient devenir mentors.",
            ),
        ] {
            tx.insert_hosting_request(&NewHostingRequest {
                association: association.into(),
                commune_code: commune.into(),
                contact_name: contact.into(),
                email: email.into(),
                phone: String::new(),
                expected_audience: audience,
                preferred_dates: dates.into(),
                message: message.into(),
            })
            .await?;
            report.count(true);
        }
        for (category, name, email, message) in [
            (
                "join",
                "Sylvie Martin",
                "sylvie.martin@exemple.fr",
                "Bonjour, je suis retraitée de l'enseignement à Beauvais et j'aimerais devenir mentor. Comment faire ?",
            ),
            (
                "press",
                "Le Courrier picard",
                "redaction@courrier.example",
                "Nous préparons un article sur le cercle de Compiègne : pourrions-nous assister à la prochaine édition ?",
            ),
        ] {
            tx.insert_contact_message(category, name, email, message)
                .await?;
            report.count(true);
        }
    }
    Ok(())
}

/// Fields of experience for every demo mentor and project, and one living mentorship
/// (the demo mentor with Kevin Roux) with a meeting, so that the mentoring screens have
/// content. The demo porteur keeps a validated project and can use the directory.
async fn load_mentoring(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    // (field, years) for each entry of MENTORS, in order.
    const FIELDS: &[(&str, i64)] = &[
        ("creation-entreprise", 20),
        ("artisanat", 26),
        ("financement-projet", 30),
        ("sante-social", 18),
        ("numerique", 12),
        ("vie-associative", 15),
        ("restauration-alimentation", 10),
        ("orientation-etudes", 15),
        ("artisanat", 22),
        ("droit", 17),
        ("batiment-travaux", 25),
        ("culture", 20),
        ("emploi-reconversion", 24),
        ("economie-sociale", 9),
        ("financement-projet", 19),
        ("orientation-etudes", 21),
        ("numerique", 11),
        ("education-parentalite", 16),
        ("agriculture", 8),
        ("communication", 10),
        ("commerce", 14),
        ("droit", 12),
        ("industrie", 30),
        ("logement", 13),
    ];
    for ((first, last, ..), (field, years)) in MENTORS.iter().zip(FIELDS) {
        let id = demo_id(&format!("user/{}", demo_email(first, last)));
        tx.add_mentor_domain(id, field, *years).await?;
    }
    let mentor = demo_id("user/mentor@mentorat.example");
    tx.add_mentor_domain(mentor, "creation-entreprise", 15)
        .await?;
    tx.add_mentor_domain(mentor, "commerce", 10).await?;
    tx.set_approved_at(mentor, Utc::now() - chrono::Duration::days(200))
        .await?;
    // Projects: their fields, from the kind of project.
    const PROJECT_FIELDS: &[&str] = &[
        "creation-entreprise",
        "numerique",
        "vie-associative",
        "restauration-alimentation",
        "orientation-etudes",
        "economie-sociale",
        "culture",
        "economie-sociale",
        "communication",
        "education-parentalite",
        "creation-entreprise",
        "artisanat",
    ];
    for ((first, last, ..), field) in MENTEES.iter().zip(PROJECT_FIELDS) {
        tx.add_project_domain(
            demo_id(&format!("project/{}", demo_email(first, last))),
            field,
        )
        .await?;
    }
    let porteur_project = demo_id("project/porteur@mentorat.example");
    tx.add_project_domain(porteur_project, "creation-entreprise")
        .await?;
    tx.add_project_domain(porteur_project, "commerce").await?;
    // Kevin Roux (a matched project) and the demo mentor: a living relationship.
    let kevin = demo_email("Kevin", "Roux");
    let request_id = demo_id("request/mentor/kevin");
    if !tx.request_exists(request_id).await? {
        let request = mentorat_store::RequestRecord {
            id: request_id,
            project_id: demo_id(&format!("project/{kevin}")),
            mentee_id: demo_id(&format!("user/{kevin}")),
            mentor_id: mentor,
            message: "Bonjour, j'aimerais être accompagné dans ma reconversion vers le numérique."
                .into(),
            status: mentorat_domain::RequestStatus::Open,
            decline_reason: None,
            decline_text: String::new(),
            created_at: Utc::now() - chrono::Duration::days(40),
        };
        tx.insert_request(&request).await?;
        if let Some(mentorship) = tx
            .accept_request(&request, Utc::now() - chrono::Duration::days(38))
            .await?
        {
            let meeting = mentorat_store::MeetingRecord {
                id: demo_id("meeting/mentor/kevin/1"),
                held_on: Utc::now() - chrono::Duration::days(20),
                minutes: 75,
                remote: false,
                topics: "Choisir une formation, préparer le financement".into(),
                private_notes:
                    "Kevin hésite entre deux formations ; reparler du budget la prochaine fois."
                        .into(),
            };
            tx.insert_meeting(mentorship, &meeting, mentor, Utc::now())
                .await?;
        }
        report.count(true);
    }
    Ok(())
}
