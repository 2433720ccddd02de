//! Privacy duties (issue 23): a person's export holds everything about them and nothing
//! about anyone else; an erasure leaves no trace of them in any text column; the
//! retention sweep clears what each period says and nothing more (its dry run lists the
//! same rows); « who viewed » by name; the privacy page and the register follow the
//! settings.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_demo_app};
use crate::mentoring::{PASSWORD, named_mentor, signed_in_as};
use mentorat_app::auth::Client;
use mentorat_app::events::RegistrationForm;
use mentorat_app::inbox::HostingForm;
use mentorat_app::mentoring::{MeetingForm, MentorForm, ProjectForm};
use mentorat_domain::Locale;
use uuid::Uuid;

/// One person's seeded records and every marker they wrote.
struct Seeded {
    porteur: Uuid,
    email: String,
    /// The mentor of the relationship still active when seeding ends.
    active_mentor: Uuid,
    markers: Vec<String>,
    /// The event they registered for.
    event: Uuid,
}

fn client(n: u8) -> Client {
    Client {
        ip: format!("10.23.0.{n}").parse().unwrap(),
        device: None,
    }
}

/// A porteur of `commune` (`tag`: letters that make their markers theirs) with two
/// projects, a closed relationship (meeting, goal, message, check-in, report, feedback)
/// and an active one, a registration, a contact message and a hosting request; every
/// text they can fill holds a marker.
async fn seed(app: &TestApp, tag: &str, commune: &str, avoid: Uuid, n: u8) -> Seeded {
    let m = |what: &str| format!("{tag}{what}");
    let email = format!("{}@exemple.fr", m("mail").to_lowercase());
    let porteur = Uuid::new_v4();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_user_if_absent(&mentorat_store::NewUser {
        id: porteur,
        email: mentorat_domain::Email::parse(&email).unwrap(),
        name: mentorat_domain::PersonName::parse(&m("prenom"), &m("nom")).unwrap(),
        locale: Locale::Fr,
        password_hash: Some(mentorat_app::passwords::hash(PASSWORD)),
        verified_at: Some(chrono::Utc::now()),
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let admin = app.account_id("admin@mentorat.example").await;
    let mentor_form = MentorForm {
        domains: vec![("creation-entreprise".into(), "12".into())],
        bio: "J'ai créé deux entreprises.".into(),
        commune: commune.into(),
        capacity: "3".into(),
        languages: vec!["fr".into()],
        charter: true,
        ..Default::default()
    };
    let first = named_mentor(
        app,
        "Premiere",
        &format!("{tag}m1@exemple.fr"),
        &mentor_form,
    )
    .await;
    let second = named_mentor(app, "Seconde", &format!("{tag}m2@exemple.fr"), &mentor_form).await;
    let mut projects = Vec::new();
    for (i, mentor) in [first, second].into_iter().enumerate() {
        let form = ProjectForm {
            title: m(&format!("titre{i} projet")),
            description: m(&format!("description{i}")),
            domains: vec!["creation-entreprise".into()],
            stage: "idea".into(),
            help_wanted: m(&format!("aide{i}")),
            commune: commune.into(),
            languages: vec!["fr".into()],
            birth_year: "1990".into(),
            ..Default::default()
        };
        let project = app.app.submit_project(porteur, &form).await.unwrap();
        let record = app.app.project(project).await.unwrap();
        app.app
            .review_project(admin, &record, "validate", "")
            .await
            .unwrap();
        let record = app.app.project(project).await.unwrap();
        let request = app
            .app
            .request_mentor(porteur, &record, mentor, &m(&format!("demande{i}")))
            .await
            .unwrap();
        let request = app.app.request(request).await.unwrap();
        let mentorship = app
            .app
            .answer_request(mentor, &request, true, "", "")
            .await
            .unwrap()
            .unwrap();
        projects.push(mentorship);
    }
    let closed = app.app.mentorship_record(projects[0]).await.unwrap();
    let today = app.app.now().date_naive().to_string();
    app.app
        .log_meeting(
            porteur,
            &closed,
            &MeetingForm {
                date: today,
                minutes: "60".into(),
                remote: false,
                topics: m("sujets"),
                notes: m("notes"),
            },
        )
        .await
        .unwrap();
    app.app
        .add_goal(porteur, &closed, &m("objectif"))
        .await
        .unwrap();
    app.app
        .post_message(porteur, &closed, &m("message"))
        .await
        .unwrap();
    let active = app.app.mentorship_record(projects[1]).await.unwrap();
    app.app
        .post_message(porteur, &active, &m("autremessage"))
        .await
        .unwrap();
    // Registered before the event (the clock moves a month below).
    // An event still open at this point of the clock (the seeding moves it a month).
    let upcoming = app.app.upcoming_events(None, 50).await.unwrap();
    let event = upcoming
        .iter()
        .map(|e| e.id)
        .find(|id| *id != avoid)
        .expect("an upcoming event");
    app.app
        .register_for_event(
            event,
            &RegistrationForm {
                first_name: m("prenom"),
                last_name: m("nom"),
                email: email.clone(),
                phone: "06 12 34 56 7".to_owned() + &n.to_string(),
                consent_contact: true,
                ..Default::default()
            },
            Locale::Fr,
            &client(n),
        )
        .await
        .unwrap();
    app.app
        .send_contact_message(
            "other",
            &m("contact"),
            &email,
            &m("question"),
            Locale::Fr,
            &client(n + 100),
        )
        .await
        .unwrap();
    app.app
        .request_hosting(
            &HostingForm {
                association: m("association"),
                commune: commune.into(),
                contact_name: m("accueil"),
                email: email.clone(),
                phone: String::new(),
                expected_audience: "40".into(),
                preferred_dates: m("dates"),
                message: m("accueilmessage"),
                ..Default::default()
            },
            Locale::Fr,
            &client(n + 50),
        )
        .await
        .unwrap();
    // A check-in after 30 days.
    app.app.clock.advance(chrono::Duration::days(31));
    app.app.sweep(app.app.now()).await.unwrap();
    let closed = app.app.mentorship_record(projects[0]).await.unwrap();
    app.app
        .answer_checkin(porteur, &closed, "4", "yes", &m("point"))
        .await
        .unwrap();
    let sheet = app.app.mentorship_sheet(projects[0]).await.unwrap();
    app.app
        .report(porteur, &sheet, None, &m("signalement"), false)
        .await
        .unwrap();
    app.app
        .close_mentorship(porteur, &closed, &m("cloture"))
        .await
        .unwrap();
    let closed = app.app.mentorship_record(projects[0]).await.unwrap();
    app.app
        .give_feedback(porteur, &closed, "4", &m("changements"), &m("commentaire"))
        .await
        .unwrap();
    let markers = [
        "prenom",
        "nom",
        "titre0 projet",
        "titre1 projet",
        "description0",
        "description1",
        "aide0",
        "aide1",
        "demande0",
        "demande1",
        "sujets",
        "notes",
        "objectif",
        "message",
        "autremessage",
        "point",
        "signalement",
        "cloture",
        "changements",
        "commentaire",
        "contact",
        "question",
        "association",
        "accueil",
        "dates",
        "accueilmessage",
    ]
    .iter()
    .map(|w| m(w))
    .chain([email.clone()])
    .collect();
    Seeded {
        porteur,
        email,
        active_mentor: second,
        markers,
        event,
    }
}

/// Two unrelated people: one in Compiègne, one in Paris, each with their own mentors.
async fn two_people(app: &TestApp) -> (Seeded, Seeded) {
    let first = seed(app, "Zqaw", "60159", Uuid::nil(), 1).await;
    let second = seed(app, "Xqbv", "59350", first.event, 2).await;
    app.app.deferred.settle().await;
    (first, second)
}

/// The files of a ZIP, read by Python's `zipfile` (which checks every CRC).
fn unzip(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sys, zipfile\n\
             z = zipfile.ZipFile(sys.argv[1])\n\
             assert z.testzip() is None, 'a damaged member'\n\
             print(sorted(z.namelist()))\n\
             for n in z.namelist(): print(z.read(n).decode('utf-8'))",
        )
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn an_export_holds_every_marker_of_its_person_and_none_of_another() {
    let app = spawn_demo_app().await;
    let (first, second) = two_people(&app).await;
    let browser = signed_in_as(&app, first.porteur).await;
    let page = browser.get_html("/compte").await;
    assert!(page.contains("href=\"/compte/mes-donnees.zip\""), "{page}");
    let response = browser.get("/compte/mes-donnees.zip").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/zip"
    );
    let text = unzip(&response.bytes().await.unwrap());
    assert!(
        text.starts_with("['mes-donnees.html', 'mes-donnees.json']"),
        "{text}"
    );
    for marker in &first.markers {
        assert!(
            text.contains(marker.as_str()),
            "{marker} missing from the export"
        );
    }
    for marker in &second.markers {
        assert!(
            !text.contains(marker.as_str()),
            "{marker} of someone else exported"
        );
    }
    // The mentors appear by first name and initial only.
    assert!(text.contains("\"other_party\": \"Seconde E.\""), "{text}");
    assert!(!text.contains("zqawm2@exemple.fr"));
    assert!(!text.contains("password_hash"));
    app.app.deferred.settle().await;
    let (entries, _) = app
        .app
        .audit_log(
            &mentorat_app::admin::AuditQuery {
                action: Some("data_exported".into()),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap();
    assert_eq!(entries.len(), 1, "the export is in the audit log");
    assert_eq!(entries[0].subject_id, Some(first.porteur));
}

#[tokio::test]
async fn an_erasure_after_the_grace_period_leaves_no_marker_and_keeps_the_figures() {
    let app = spawn_demo_app().await;
    let (first, second) = two_people(&app).await;
    let browser = signed_in_as(&app, first.porteur).await;
    let asked = browser
        .post_form("/compte/suppression", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(asked.status(), 303);
    // The national team sees it waiting.
    let admin = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    let waiting = admin.get_html("/admin/effacements").await;
    assert!(waiting.contains(&first.email), "{waiting}");
    // Not before the grace period is over…
    let sweep = |days: i64| {
        let at = app.app.now() + chrono::Duration::days(days);
        let app = app.app.clone();
        async move {
            app.privacy_sweep(at, false, &mut mentorat_store::backup::Silent)
                .await
                .unwrap()
        }
    };
    assert!(sweep(29).await.erased.is_empty());
    assert!(
        !app.app
            .store
            .find_text(&first.markers[0])
            .await
            .unwrap()
            .is_empty()
    );
    // …then done.
    app.app.clock.advance(chrono::Duration::days(31));
    let dashboard = format!("{:?}", app.app.dashboard().await.unwrap());
    let report = sweep(0).await;
    assert_eq!(report.erased, vec![first.porteur]);
    app.app.deferred.settle().await;
    for marker in &first.markers {
        let found = app.app.store.find_text(marker).await.unwrap();
        assert!(found.is_empty(), "{marker} still in {found:?}");
    }
    let found = app.app.store.find_text(&first.email).await.unwrap();
    assert!(found.is_empty(), "the address still in {found:?}");
    // On SQLite, not in the file either: neither in free pages nor in the log.
    if let Some(path) = app.database_url().strip_prefix("sqlite://") {
        for file in [path.to_owned(), format!("{path}-wal")] {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            for marker in &first.markers {
                assert!(
                    !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                    "{marker} left in the bytes of {file}"
                );
            }
        }
    }
    // The scan finds what is there: the other person's markers are all kept.
    for marker in &second.markers {
        assert!(
            !app.app.store.find_text(marker).await.unwrap().is_empty(),
            "{marker} of someone else was erased"
        );
    }
    assert_eq!(
        format!("{:?}", app.app.dashboard().await.unwrap()),
        dashboard,
        "the dashboard's figures are unchanged"
    );
    // The mentor of the active relationship was told, without a name.
    let mentor = app
        .app
        .store
        .account_by_id(first.active_mentor)
        .await
        .unwrap()
        .unwrap();
    let (outbox, _) = app.app.outbox(0, 500).await.unwrap();
    let told = outbox
        .iter()
        .find(|m| m.to_address == mentor.email.as_str() && m.template == "partner-left")
        .expect("the active mentor is told");
    assert!(!told.body_text.contains("Zqaw"));
    // (A month passed: the national team signs in again.)
    let admin = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    assert!(
        admin
            .get_html("/admin/effacements")
            .await
            .contains("Aucun effacement en attente")
    );
    let ledger = app.app.store.erasure_ledger().await.unwrap();
    assert_eq!(
        ledger.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![first.porteur]
    );
}

#[tokio::test]
async fn the_national_team_erases_at_once_a_request_made_by_letter() {
    let app = spawn_demo_app().await;
    let admin = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    let unknown = admin
        .post_form("/admin/effacements", &[("email", "personne@exemple.fr")])
        .await;
    assert_eq!(unknown.status(), 422);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Aucun compte n&#39;a cette adresse")
    );
    // Without JavaScript, a confirmation page first.
    let ask = admin
        .post_form(
            "/admin/effacements",
            &[("email", "porteur@mentorat.example")],
        )
        .await;
    assert_eq!(ask.status(), 200);
    assert!(
        ask.text()
            .await
            .unwrap()
            .contains("Effacer maintenant le compte de porteur@mentorat.example")
    );
    let done = admin
        .post_form(
            "/admin/effacements",
            &[("email", "porteur@mentorat.example"), ("confirm", "1")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert!(
        app.app
            .store
            .find_text("porteur@mentorat.example")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn who_viewed_a_porteur_is_answered_by_name_and_in_their_export() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let coordinator = app
        .browser_of("coordination.compiegne@mentorat.example", DEMO_PASSWORD)
        .await;
    let record = coordinator
        .get(&format!("/coordination/projets/{}", project.id))
        .await;
    assert_eq!(record.status(), 200);
    app.app.deferred.settle().await;
    let admin = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    let page = admin
        .get_html("/admin/journal?personne=porteur%40mentorat.example&action=mentee_viewed")
        .await;
    let coordinator_account = app
        .app
        .store
        .account_by_id(
            app.account_id("coordination.compiegne@mentorat.example")
                .await,
        )
        .await
        .unwrap()
        .unwrap();
    assert!(page.contains("Dossier consulté"), "{page}");
    assert!(
        page.contains(&coordinator_account.name.full()),
        "the viewer by name: {page}"
    );
    assert!(
        page.contains("porteur@mentorat.example"),
        "the person by name"
    );
    // « What did Y view »: the same entry, from the viewer's side.
    let by = admin
        .get_html(
            "/admin/journal?par=coordination.compiegne%40mentorat.example&action=mentee_viewed",
        )
        .await;
    assert!(by.contains("1 entrée"), "{by}");
    let nobody = admin
        .get_html("/admin/journal?personne=inconnu%40exemple.fr")
        .await;
    assert!(nobody.contains("Aucun compte n&#39;a cette adresse"));
    // The porteur's export lists the view, with the viewer's first name.
    let porteur = app
        .browser_of("porteur@mentorat.example", DEMO_PASSWORD)
        .await;
    let text = unzip(
        &porteur
            .get("/compte/mes-donnees.zip")
            .await
            .bytes()
            .await
            .unwrap(),
    );
    assert!(text.contains("\"action\": \"mentee_viewed\""), "{text}");
    assert!(text.contains(&format!(
        "\"by_first_name\": \"{}\"",
        coordinator_account.name.first()
    )));
}

/// The privacy page and the register in one language.
async fn documents(admin: &crate::helpers::Browser<'_>, english: bool) -> (String, String) {
    let get = |path: &'static str| async move {
        let mut request = admin.client.get(admin.url(path));
        if english {
            request = request.header("accept-language", "en");
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        response.text().await.unwrap()
    };
    (get("/confidentialite").await, get("/admin/registre").await)
}

#[tokio::test]
async fn the_privacy_page_and_the_register_follow_the_retention_settings_in_both_languages() {
    let app = spawn_demo_app().await;
    let admin = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    let (privacy, register) = documents(&admin, false).await;
    for page in [&privacy, &register] {
        assert!(
            page.contains("12 mois après la fin de la relation"),
            "{page}"
        );
        assert!(page.contains("Contenu effacé 30 jours après l&#39;envoi"));
    }
    assert!(privacy.contains("Les sauvegardes sont gardées 30 jours"));
    assert!(privacy.contains("3 place de Fontenoy"));
    let (privacy_en, register_en) = documents(&admin, true).await;
    for page in [&privacy_en, &register_en] {
        assert!(
            page.contains("12 months after the relationship ends"),
            "{page}"
        );
    }
    assert!(privacy_en.contains("Backups are kept 30 days"));
    // The national team changes two periods: both documents follow, in both languages.
    let form = admin.get_html("/admin/association").await;
    assert!(form.contains("name=\"retention_relationship_months\""));
    let mut fields: Vec<(&str, String)> = mentorat_domain::association::Detail::ALL
        .iter()
        .map(|d| (d.key(), String::new()))
        .collect();
    for (k, v) in fields.iter_mut() {
        *v = match *k {
            "name" => "Cercles des Mentors".into(),
            "retention_relationship_months" => "18".into(),
            "backup_days" => "45".into(),
            "retention_registrations_months"
            | "retention_requests_months"
            | "retention_audit_months" => "12".into(),
            "retention_mail_days" | "erasure_grace_days" => "30".into(),
            "retention_inactive_months" => "36".into(),
            _ => String::new(),
        };
    }
    let refused = admin
        .post_form(
            "/admin/association",
            &fields
                .iter()
                .map(|(k, v)| (*k, if *k == "backup_days" { "0" } else { v.as_str() }))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(
        refused.status(),
        422,
        "a period out of its bounds is refused"
    );
    let saved = admin
        .post_form(
            "/admin/association",
            &fields
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let (privacy, register) = documents(&admin, false).await;
    for page in [&privacy, &register] {
        assert!(
            page.contains("18 mois après la fin de la relation"),
            "{page}"
        );
        assert!(!page.contains("12 mois après la fin de la relation"));
    }
    assert!(privacy.contains("Les sauvegardes sont gardées 45 jours"));
    let (privacy_en, register_en) = documents(&admin, true).await;
    for page in [&privacy_en, &register_en] {
        assert!(page.contains("18 months after the relationship ends"));
    }
    assert!(privacy_en.contains("Backups are kept 45 days"));
    // The legal notice exists in both languages; the register downloads as a file.
    assert!(
        app.get_html("/mentions-legales")
            .await
            .contains("Mentions légales")
    );
    let legal_en = app.get_en("/mentions-legales").await.text().await.unwrap();
    assert!(legal_en.contains("Legal notice"), "{legal_en}");
    let file = admin.get("/admin/registre.html").await;
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert!(
        file.text()
            .await
            .unwrap()
            .contains("18 mois après la fin de la relation")
    );
}

/// Runs the sweep dry then for real as of `at`: both list the same rows.
async fn sweep_at(
    app: &TestApp,
    at: chrono::DateTime<chrono::Utc>,
) -> mentorat_app::privacy::SweepReport {
    let mut silent = mentorat_store::backup::Silent;
    let dry = app.app.privacy_sweep(at, true, &mut silent).await.unwrap();
    let done = app.app.privacy_sweep(at, false, &mut silent).await.unwrap();
    assert_eq!(dry, done, "the dry run lists what the sweep clears");
    let again = app.app.privacy_sweep(at, true, &mut silent).await.unwrap();
    for (rule, keys) in &again.rules {
        assert!(keys.is_empty(), "{rule:?} left {keys:?}");
    }
    app.app.deferred.settle().await;
    done
}

/// Whether some text column still holds `marker`. The outbox aside unless asked: its
/// messages are never sent here (no SMTP server), so they keep their words, as unsent
/// messages do.
async fn kept(app: &TestApp, marker: &str) -> bool {
    app.app
        .store
        .find_text(marker)
        .await
        .unwrap()
        .iter()
        .any(|(table, _, _)| table != "outbox" || marker.starts_with("Retmail"))
}

fn keys(report: &mentorat_app::privacy::SweepReport, rule: mentorat_store::privacy::Rule) -> usize {
    report
        .rules
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or(0, |(_, k)| k.len())
}

#[tokio::test]
async fn each_retention_period_clears_what_it_should_and_nothing_more() {
    use crate::mentoring::{approved_mentor, validated_porteur};
    use mentorat_store::privacy::Rule;
    let app = spawn_demo_app().await;
    let days = chrono::Duration::days;
    // Registrations to the next event: one without an account, one with.
    let event = app.app.upcoming_events(None, 1).await.unwrap()[0].clone();
    for (first, email, n) in [
        ("Retanon", "retanon@exemple.fr", 31),
        ("Retacc", "mentor@mentorat.example", 32),
    ] {
        app.app
            .register_for_event(
                event.id,
                &RegistrationForm {
                    first_name: first.into(),
                    last_name: "Essai".into(),
                    email: email.into(),
                    consent_contact: true,
                    ..Default::default()
                },
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    // Contact messages and hosting requests: one closed, one still open, of each.
    for (text, n) in [("Retcdone", 33), ("Retcnew", 34)] {
        app.app
            .send_contact_message(
                "other",
                "Rita Essai",
                "rita@exemple.fr",
                text,
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    let (messages, _) = app.app.contact_messages(None, 0, 50).await.unwrap();
    let done = messages.iter().find(|m| m.message == "Retcdone").unwrap();
    app.app.set_message_status(done.id, "done").await.unwrap();
    for (text, n) in [("Rethclosed", 35), ("Rethnew", 36)] {
        app.app
            .request_hosting(
                &HostingForm {
                    association: "Maison de quartier".into(),
                    commune: "60159".into(),
                    contact_name: "Rita Essai".into(),
                    email: "rita@exemple.fr".into(),
                    expected_audience: "40".into(),
                    message: text.into(),
                    ..Default::default()
                },
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    let (requests, _) = app.app.hosting_requests(0, 50).await.unwrap();
    let closed = requests.iter().find(|r| r.message == "Rethclosed").unwrap();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.set_hosting_status(closed.id, mentorat_domain::HostingStatus::Declined, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Two relationships, each with a message, a meeting with notes and a check-in
    // comment; the first is closed.
    let mut pairs = Vec::new();
    for (tag, n) in [("closed", 1), ("active", 2)] {
        let mentor = approved_mentor(&app, &format!("retm{n}@exemple.fr"), "2").await;
        let (porteur, project) =
            validated_porteur(&app, &format!("retp{n}@exemple.fr"), 1990).await;
        let id = crate::mentoring::accepted(&app, project, mentor)
            .await
            .unwrap();
        let record = app.app.mentorship_record(id).await.unwrap();
        app.app
            .post_message(porteur, &record, &format!("Retmsg{tag}"))
            .await
            .unwrap();
        app.app
            .log_meeting(
                mentor,
                &record,
                &MeetingForm {
                    date: app.app.now().date_naive().to_string(),
                    minutes: "45".into(),
                    remote: false,
                    topics: format!("Rettopic{tag}"),
                    notes: format!("Retnote{tag}"),
                },
            )
            .await
            .unwrap();
        pairs.push((id, porteur));
    }
    app.app.clock.advance(days(31));
    app.app.sweep(app.app.now()).await.unwrap();
    for (i, (id, porteur)) in pairs.iter().enumerate() {
        let tag = ["closed", "active"][i];
        let record = app.app.mentorship_record(*id).await.unwrap();
        app.app
            .answer_checkin(*porteur, &record, "3", "yes", &format!("Retcheck{tag}"))
            .await
            .unwrap();
    }
    let first = app.app.mentorship_record(pairs[0].0).await.unwrap();
    app.app
        .close_mentorship(pairs[0].1, &first, "Le projet est lancé.")
        .await
        .unwrap();
    let t1 = app.app.now();
    // E-mails: one sent now, one never sent.
    let mut ids = Vec::new();
    for body in ["Retmailsent", "Retmailunsent"] {
        let mut tx = app.app.store.begin().await.unwrap();
        ids.push(
            tx.enqueue_message(&mentorat_store::NewMessage {
                to_address: "rita@exemple.fr".into(),
                template: "contact".into(),
                subject: "Essai".into(),
                body_text: body.into(),
                body_html: format!("<p>{body}</p>"),
                attachment: None,
            })
            .await
            .unwrap(),
        );
        tx.commit().await.unwrap();
    }
    app.app.store.mark_sent(ids[0], t1).await.unwrap();
    app.app
        .store
        .audit(None, "export", None, "Retaudit")
        .await
        .unwrap();
    // A session (12 hours at most) and a single-use link (an hour).
    let signed = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    app.app
        .forgot_password("porteur@mentorat.example", &client(40))
        .await
        .unwrap();

    // Within every period: nothing of these goes.
    let report = sweep_at(&app, t1 + chrono::Duration::minutes(30)).await;
    assert_eq!(
        signed.get("/compte").await.status(),
        200,
        "a live session is kept"
    );
    assert_eq!(keys(&report, Rule::Links), 0, "the reset link is still valid");
    for marker in [
        "Retmailsent",
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(kept(&app, marker).await, "{marker} went too early");
    }
    // Sessions and links at their expiry.
    let report = sweep_at(&app, t1 + chrono::Duration::hours(13)).await;
    assert_eq!(
        signed.get("/compte").await.status(),
        303,
        "an expired session is gone"
    );
    assert!(keys(&report, Rule::Sessions) >= 1);
    assert!(
        keys(&report, Rule::Links) >= 1,
        "the expired link goes"
    );
    // Mail bodies after 30 days: the sent one only.
    assert!(kept(&app, "Retmailsent").await);
    sweep_at(&app, t1 + days(29)).await;
    assert!(kept(&app, "Retmailsent").await);
    let report = sweep_at(&app, t1 + days(31)).await;
    assert!(keys(&report, Rule::MailBodies) >= 1);
    assert!(
        !kept(&app, "Retmailsent").await,
        "a sent body goes after 30 days"
    );
    assert!(kept(&app, "Retmailunsent").await, "an unsent one stays");
    // Ten months: the twelve-month periods still keep everything.
    sweep_at(&app, t1 + days(300)).await;
    for marker in [
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(kept(&app, marker).await, "{marker} went before 12 months");
    }
    // Fifteen months: each twelve-month period has cleared its rows, and only them.
    // (The registrations count from the event, which may be a few months ahead.)
    let later = (t1 + days(456)).max(event.starts_at.with_timezone(&chrono::Utc) + days(400));
    let report = sweep_at(&app, later).await;
    for rule in [
        Rule::Registrations,
        Rule::ContactMessages,
        Rule::HostingRequests,
        Rule::Messages,
        Rule::RelationshipNotes,
        Rule::AuditLog,
    ] {
        assert!(keys(&report, rule) >= 1, "{rule:?}");
    }
    for gone in [
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(!kept(&app, gone).await, "{gone} outlived its period");
    }
    for stays in [
        "Retacc",
        "Retcnew",
        "Rethnew",
        "Retmsgactive",
        "Retnoteactive",
        "Retcheckactive",
        "Rettopicclosed",
    ] {
        assert!(kept(&app, stays).await, "{stays} was cleared");
    }
    // The registrations are still counted (pseudonymised, not deleted).
    assert_eq!(
        app.app.registrations_count(event.id).await.unwrap(),
        app.app.registrations(event.id).await.unwrap().len() as i64
    );
    assert!(
        app.app
            .registrations(event.id)
            .await
            .unwrap()
            .iter()
            .any(|r| r.first_name.is_empty())
    );

    // Accounts unused for 36 months are warned, then erased 30 days later unless their
    // owner signed in meanwhile.
    let quiet = crate::mentoring::person(&app, "Quentin", "quiet@exemple.fr").await;
    let back = crate::mentoring::person(&app, "Bertille", "back@exemple.fr").await;
    let warned_at = later + days(365 * 3 + 30);
    let report = sweep_at(&app, warned_at).await;
    assert!(report.warned.contains(&quiet) && report.warned.contains(&back));
    assert!(report.erased.is_empty());
    assert!(
        app.mail_to("quiet@exemple.fr")
            .await
            .is_some_and(|m| m.template == "inactive")
    );
    app.app.clock.advance(warned_at - app.app.now() + days(1));
    crate::mentoring::signed_in(&app, "back@exemple.fr").await;
    let report = sweep_at(&app, warned_at + days(31)).await;
    assert!(report.erased.contains(&quiet), "{report:?}");
    assert!(!report.erased.contains(&back));
    assert!(!kept(&app, "quiet@exemple.fr").await);
    assert!(kept(&app, "back@exemple.fr").await);
}
