//! The demo's circles, their territories and editions, and the partner associations.

use super::*;

pub(crate) struct DemoCircle {
    pub(crate) slug: &'static str,
    pub(crate) name: &'static str,
    pub(crate) commune: &'static str,
    pub(crate) status: CircleStatus,
    pub(crate) inaugurated: Option<(i32, u32, u32)>,
    pub(crate) fr: &'static str,
    pub(crate) en: &'static str,
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

pub(super) struct DemoPartner {
    slug: &'static str,
    name: &'static str,
    commune: &'static str,
    circle: &'static str,
    description: &'static str,
}

pub(super) const PARTNERS: &[DemoPartner] = &[
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

pub(super) async fn load_circles(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
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
                locale: "fr".into(),
            })
            .await?,
        );
        tx.link_circle_partner(demo_id(&format!("circle/{}", p.circle)), id)
            .await?;
    }
    Ok(())
}
