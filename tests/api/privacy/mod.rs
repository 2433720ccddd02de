//! Privacy duties (issue 23): a person's export holds everything about them and nothing
//! about anyone else; an erasure leaves no trace of them in any text column; the
//! retention sweep clears what each period says and nothing more (its dry run lists the
//! same rows); « who viewed » by name; the privacy page and the register follow the
//! settings.

mod documents;
mod erasure;
mod retention;

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_demo_app};
use crate::mentoring::{PASSWORD, named_mentor, signed_in_as};
use mentorat_app::auth::Client;
use mentorat_app::events::RegistrationForm;
use mentorat_app::inbox::HostingForm;
use mentorat_app::mentoring::{MeetingForm, MentorForm, ProjectForm};
use mentorat_domain::Locale;
use uuid::Uuid;

/// One person's seeded records and every marker they wrote.
pub(super) struct Seeded {
    porteur: Uuid,
    email: String,
    /// The mentor of the relationship still active when seeding ends.
    active_mentor: Uuid,
    markers: Vec<String>,
    /// The event they registered for.
    event: Uuid,
}

pub(super) fn client(n: u8) -> Client {
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
        .give_feedback(
            porteur,
            &closed,
            "4",
            &m("changements"),
            &m("commentaire"),
            &["launched".to_owned()],
        )
        .await
        .unwrap();
    app.app
        .create_api_token(porteur, &m("jeton"), "read", "30")
        .await
        .unwrap();
    let markers = [
        "jeton",
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
pub(super) async fn two_people(app: &TestApp) -> (Seeded, Seeded) {
    let first = seed(app, "Zqaw", "60159", Uuid::nil(), 1).await;
    let second = seed(app, "Xqbv", "59350", first.event, 2).await;
    app.app.deferred.settle().await;
    (first, second)
}

/// The files of a ZIP, read by Python's `zipfile` (which checks every CRC).
pub(super) fn unzip(bytes: &[u8]) -> String {
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
