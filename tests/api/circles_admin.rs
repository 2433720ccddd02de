//! The back office of circles: creating a circle, its life cycle, territory, editions
//! and coordinators; scheduling and cancelling events.

use crate::helpers::{DEMO_PASSWORD, spawn_app_with, spawn_demo_app};
use chrono::{Duration, Utc};
use mentorat_app::auth::Client;
use mentorat_app::events::RegistrationForm;
use mentorat_domain::Locale;

#[tokio::test]
async fn the_national_team_opens_a_circle_and_runs_it_through_its_life_cycle() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let created = app
        .post_form(
            "/admin/cercles",
            &[
                ("name", "Saint-Quentin"),
                ("commune_query", "Saint-Quentin"),
                ("commune", "02691"),
                ("description_fr", "Un nouveau cercle."),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    assert_eq!(
        created.headers()["location"],
        "/admin/cercles/saint-quentin"
    );
    let office = app.get_html("/admin/cercles/saint-quentin").await;
    assert!(
        office.contains("Son intercommunalité")
            || office.contains("Intercommunalité")
            || office.contains("CA du Saint-Quentinois"),
        "{office}"
    );
    let public = app.get_html("/cercles/saint-quentin").await;
    assert!(public.contains("Cercle des Mentors de Saint-Quentin") && public.contains("En projet"));

    let twice = app
        .post_form(
            "/admin/cercles",
            &[("name", "Saint-Quentin"), ("commune", "02691")],
        )
        .await;
    assert_eq!(twice.status(), 422);
    assert!(
        twice
            .text()
            .await
            .unwrap()
            .contains("Un cercle porte déjà ce nom.")
    );

    // planned → active is not a step of the life cycle.
    let skip = app
        .post_form("/admin/cercles/saint-quentin/etat", &[("status", "active")])
        .await;
    assert_eq!(skip.status(), 422);
    assert_eq!(
        app.post_form(
            "/admin/cercles/saint-quentin/etat",
            &[("status", "launching")]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        app.post_form("/admin/cercles/saint-quentin/etat", &[("status", "active")])
            .await
            .status(),
        303
    );
    let public = app.get_html("/cercles/saint-quentin").await;
    assert!(
        public.contains("Actif") && public.contains("inauguré le"),
        "becoming active records the inauguration"
    );

    // The département of a commune joins the territory: a commune of Aisne is covered.
    let extended = app
        .post_form(
            "/admin/cercles/saint-quentin/territoire",
            &[("level", "departement"), ("commune", "02691")],
        )
        .await;
    assert_eq!(extended.status(), 303);
    let laon = app.app.commune_detail("02408").await.unwrap();
    assert_eq!(
        laon.circle.map(|c| c.name),
        Some("Saint-Quentin".to_owned())
    );

    let edition = app
        .post_form(
            "/admin/cercles/saint-quentin/editions",
            &[
                ("date", "2026-10-01"),
                ("venue", "Mairie"),
                ("new_mentors", "7"),
            ],
        )
        .await;
    assert_eq!(edition.status(), 303);
    assert!(
        app.get_html("/cercles/saint-quentin")
            .await
            .contains("1re édition")
    );
}

#[tokio::test]
async fn naming_a_coordinator_gives_access_to_the_circle_and_is_audited() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let unknown = app
        .post_form(
            "/admin/cercles/lille/coordinateurs",
            &[("email", "personne@exemple.fr")],
        )
        .await;
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Aucun compte n&#39;existe avec cette adresse")
    );
    let named = app
        .post_form(
            "/admin/cercles/lille/coordinateurs",
            &[("email", "mentor@mentorat.example")],
        )
        .await;
    assert_eq!(named.status(), 303);
    assert!(
        app.get_html("/admin/cercles/lille")
            .await
            .contains("(mentor@mentorat.example)")
    );
    let log = app.get_html("/admin/journal?action=role_granted").await;
    assert!(log.contains("1 entrée"));

    let mentor = app.new_client();
    let csrf = app.csrf_of(&mentor, None).await;
    mentor
        .post(app.url("/connexion"))
        .form(&[
            ("email", "mentor@mentorat.example"),
            ("password", DEMO_PASSWORD),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        mentor
            .get(app.url("/admin/cercles/lille"))
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "the new coordinator gets in"
    );
    assert_eq!(
        mentor
            .get(app.url("/admin/cercles/paris"))
            .send()
            .await
            .unwrap()
            .status(),
        403,
        "only in their circle"
    );

    let account = app
        .app
        .store
        .account_by_email(&mentorat_domain::Email::parse("mentor@mentorat.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let revoked = app
        .post_form(
            &format!("/admin/cercles/lille/coordinateurs/{}/retirer", account.id),
            &[],
        )
        .await;
    assert_eq!(revoked.status(), 303);
    assert_eq!(
        mentor
            .get(app.url("/admin/cercles/lille"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert!(
        app.get_html("/admin/journal?action=role_revoked")
            .await
            .contains("1 entrée")
    );
}

#[tokio::test]
async fn a_coordinator_records_an_edition_but_cannot_change_the_circle_itself() {
    let app = spawn_demo_app().await;
    app.sign_in("coordination.compiegne@mentorat.example", DEMO_PASSWORD)
        .await;
    let office = app.get_html("/admin/cercles/compiegne").await;
    assert!(
        office.contains("Enregistrer une édition")
            && !office.contains("Changer l&#39;état du cercle")
    );
    let added = app
        .post_form(
            "/admin/cercles/compiegne/editions",
            &[("date", "2026-11-20"), ("venue", "Maison des associations")],
        )
        .await;
    assert_eq!(added.status(), 303);
    assert!(
        app.get_html("/cercles/compiegne")
            .await
            .contains("3e édition")
    );
    assert_eq!(
        app.post_form("/admin/cercles/compiegne/etat", &[("status", "paused")])
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn an_event_is_scheduled_then_cancelled_and_the_people_registered_are_told() {
    let app = spawn_app_with(|s| s.rate_burst = 100).await;
    app.app.load_demo().await.unwrap();
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let form = app.get_html("/admin/evenements/nouveau").await;
    assert!(
        form.contains("value=\"À la recherche du mentorat perdu\""),
        "a conference is pre-filled"
    );
    let date = (Utc::now() + Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    let created = app
        .post_form(
            "/admin/evenements/nouveau",
            &[
                ("kind", "conference"),
                ("title", ""),
                ("date", &date),
                ("time", "18:30"),
                ("venue", "Théâtre"),
                ("commune", "60057"),
                ("capacity", "50"),
                ("duration", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), 303, "{:?}", created.text().await);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let id: uuid::Uuid = location.rsplit('/').next().unwrap().parse().unwrap();
    let page = app.get_html(&location).await;
    assert!(
        page.contains("À la recherche du mentorat perdu")
            && page.contains("120 minutes")
            && page.contains("18 h 30")
    );
    assert!(
        page.contains("Cercle des Mentors de Beauvais"),
        "placed in the circle covering Beauvais"
    );

    let client = Client {
        ip: "127.0.0.1".parse().unwrap(),
        device: None,
    };
    let registrant = RegistrationForm {
        first_name: "Zoé".into(),
        email: "zoe@exemple.fr".into(),
        ..Default::default()
    };
    app.app
        .register_for_event(id, &registrant, Locale::Fr, &client)
        .await
        .unwrap();
    let cancelled = app
        .post_form(
            &format!("/evenements/{id}/annuler-evenement"),
            &[("confirm", "1")],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
    assert!(
        app.get_html(&location)
            .await
            .contains("Cet événement est annulé.")
    );
    let (outbox, _) = app.app.outbox(0, 50).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "zoe@exemple.fr" && m.subject.starts_with("Événement annulé"))
    );
    let feed = app
        .get("/events.ics")
        .await
        .text()
        .await
        .unwrap()
        .replace("\r\n ", "");
    let entry = &feed[feed.find(&format!("UID:event-{id}@")).unwrap()..];
    assert!(
        entry[..entry.find("END:VEVENT").unwrap()].contains("STATUS:CANCELLED"),
        "the feed marks it cancelled"
    );
}

#[tokio::test]
async fn a_circles_mentors_and_projects_are_all_listed_by_pages_from_its_back_office() {
    let app = crate::helpers::spawn_demo_app().await;
    let coordinator =
        crate::mentoring::signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let office = coordinator.get_html("/admin/cercles/compiegne").await;
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne");
    for (list, table, record) in [
        ("mentors", "mentors", "/coordination/mentors/"),
        ("projets", "projects", "/coordination/projets/"),
    ] {
        let at = format!("/admin/cercles/compiegne/{list}");
        assert!(
            office.contains(&format!("href=\"{at}\"")),
            "the back office links {at}"
        );
        let total = app
            .app
            .store
            .people_count(table, &[compiegne])
            .await
            .unwrap();
        assert!(total > 0, "the demo's Compiègne circle has {table}");
        let html = coordinator.get_html(&at).await;
        let links: Vec<&str> = html
            .match_indices(&format!("href=\"{record}"))
            .map(|(i, _)| &html[i + 6..i + 6 + html[i + 6..].find('"').unwrap()])
            .collect();
        assert_eq!(links.len() as i64, total.min(50), "{at}: {html}");
        for href in links {
            assert_eq!(coordinator.get(href).await.status(), 200, "{href}");
        }
        // An old link past the last page shows the last page.
        let past = coordinator.get_html(&format!("{at}?page=99")).await;
        assert!(past.contains(record), "{at}?page=99");
    }
}

#[tokio::test]
async fn a_circle_created_over_an_earlier_orphan_conference_takes_it_with_its_registrations() {
    let app = spawn_demo_app().await;
    // A conference in Creil from before conferences always had a circle: none covers
    // Creil (60175) in the demo.
    let conference = mentorat_domain::Event {
        id: uuid::Uuid::new_v4(),
        circle_id: None,
        partner_id: None,
        kind: mentorat_domain::EventKind::Conference,
        status: mentorat_domain::EventStatus::Scheduled,
        title: mentorat_domain::Event::CONFERENCE_TITLE.into(),
        description: String::new(),
        starts_at: Utc::now() + Duration::days(20),
        time_zone: mentorat_domain::TimeZone::Paris,
        duration_minutes: 120,
        venue: "Salle Georges Brassens".into(),
        address: String::new(),
        commune_code: "60175".into(),
        capacity: 80,
    };
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_event_if_absent(&conference).await.unwrap();
    tx.commit().await.unwrap();
    let client = Client {
        ip: "127.0.0.1".parse().unwrap(),
        device: None,
    };
    for (first, email) in [("Zoé", "zoe@exemple.fr"), ("Malik", "malik@exemple.fr")] {
        let form = RegistrationForm {
            first_name: first.into(),
            email: email.into(),
            ..Default::default()
        };
        app.app
            .register_for_event(conference.id, &form, Locale::Fr, &client)
            .await
            .unwrap();
    }
    for r in app.app.registrations(conference.id).await.unwrap() {
        app.app.check_in(conference.id, r.id, true).await.unwrap();
    }

    // The national team opens the Creil circle and names its coordinator.
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let created = app
        .post_form(
            "/admin/cercles",
            &[
                ("name", "Creil"),
                ("commune_query", "Creil"),
                ("commune", "60175"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let creil = app.app.circle_page("creil").await.unwrap().summary.circle;
    let event = app.app.event_page(conference.id).await.unwrap().event;
    assert_eq!(
        event.circle_id,
        Some(creil.id),
        "the conference is the circle's now"
    );
    let page = app.get_html("/cercles/creil").await;
    assert!(
        page.contains(&format!("/evenements/{}", conference.id)),
        "{page}"
    );
    let coordinator = crate::mentoring::person(&app, "Nadia", "nadia@exemple.fr").await;
    let granted = app
        .post_form(
            "/admin/cercles/creil/coordinateurs",
            &[("email", "nadia@exemple.fr")],
        )
        .await;
    assert_eq!(granted.status(), 303);
    let nadia = crate::mentoring::signed_in_as(&app, coordinator).await;
    let list = nadia
        .get(&format!("/evenements/{}/inscriptions", conference.id))
        .await;
    assert_eq!(
        list.status(),
        200,
        "the new coordinator sees its registrations"
    );
    let html = list.text().await.unwrap();
    assert!(html.contains("Zoé") && html.contains("Malik"));
    // In the circle's funnel: the two who came.
    let dashboard = app.app.dashboard().await.unwrap();
    let funnel = dashboard
        .funnels
        .iter()
        .find(|f| f.circle_id == creil.id)
        .expect("Creil's funnel");
    assert_eq!(funnel.attendees, 2);

    // Its launch, ticked from the data with the first dates, in its back office and on
    // the national team's page of launching circles.
    let today = mentorat_app::i18n::Tr {
        locale: Locale::Fr,
        i18n: &app.app.i18n,
    }
    .date(&app.app.now().date_naive());
    let office = crate::mentoring::unescape(&app.get_html("/admin/cercles/creil").await);
    for done in [
        "Conférence planifiée",
        "Premières inscriptions",
        "Présences notées",
        "Coordination nommée",
    ] {
        assert!(
            office.contains(&format!("{done} — {today}")),
            "{done}: {office}"
        );
    }
    for not_yet in [
        "Invitations envoyées",
        "Premiers mentors acceptés",
        "Première édition tenue",
    ] {
        assert!(
            office.contains(&format!("{not_yet} — <span class=\"muted\">pas encore")),
            "{not_yet}"
        );
    }
    let launches = crate::mentoring::unescape(&app.get_html("/admin/lancements").await);
    assert!(
        launches.contains("Cercle des Mentors de Creil"),
        "{launches}"
    );
    assert!(
        !launches.contains("Cercle des Mentors de Compiègne"),
        "an active circle is launched"
    );
}

#[tokio::test]
async fn a_conference_scheduled_where_no_circle_is_creates_the_towns_planned_circle() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let created = app
        .post_form(
            "/admin/evenements/nouveau",
            &[
                ("kind", "conference"),
                ("title", ""),
                (
                    "date",
                    &(Utc::now() + Duration::days(30))
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                ("time", "19:00"),
                ("duration", "120"),
                ("venue", "Salle Georges Brassens"),
                ("commune_query", "Creil"),
                ("commune", "60175"),
                ("capacity", "80"),
            ],
        )
        .await;
    assert_eq!(
        created.status(),
        303,
        "{}",
        created.text().await.unwrap_or_default()
    );
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let id: uuid::Uuid = location.trim_start_matches("/evenements/").parse().unwrap();
    let event = app.app.event_page(id).await.unwrap().event;
    let creil = app
        .app
        .circle_page("creil")
        .await
        .expect("Creil's circle")
        .summary
        .circle;
    assert_eq!(event.circle_id, Some(creil.id));
    assert_eq!(creil.status, mentorat_domain::CircleStatus::Planned);
    let (entries, _) = app.app.audit_log(&Default::default(), 0, 10).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "circle_created"));
}

#[tokio::test]
async fn a_circles_mentors_and_projects_download_as_csv_and_the_download_is_logged() {
    let app = crate::helpers::spawn_demo_app().await;
    let coordinator =
        crate::mentoring::signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = coordinator
        .get_html("/admin/cercles/compiegne/mentors")
        .await;
    assert!(page.contains("href=\"/admin/cercles/compiegne/mentors.csv\""));
    let response = coordinator
        .get("/admin/cercles/compiegne/mentors.csv")
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let bytes = response.bytes().await.unwrap();
    let sheet = mentorat_domain::spreadsheet::read(&bytes).unwrap();
    assert_eq!(sheet.header, ["Mentor", "État", "Lien"]);
    // Every mentor of the circle, not a page of them.
    let (_, total) = app
        .app
        .circle_mentor_page(mentorat_app::demo::demo_id("circle/compiegne"), 0, 1)
        .await
        .unwrap();
    assert_eq!(sheet.rows.len() as i64, total);
    assert!(
        sheet
            .rows
            .iter()
            .all(|r| r.cells[2].contains("/coordination/mentors/"))
    );
    let projects = coordinator
        .get("/admin/cercles/compiegne/projets.csv")
        .await;
    let sheet = mentorat_domain::spreadsheet::read(&projects.bytes().await.unwrap()).unwrap();
    assert_eq!(sheet.header[0], "Projet");
    assert!(!sheet.rows.is_empty());
    let what = crate::exports::exported(&app).await;
    assert!(
        what.iter().any(|w| w == "compiegne_mentors")
            && what.iter().any(|w| w == "compiegne_projets"),
        "{what:?}"
    );
    // Another circle's coordinator gets nothing.
    let paris = crate::mentoring::signed_in(&app, "coordination.paris@mentorat.example").await;
    assert_eq!(
        paris
            .get("/admin/cercles/compiegne/mentors.csv")
            .await
            .status(),
        403
    );
}
