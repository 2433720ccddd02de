//! Events of issue 5: registrations with a waitlist under real concurrency, e-mails
//! with calendar files, cancellation and promotion, reminders, feeds, organisers' CSV,
//! conference requests, contact messages and the dashboard.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with, spawn_demo_app};
use crate::smtp::SmtpServer;
use chrono::{Duration, Utc};
use mentorat_app::auth::Client;
use mentorat_app::events::{Registered, RegistrationForm};
use mentorat_domain::{Event, EventKind, EventStatus, Locale, TimeZone};
use uuid::Uuid;

pub(crate) async fn event_with_capacity(app: &TestApp, capacity: i64, starts_in: Duration) -> Uuid {
    let event = Event {
        id: Uuid::new_v4(),
        circle_id: Some(mentorat_app::demo::demo_id("circle/compiegne")),
        partner_id: None,
        kind: EventKind::Conference,
        status: EventStatus::Scheduled,
        title: Event::CONFERENCE_TITLE.into(),
        description: "1. Qu'est-ce que le mentorat ?".into(),
        starts_at: Utc::now() + starts_in,
        time_zone: TimeZone::Paris,
        duration_minutes: 120,
        venue: "Salle des fêtes".into(),
        address: "Place de l'Hôtel de Ville".into(),
        commune_code: "60159".into(),
        capacity,
    };
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_event_if_absent(&event).await.unwrap();
    tx.commit().await.unwrap();
    event.id
}

fn form(i: usize) -> RegistrationForm {
    RegistrationForm {
        first_name: format!("Personne{i}"),
        last_name: "Test".into(),
        email: format!("personne{i}@exemple.fr"),
        consent_contact: true,
        ..Default::default()
    }
}

#[tokio::test]
async fn fifty_concurrent_registrations_fill_twenty_seats_and_wait_list_thirty() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    app.app.load_demo().await.unwrap();
    let id = event_with_capacity(&app, 20, Duration::days(10)).await;
    let mut handles = Vec::new();
    for i in 0..50 {
        let app = app.app.clone();
        handles.push(tokio::spawn(async move {
            let client = Client {
                ip: "127.0.0.1".parse().unwrap(),
                device: None,
            };
            app.register_for_event(id, &form(i), Locale::Fr, &client)
                .await
                .unwrap()
        }));
    }
    let mut confirmed = 0;
    let mut waitlisted = 0;
    for h in handles {
        match h.await.unwrap() {
            Registered::Confirmed => confirmed += 1,
            Registered::Waitlisted => waitlisted += 1,
            Registered::AlreadyRegistered => panic!("every address is new"),
        }
    }
    assert_eq!((confirmed, waitlisted), (20, 30));
    let attendance = app.app.attendance(id).await.unwrap();
    assert_eq!(
        (attendance.confirmed, attendance.waitlisted),
        (20, 30),
        "the database agrees"
    );
}

#[tokio::test]
async fn a_full_event_waitlists_and_promotes_in_order_when_someone_cancels() {
    let Some(smtp) = SmtpServer::start() else {
        return;
    };
    let url = smtp.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(url)).await;
    app.app.load_demo().await.unwrap();
    let id = event_with_capacity(&app, 2, Duration::days(10)).await;
    let page = app.get_html(&format!("/evenements/{id}")).await;
    assert!(page.contains("Encore 2 places."));
    for (i, who) in ["ana", "bob", "cyd"].iter().enumerate() {
        let response = app
            .post_form(
                &format!("/evenements/{id}/inscription"),
                &[
                    ("first_name", who),
                    ("email", &format!("{who}@exemple.fr")),
                    ("consent_contact", "1"),
                    ("heard_from", "friend"),
                ],
            )
            .await;
        let html = app.follow(response).await;
        if i < 2 {
            assert!(html.contains("Inscription confirmée"), "{who}");
        } else {
            assert!(
                html.contains("Vous êtes sur la liste d&#39;attente"),
                "{who}"
            );
        }
    }
    assert!(
        app.get_html(&format!("/evenements/{id}"))
            .await
            .contains("Complet : inscrivez-vous sur la liste d&#39;attente")
    );
    let again = app
        .post_form(
            &format!("/evenements/{id}/inscription"),
            &[("first_name", "Ana"), ("email", "ANA@exemple.fr")],
        )
        .await;
    assert!(
        app.follow(again)
            .await
            .contains("Votre inscription est déjà enregistrée")
    );

    let confirmation = smtp
        .wait_for("ana@exemple.fr", "Inscription confirmée")
        .await;
    assert!(
        confirmation
            .subject
            .contains("À la recherche du mentorat perdu")
    );
    let (name, ics) = confirmation
        .attachments
        .first()
        .expect("a calendar file is attached");
    assert_eq!(name, "evenement.ics");
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains(&format!("UID:event-{id}@")));
    smtp.wait_for("cyd@exemple.fr", "Liste d'attente").await;

    // Ana cancels from her link: Cyd gets the seat and is told.
    let link = confirmation.link(&format!("{}/inscriptions/annuler/", app.address));
    let path = link.strip_prefix(&app.address).unwrap().to_owned();
    let form = app.get_html(&path).await;
    assert!(form.contains("Annuler mon inscription"));
    let cancelled = app.post_form(&path, &[]).await;
    assert!(app.follow(cancelled).await.contains("Inscription annulée"));
    let promoted = smtp
        .wait_for("cyd@exemple.fr", "Une place s'est libérée")
        .await;
    assert!(!promoted.attachments.is_empty());
    smtp.wait_for("ana@exemple.fr", "Inscription annulée").await;
    let attendance = app.app.attendance(id).await.unwrap();
    assert_eq!((attendance.confirmed, attendance.waitlisted), (2, 0));
    assert_eq!(app.get(&path).await.status(), 410, "the link is spent");
}

#[tokio::test]
async fn registration_mistakes_come_back_with_a_message_and_nothing_lost() {
    let app = spawn_demo_app().await;
    let id = event_with_capacity(&app, 10, Duration::days(3)).await;
    let response = app
        .post_form(
            &format!("/evenements/{id}/inscription"),
            &[
                ("first_name", "Jeanne"),
                ("email", "pas-une-adresse"),
                ("phone", "06 12 34 56 78"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Cette adresse e-mail n&#39;est pas valide"));
    assert!(html.contains(r#"value="Jeanne""#) && html.contains(r#"value="06 12 34 56 78""#));
    let bad_phone = app
        .post_form(
            &format!("/evenements/{id}/inscription"),
            &[
                ("first_name", "Jeanne"),
                ("email", "j@exemple.fr"),
                ("phone", "appelez-moi"),
            ],
        )
        .await;
    assert!(
        bad_phone
            .text()
            .await
            .unwrap()
            .contains("Ce numéro de téléphone n&#39;est pas valide")
    );
}

#[tokio::test]
async fn reminders_go_two_days_before_and_only_once() {
    let app = spawn_app_with(|s| s.rate_burst = 100).await;
    app.app.load_demo().await.unwrap();
    let soon = event_with_capacity(&app, 10, Duration::hours(30)).await;
    let later = event_with_capacity(&app, 10, Duration::days(10)).await;
    let client = Client {
        ip: "127.0.0.1".parse().unwrap(),
        device: None,
    };
    app.app
        .register_for_event(soon, &form(1), Locale::Fr, &client)
        .await
        .unwrap();
    app.app
        .register_for_event(later, &form(2), Locale::Fr, &client)
        .await
        .unwrap();
    assert_eq!(app.app.send_reminders(Utc::now()).await.unwrap(), 1);
    assert_eq!(
        app.app.send_reminders(Utc::now()).await.unwrap(),
        0,
        "only once"
    );
    let (messages, _) = app.app.outbox(0, 100).await.unwrap();
    assert!(
        messages
            .iter()
            .any(|m| m.to_address == "personne1@exemple.fr" && m.subject.starts_with("Rappel"))
    );
    assert!(
        !messages
            .iter()
            .any(|m| m.to_address == "personne2@exemple.fr" && m.subject.starts_with("Rappel"))
    );
}

#[tokio::test]
async fn the_organisers_csv_opens_in_a_french_spreadsheet() {
    let app = spawn_demo_app().await;
    app.sign_in("coordination.compiegne@mentorat.example", DEMO_PASSWORD)
        .await;
    let id = mentorat_app::demo::demo_id("conference/compiegne/2016");
    let response = app.get(&format!("/evenements/{id}/inscriptions.csv")).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Prénom;Nom;E-mail;Téléphone;État;Présence;Accord pour une prise de contact;Connu par;Date d'inscription"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(
            "Aurélie;Lambert;aurelie.lambert@demo.mentorat.example;;Confirmée;oui;oui;"
        )),
        "{text}"
    );
    assert!(
        text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends"
    );
    let (log, _) = app
        .app
        .audit_log(
            &mentorat_app::admin::AuditQuery {
                action: Some("export".into()),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap();
    assert_eq!(log.len(), 1, "the export is audited");
}

#[tokio::test]
async fn check_in_on_a_phone_and_invitations_to_apply_after_the_event() {
    let app = spawn_app_with(|s| s.rate_burst = 100).await;
    app.app.load_demo().await.unwrap();
    let id = event_with_capacity(&app, 10, Duration::days(2)).await;
    let client = Client {
        ip: "127.0.0.1".parse().unwrap(),
        device: None,
    };
    app.app
        .register_for_event(id, &form(1), Locale::Fr, &client)
        .await
        .unwrap();
    let mut no_consent = form(2);
    no_consent.consent_contact = false;
    app.app
        .register_for_event(id, &no_consent, Locale::Fr, &client)
        .await
        .unwrap();
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let list = app
        .get_html(&format!("/evenements/{id}/inscriptions"))
        .await;
    assert!(list.contains("2 personnes inscrites, 0 en liste d&#39;attente, 0 personne présente."));
    for registration in app.app.registrations(id).await.unwrap() {
        let r = app
            .post_form(
                &format!("/evenements/{id}/presence"),
                &[
                    ("registration", &registration.id.to_string()),
                    ("attended", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    assert!(
        app.get_html(&format!("/evenements/{id}/inscriptions"))
            .await
            .contains("2 personnes présentes")
    );
    let sheet = app.get_html(&format!("/evenements/{id}/feuille")).await;
    assert!(sheet.contains("TEST Personne1") && sheet.contains("Feuille d&#39;émargement"));
    let invited = app
        .post_form(&format!("/evenements/{id}/inviter"), &[])
        .await;
    assert!(
        app.follow(invited)
            .await
            .contains("Une invitation envoyée."),
        "only who agreed"
    );
    let (messages, _) = app.app.outbox(0, 100).await.unwrap();
    let invitation = messages
        .iter()
        .find(|m| m.subject.starts_with("Devenir mentor"))
        .expect("an invitation");
    assert_eq!(invitation.to_address, "personne1@exemple.fr");
    // A single-use link that names no one.
    let at = invitation
        .body_text
        .find("/devenir-mentor/invitation/")
        .expect("the link");
    let link: String = invitation.body_text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '"')
        .collect();
    assert!(
        !link.contains("Personne1") && !link.contains("exemple.fr"),
        "{link}"
    );

    // Without an account: the sign-up form, filled in from the registration.
    let visitor = app.new_client();
    let page = visitor.get(app.url(&link)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("value=\"Personne1\"") && page.contains("value=\"personne1@exemple.fr\"")
    );
    // With one: the mentor application, the conference's town filled in; sent, it
    // remembers the conference and the link is used up.
    let person = crate::mentoring::person(&app, "Personne1", "personne1@exemple.fr").await;
    let browser = crate::mentoring::signed_in_as(&app, person).await;
    let form = browser.get_html(&link).await;
    assert!(
        form.contains("value=\"60159\""),
        "the town of the conference: {form}"
    );
    let applied = browser
        .post_form(
            &link,
            &[
                ("domain_1", "creation-entreprise"),
                ("years_1", "12"),
                ("bio", "J'ai créé une entreprise à Compiègne."),
                ("commune", "60159"),
                ("capacity", "2"),
                ("languages", "fr"),
                ("charter", "1"),
            ],
        )
        .await;
    assert_eq!(
        applied.status(),
        303,
        "{}",
        applied.text().await.unwrap_or_default()
    );
    let profile = app.app.mentor_profile(person).await.unwrap();
    assert_eq!(
        profile.event_id,
        Some(id),
        "the application remembers the conference"
    );
    assert_eq!(browser.get(&link).await.status(), 410, "single use");
    // The conference's funnel counts them, step by step.
    let list = crate::mentoring::unescape(
        &app.get_html(&format!("/evenements/{id}/inscriptions"))
            .await,
    );
    for step in [
        "<strong>2</strong> inscriptions</li>",
        "<strong>2</strong> présences <span class=\"muted\">(100 % de l'étape précédente)</span>",
        "<strong>1</strong> invitations à devenir mentor <span class=\"muted\">(50 % de l'étape précédente)</span>",
        "<strong>1</strong> candidatures venues de l'invitation <span class=\"muted\">(100 %",
        "<strong>0</strong> mentors acceptés <span class=\"muted\">(0 %",
        "<strong>0</strong> mentors qui accompagnent déjà un projet</li>",
    ] {
        assert!(list.contains(step), "{step}: {list}");
    }
    let again = app
        .post_form(&format!("/evenements/{id}/inviter"), &[])
        .await;
    assert!(
        app.follow(again)
            .await
            .contains("Aucune nouvelle invitation"),
        "never twice"
    );
}

#[tokio::test]
async fn a_partner_request_becomes_a_scheduled_conference_in_one_step() {
    let app = spawn_demo_app().await;
    let sent = app
        .post_form(
            "/accueillir-une-conference",
            &[
                ("association", "Les Amis d'Ath"),
                ("commune_query", "Ath"),
                ("contact_name", "Marie Dupuis"),
                ("email", "marie@amis-ath.example"),
                ("expected_audience", "50"),
            ],
        )
        .await;
    assert!(app.follow(sent).await.contains("Demande envoyée"));
    let (requests, _) = app.app.hosting_requests(0, 10).await.unwrap();
    let request = requests
        .iter()
        .find(|r| r.association == "Les Amis d'Ath")
        .expect("stored");
    assert_eq!(
        request.commune_code, "BE-51004",
        "the commune picker resolved the town"
    );
    let (outbox, _) = app.app.outbox(0, 50).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "marie@amis-ath.example" && m.subject.contains("bien reçue"))
    );
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "admin@mentorat.example"
                && m.subject.contains("demande de conférence"))
    );

    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let page = app
        .get_html(&format!("/admin/demandes/{}", request.id))
        .await;
    assert!(page.contains("Planifier la conférence"));
    let location = schedule(&app, request.id, 40, "19:30", "Salle des Amis").await;
    let event = app.get_html(&location).await;
    assert!(event.contains("À la recherche du mentorat perdu"));
    assert!(event.contains("Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?"));
    // The usual programme is not stored in French: each reader gets it in their language,
    // on the page and in the calendar file.
    let english = app.get_en(&location).await.text().await.unwrap();
    assert!(english.contains("Can one become a mentor, or are we mentors without knowing it?"));
    assert!(!english.contains("Peut-on devenir mentor"));
    let ics = app
        .get_en(&format!("{location}/evenement.ics"))
        .await
        .text()
        .await
        .unwrap()
        .replace("\r\n ", "");
    assert!(ics.contains("DESCRIPTION:1. What is mentoring?"), "{ics}");
    assert!(event.contains("120 minutes"));
    assert!(event.contains("19 h 30"), "Brussels time, as in Ath");
    assert!(
        event.contains("Cercle des Mentors d&#39;Ath"),
        "placed in the circle that covers Ath"
    );
    assert!(
        event.contains("Accueilli par Les Amis d&#39;Ath"),
        "the host association is named on the event page"
    );
    let (requests, _) = app.app.hosting_requests(0, 10).await.unwrap();
    assert_eq!(
        requests.iter().find(|r| r.id == request.id).unwrap().status,
        mentorat_domain::HostingStatus::Scheduled
    );

    // The association hosts the conference; once its member has an account and the
    // national team names them, they see its registrations, not another host's.
    let partner = app.get_html("/admin/partenaires/les-amis-d-ath").await;
    assert!(partner.contains("Les Amis d&#39;Ath"));
    let host = app.new_client();
    let csrf = app.csrf_of(&host, None).await;
    let strong = "une phrase assez longue pour la porte";
    host.post(app.url("/inscription"))
        .form(&[
            ("first_name", "Marie"),
            ("email", "marie@amis-ath.example"),
            ("password", strong),
            ("confirmation", strong),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    let marie = app
        .app
        .store
        .account_by_email(&mentorat_domain::Email::parse("marie@amis-ath.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.mark_email_verified(marie.id, Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    let named = app
        .post_form(
            "/admin/partenaires/les-amis-d-ath/membres",
            &[("email", "marie@amis-ath.example")],
        )
        .await;
    assert_eq!(named.status(), 303);
    let csrf = app.csrf_of(&host, None).await;
    host.post(app.url("/connexion"))
        .form(&[
            ("email", "marie@amis-ath.example"),
            ("password", strong),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    let own = host
        .get(app.url(&format!("{location}/inscriptions")))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200, "the host sees its registrations");
    let other = mentorat_app::demo::demo_id("conference/compiegne/next");
    let theirs = host
        .get(app.url(&format!("/evenements/{other}/inscriptions")))
        .send()
        .await
        .unwrap();
    assert_eq!(theirs.status(), 403, "not another association's");
}

#[tokio::test]
async fn an_ambiguous_town_is_chosen_among_candidates_without_javascript() {
    let app = spawn_demo_app().await;
    let response = app
        .post_form(
            "/accueillir-une-conference",
            &[
                ("association", "Asso"),
                ("commune_query", "saint-"),
                ("contact_name", "Léo"),
                ("email", "leo@exemple.fr"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Choisissez votre commune dans la liste"));
    let select = r#"<select id="host-commune" name="commune" required>"#;
    let at = html.find(select).expect("the candidates are offered");
    // Right under the commune field, before the fields that follow it, with nothing chosen.
    let query = html.find(r#"id="host-commune_query""#).unwrap();
    let next = html.find(r#"id="host-contact_name""#).unwrap();
    assert!(
        query < at && at < next,
        "the choice is under the commune field"
    );
    let list = &html[at..at + html[at..].find("</select>").unwrap()];
    assert_eq!(list.matches(" selected").count(), 1, "{list}");
    assert!(
        list.contains(r#"<option value="" selected>"#),
        "nothing chosen: {list}"
    );
    assert!(html.contains(r#"value="Asso""#), "nothing typed is lost");

    // Sent again without a choice: refused again, still nothing stored.
    let again = app
        .post_form(
            "/accueillir-une-conference",
            &[
                ("association", "Asso"),
                ("commune_query", "saint-"),
                ("commune", ""),
                ("contact_name", "Léo"),
                ("email", "leo@exemple.fr"),
            ],
        )
        .await;
    assert_eq!(again.status(), 422);
    let (requests, _) = app.app.hosting_requests(0, 50).await.unwrap();
    assert!(!requests.iter().any(|r| r.association == "Asso"));
}

#[tokio::test]
async fn the_contact_form_is_stored_acknowledged_and_robots_are_ignored() {
    let app = spawn_demo_app().await;
    let robot = app
        .post_form(
            "/contact",
            &[
                ("category", "other"),
                ("name", "Bot"),
                ("email", "bot@spam.example"),
                ("message", "Achetez"),
                ("website", "http://spam"),
            ],
        )
        .await;
    assert!(
        app.follow(robot).await.contains("Message envoyé"),
        "robots see a success"
    );
    let human = press_enquiry(&app).await;
    assert!(app.follow(human).await.contains("Message envoyé"));
    let (messages, _) = app.app.contact_messages(None, 0, 50).await.unwrap();
    assert!(messages.iter().any(|m| m.email == "ines@journal.example"));
    assert!(!messages.iter().any(|m| m.email == "bot@spam.example"));
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let id = messages
        .iter()
        .find(|m| m.email == "ines@journal.example")
        .unwrap()
        .id;
    app.post_form(&format!("/admin/messages/{id}/etat"), &[("status", "done")])
        .await;
    let done = app.get_html("/admin/messages?etat=done").await;
    assert!(done.contains("Une interview ?"));
    assert!(
        !app.get_html("/admin/messages?etat=new")
            .await
            .contains("Une interview ?")
    );
}

#[tokio::test]
async fn the_dashboard_shows_the_demo_against_the_targets() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let html = app.get_html("/admin/tableau-de-bord").await;
    let approved = app.app.store.count_approved_mentors().await.unwrap();
    assert!(
        html.contains(&format!(
            "Mentors approuvés : {approved} sur un objectif de 10\u{202f}000"
        )),
        "{html}"
    );
    assert!(html.contains("Cercles actifs : 2 sur un objectif de 300"));
    assert!(
        html.contains("<title id=\"growth-title\">") && html.contains("<caption>"),
        "a chart with its table"
    );
    assert!(html.contains("Présents aux conférences"));
    let changed = app
        .post_form(
            "/admin/objectifs",
            &[("year", "2026"), ("mentors", "12000"), ("circles", "320")],
        )
        .await;
    assert_eq!(changed.status(), 303);
    let d = app.app.dashboard().await.unwrap();
    if d.year == 2026 {
        assert_eq!((d.target_mentors, d.target_circles), (12_000, 320));
    }
    let bad = app
        .post_form(
            "/admin/objectifs",
            &[("year", "2026"), ("mentors", "-1"), ("circles", "320")],
        )
        .await;
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn calendar_feeds_are_valid_rfc_5545_with_utc_times() {
    let app = spawn_demo_app().await;
    // The pages offer the feeds: the network's, the circle's, from the event too.
    assert!(
        app.get_html("/cercles")
            .await
            .contains(r#"href="/events.ics""#)
    );
    let feed_link = r#"href="/cercles/compiegne/events.ics""#;
    assert!(app.get_html("/cercles/compiegne").await.contains(feed_link));
    let next = mentorat_app::demo::demo_id("conference/compiegne/next");
    let page = app.get_html(&format!("/evenements/{next}")).await;
    assert!(
        page.contains(feed_link),
        "the event page offers its circle's feed"
    );
    assert!(page.contains(&format!(r#"href="/evenements/{next}/evenement.ics""#)));
    let response = app.get("/events.ics").await;
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let feed = response.text().await.unwrap();
    let circle = app
        .get("/cercles/compiegne/events.ics")
        .await
        .text()
        .await
        .unwrap();
    assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
    let compiegne_next = mentorat_app::demo::demo_id("conference/compiegne/next");
    let event = app.app.event_page(compiegne_next).await.unwrap().event;
    let dtstart = format!("DTSTART:{}", event.starts_at.format("%Y%m%dT%H%M%SZ"));
    assert!(
        feed.contains(&dtstart) && circle.contains(&dtstart),
        "UTC start times"
    );
    assert!(
        !circle.contains("Lille"),
        "a circle's feed has only its events"
    );
    crate::ics_check::parses(
        &feed,
        &[(format!("event-{compiegne_next}@"), event.starts_at)],
    )
    .await;
    crate::ics_check::parses(
        &circle,
        &[(format!("event-{compiegne_next}@"), event.starts_at)],
    )
    .await;
}

#[tokio::test]
async fn the_inbox_notice_reaches_each_of_the_national_team_in_their_language() {
    let app = spawn_demo_app().await;
    app.speaks_english("admin@mentorat.example").await;
    let sent = press_enquiry(&app).await;
    assert!(app.follow(sent).await.contains("Message envoyé"));
    let notice = app
        .mail_to("admin@mentorat.example")
        .await
        .expect("the national team is told");
    assert!(
        notice.subject.starts_with("New on the platform: ")
            && notice.subject.contains("contact message"),
        "{}",
        notice.subject
    );
}

/// A journalist's message through the contact form.
async fn press_enquiry(app: &crate::helpers::TestApp) -> reqwest::Response {
    app.post_form(
        "/contact",
        &[
            ("category", "press"),
            ("name", "Inès"),
            ("email", "ines@journal.example"),
            ("message", "Une interview ?"),
        ],
    )
    .await
}

#[tokio::test]
async fn the_outbox_shows_the_calendar_file_sent_with_a_confirmation() {
    let app = spawn_demo_app().await;
    let event = event_with_capacity(&app, 10, Duration::days(5)).await;
    let registered = app
        .post_form(
            &format!("/evenements/{event}/inscription"),
            &[
                ("first_name", "Rafaëlle"),
                ("email", "rafaelle@exemple.fr"),
                ("consent_contact", "1"),
                ("heard_from", "friend"),
            ],
        )
        .await;
    assert_eq!(registered.status(), 303);
    let mail = app
        .mail_to("rafaelle@exemple.fr")
        .await
        .expect("a confirmation");
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let html = app.get_html(&format!("/admin/courriels/{}", mail.id)).await;
    assert!(html.contains("Pièce jointe : evenement.ics"), "{html}");
    assert!(html.contains("BEGIN:VCALENDAR"), "{html}");
}

/// The registrations pages `/organisation` (or its past tab) links to.
fn organised_links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/evenements/")
        .map(|(i, _)| {
            let rest = &html[i + 6..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .filter(|href| href.ends_with("/inscriptions"))
        .collect()
}

#[tokio::test]
async fn an_organiser_lists_exactly_the_events_they_manage_to_come_and_past() {
    let app = spawn_demo_app().await;
    let coordinator =
        crate::mentoring::signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let national = crate::mentoring::signed_in(&app, "admin@mentorat.example").await;
    let mut theirs = 0;
    for tab in ["/organisation", "/organisation?passes=1"] {
        let html = coordinator.get_html(tab).await;
        let links = organised_links(&html);
        for href in &links {
            assert_eq!(coordinator.get(href).await.status(), 200, "{tab}: {href}");
        }
        theirs += links.len();
        let all = organised_links(&national.get_html(tab).await);
        assert!(all.len() >= links.len(), "{tab}");
        // Every event the national team sees that the coordinator may manage is listed.
        for href in all.iter().filter(|h| !links.contains(h)) {
            assert_eq!(coordinator.get(href).await.status(), 403, "{tab}: {href}");
        }
    }
    assert!(theirs > 0, "Compiègne's events are listed");
    let past = coordinator.get_html("/organisation?passes=1").await;
    assert!(
        past.contains("2016"),
        "the 2016 conference among the past ones"
    );
}

#[tokio::test]
async fn the_host_hears_when_scheduled_a_week_before_and_after_in_its_language() {
    let app = spawn_demo_app().await;
    // An association writes in English from Creil, where no circle is yet.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("Accept-Language", "en-GB,en;q=0.9".parse().unwrap());
    let english = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    let host = "mary@friends-creil.example";
    let asked = app
        .post_form_from(
            &english,
            "/accueillir-une-conference",
            &[
                ("association", "Friends of Creil"),
                ("commune_query", "Creil"),
                ("commune", "60175"),
                ("contact_name", "Mary"),
                ("email", host),
            ],
        )
        .await;
    assert_eq!(asked.status(), 303);
    let (requests, _) = app.app.hosting_requests(0, 50).await.unwrap();
    let request = requests
        .iter()
        .find(|r| r.association == "Friends of Creil")
        .unwrap();
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let location = schedule(&app, request.id, 10, "19:00", "Salle Georges Brassens").await;
    let event: Uuid = location.trim_start_matches("/evenements/").parse().unwrap();
    let to_host = async || -> Vec<mentorat_store::OutboxMessage> {
        let (all, _) = app.app.outbox(0, 500).await.unwrap();
        let mut mine: Vec<_> = all.into_iter().filter(|m| m.to_address == host).collect();
        mine.sort_by_key(|m| m.created_at);
        mine
    };
    let mails = to_host().await;
    assert!(
        mails
            .iter()
            .any(|m| m.subject.starts_with("Your conference is scheduled")),
        "{mails:?}"
    );
    let before = mails.len();

    let client = Client {
        ip: "127.0.0.1".parse().unwrap(),
        device: None,
    };
    for i in 0..2 {
        app.app
            .register_for_event(event, &form(i), Locale::Fr, &client)
            .await
            .unwrap();
    }
    // Six days before: the week's message, with the registrations, once.
    crate::mentoring::days_pass(&app, 4).await;
    crate::mentoring::sweep(&app).await;
    let mails = to_host().await;
    assert_eq!(mails.len(), before + 1, "{mails:?}");
    let week = mails.last().unwrap();
    assert!(week.subject.starts_with("In a week: "), "{}", week.subject);
    assert!(
        week.body_text.contains("2 people have registered so far."),
        "{}",
        week.body_text
    );

    // One came; three days after, the thanks with the figures, once.
    let first = app.app.registrations(event).await.unwrap()[0].id;
    app.app.check_in(event, first, true).await.unwrap();
    crate::mentoring::days_pass(&app, 9).await;
    crate::mentoring::sweep(&app).await;
    let mails = to_host().await;
    assert_eq!(mails.len(), before + 2, "{mails:?}");
    let after = mails.last().unwrap();
    assert!(
        after.subject.starts_with("Thank you for hosting"),
        "{}",
        after.subject
    );
    assert!(
        after
            .body_text
            .contains("One person came to the conference."),
        "{}",
        after.body_text
    );
    assert!(
        after
            .body_text
            .contains("Nobody has offered to become a mentor yet")
    );
}

#[tokio::test]
async fn each_association_brings_registrations_through_its_own_link_and_sees_only_its_figures() {
    let app = spawn_demo_app().await;
    let event = event_with_capacity(&app, 50, Duration::days(12)).await;
    // A second association of the Compiègne circle, with a member.
    let relay = Uuid::new_v4();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_partner_if_absent(&mentorat_store::NewPartner {
        id: relay,
        slug: "amicale-laique-compiegne".into(),
        name: "Amicale laïque".into(),
        commune_code: "60159".into(),
        contact_email: "amicale@exemple.fr".into(),
        description: String::new(),
        locale: "fr".into(),
    })
    .await
    .unwrap();
    tx.link_circle_partner(mentorat_app::demo::demo_id("circle/compiegne"), relay)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let coordinator =
        crate::mentoring::signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = coordinator
        .get_html(&format!("/evenements/{event}/inscriptions"))
        .await;
    assert!(page.contains("Ajouter comme relais"), "{page}");
    let added = coordinator
        .post_form(
            &format!("/evenements/{event}/relais"),
            &[("partner", "amicale-laique-compiegne")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let links = app.app.event_links(event).await.unwrap();
    let link = links
        .iter()
        .find(|l| l.partner_id == relay)
        .expect("its link");
    assert_eq!(link.role, "relay");

    // Two visitors come through the relay's link, one without any; a forged code
    // attributes nothing.
    let page = app
        .get_html(&format!("/evenements/{event}?par={}", link.code))
        .await;
    assert!(page.contains(&format!("name=\"par\" value=\"{}\"", link.code)));
    for (i, code) in [
        (1, link.code.as_str()),
        (2, link.code.as_str()),
        (3, ""),
        (4, "faux"),
    ] {
        let visitor = app.new_client();
        let email = format!("venu{i}@exemple.fr");
        let sent = app
            .post_form_from(
                &visitor,
                &format!("/evenements/{event}/inscription"),
                &[("first_name", "Venu"), ("email", &email), ("par", code)],
            )
            .await;
        assert_eq!(sent.status(), 303);
    }
    let first = app
        .app
        .registrations(event)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.email == "venu1@exemple.fr")
        .unwrap();
    app.app.check_in(event, first.id, true).await.unwrap();
    let links = app.app.event_links(event).await.unwrap();
    let link = links.iter().find(|l| l.partner_id == relay).unwrap();
    assert_eq!((link.registered, link.attended), (2, 1));
    let page = coordinator
        .get_html(&format!("/evenements/{event}/inscriptions"))
        .await;
    assert!(
        page.contains("Amicale laïque (relais)")
            && page.contains("2 inscriptions par ce lien, dont une présence notée."),
        "{page}"
    );

    // The relay's member sees its figures, never the people.
    let member = crate::mentoring::person(&app, "Aline", "aline@exemple.fr").await;
    let mut tx = app.app.store.begin().await.unwrap();
    tx.grant_role(member, &mentorat_domain::RoleGrant::partner(relay))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let aline = crate::mentoring::signed_in_as(&app, member).await;
    let organise = aline.get_html("/organisation").await;
    assert!(
        organise.contains("Les liens de partage de votre association")
            && organise.contains("2 inscriptions par ce lien, dont une présence notée."),
        "{organise}"
    );
    assert!(!organise.contains("venu1@exemple.fr"));
    assert_eq!(
        aline
            .get(&format!("/evenements/{event}/inscriptions"))
            .await
            .status(),
        403,
        "a relay never sees the registrants"
    );
}

#[tokio::test]
async fn a_partner_asks_for_a_conference_from_its_space_and_follows_it() {
    let app = spawn_demo_app().await;
    let member = crate::mentoring::signed_in(&app, "partenaire@mentorat.example").await;
    let space = member.get_html("/organisation").await;
    let ask = "/accueillir-une-conference?partenaire=maison-des-associations-compiegne";
    assert!(space.contains(&format!("href=\"{ask}\"")), "{space}");
    assert!(space.contains("pas encore demandé de conférence"));
    // The form comes filled in with the association and the member.
    let form = member.get_html(ask).await;
    assert!(form.contains("name=\"partenaire\" value=\"maison-des-associations-compiegne\""));
    assert!(form.contains("value=\"Maison des associations"), "{form}");
    // Another association's form is not theirs.
    let theirs = member
        .get("/accueillir-une-conference?partenaire=quartiers-solidaires-paris")
        .await;
    assert_eq!(theirs.status(), 403);
    let sent = member
        .post_form(
            "/accueillir-une-conference",
            &[
                ("association", "Maison des associations de Compiègne"),
                ("commune_query", "Creil"),
                ("commune", "60175"),
                ("contact_name", "Paul Partenaire"),
                ("email", "partenaire@mentorat.example"),
                ("partenaire", "maison-des-associations-compiegne"),
            ],
        )
        .await;
    assert_eq!(sent.status(), 303);
    let space = crate::mentoring::unescape(&member.get_html("/organisation").await);
    assert!(space.contains(" — Nouvelle"), "{space}");

    // The national team schedules it: the association hosts it, Creil gets its circle.
    let (requests, _) = app.app.hosting_requests(0, 50).await.unwrap();
    let request = requests.iter().find(|r| r.commune_code == "60175").unwrap();
    let partner = mentorat_app::demo::demo_id("partner/maison-des-associations-compiegne");
    assert_eq!(request.partner_id, Some(partner));
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let location = schedule(&app, request.id, 30, "19:00", "Salle Georges Brassens").await;
    let event: Uuid = location.trim_start_matches("/evenements/").parse().unwrap();
    assert_eq!(
        app.app.event_page(event).await.unwrap().event.partner_id,
        Some(partner),
        "the association that asked hosts it"
    );
    let space = crate::mentoring::unescape(&member.get_html("/organisation").await);
    assert!(
        space.contains("Conférence planifiée") && space.contains(&location),
        "{space}"
    );
    assert_eq!(
        member
            .get(&format!("/evenements/{event}/inscriptions"))
            .await
            .status(),
        200,
        "the host sees its conference's registrations"
    );
}

/// The national team (signed in on `app`'s own client) schedules hosting request `id` in
/// `days` days at `time` in `venue`; the address of the conference's page.
async fn schedule(app: &TestApp, id: Uuid, days: i64, time: &str, venue: &str) -> String {
    let date = (app.app.now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    let scheduled = app
        .post_form(
            &format!("/admin/demandes/{id}/planifier"),
            &[
                ("date", &date),
                ("time", time),
                ("venue", venue),
                ("capacity", "60"),
            ],
        )
        .await;
    assert_eq!(scheduled.status(), 303);
    scheduled.headers()["location"].to_str().unwrap().to_owned()
}
