//! Mentoring (issue 6): vetting, projects with parental consent, requests under
//! concurrency, and the privacy of the relationship.

use crate::helpers::{TestApp, spawn_demo_app};
use mentorat_app::mentoring::{MentorForm, ProjectForm};
use mentorat_domain::{Email, Locale, PersonName};
use mentorat_store::NewUser;
use uuid::Uuid;

/// A verified account, created directly (sign-up is tested elsewhere).
pub async fn person(app: &TestApp, first: &str, email: &str) -> Uuid {
    let id = Uuid::new_v4();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_user_if_absent(&NewUser {
        id,
        email: Email::parse(email).unwrap(),
        name: PersonName::parse(first, "Essai").unwrap(),
        locale: Locale::Fr,
        password_hash: Some(mentorat_app::passwords::hash(
            "une phrase de passe solide et longue",
        )),
        verified_at: Some(chrono::Utc::now()),
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

pub fn mentor_form(capacity: &str) -> MentorForm {
    MentorForm {
        domains: vec![("creation-entreprise".into(), "12".into())],
        bio: "J'ai créé deux entreprises à Compiègne.".into(),
        commune: "60159".into(),
        capacity: capacity.into(),
        languages: vec!["fr".into()],
        charter: true,
        ..Default::default()
    }
}

pub fn project_form(birth_year: i32) -> ProjectForm {
    ProjectForm {
        title: "Ouvrir une boulangerie".into(),
        description: "Je veux créer mon entreprise de boulangerie.".into(),
        domains: vec!["creation-entreprise".into()],
        stage: "idea".into(),
        commune: "60382".into(),
        languages: vec!["fr".into()],
        birth_year: birth_year.to_string(),
        parent_name: "Karine Essai".into(),
        parent_email: "parent@exemple.fr".into(),
        ..Default::default()
    }
}

/// An approved mentor in Compiègne with `capacity` places.
pub async fn approved_mentor(app: &TestApp, email: &str, capacity: &str) -> Uuid {
    approved_mentor_with(app, email, &mentor_form(capacity)).await
}

/// An approved mentor who applied with `form`.
pub async fn approved_mentor_with(app: &TestApp, email: &str, form: &MentorForm) -> Uuid {
    let admin = app.account_id("admin@mentorat.example").await;
    let id = person(app, "Mentor", email).await;
    app.app.apply_as_mentor(id, form).await.unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    app.app
        .vet_mentor(admin, &profile, "interview_planned", "2026-11-20", false)
        .await
        .unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    app.app
        .vet_mentor(admin, &profile, "approved", "", true)
        .await
        .unwrap();
    id
}

/// A porteur with a validated project in Compiègne's agglomeration.
pub async fn validated_porteur(app: &TestApp, email: &str, birth_year: i32) -> (Uuid, Uuid) {
    validated_porteur_with(app, "Porteur", email, &project_form(birth_year)).await
}

/// A porteur (`first` name) whose project, submitted with `form`, is validated.
pub async fn validated_porteur_with(
    app: &TestApp,
    first: &str,
    email: &str,
    form: &ProjectForm,
) -> (Uuid, Uuid) {
    let admin = app.account_id("admin@mentorat.example").await;
    let id = person(app, first, email).await;
    let project = app.app.submit_project(id, form).await.unwrap();
    let record = app.app.project(project).await.unwrap();
    app.app
        .review_project(admin, &record, "validate", "")
        .await
        .unwrap();
    (id, project)
}

#[tokio::test]
async fn a_circle_coordinator_hears_of_an_application_in_their_language() {
    let app = spawn_demo_app().await;
    app.speaks_english("coordination.compiegne@mentorat.example")
        .await;
    let id = person(&app, "Léa", "lea@exemple.fr").await;
    app.app
        .apply_as_mentor(id, &mentor_form("2"))
        .await
        .unwrap();
    let notice = app
        .mail_to("coordination.compiegne@mentorat.example")
        .await
        .expect("the circle's coordinator is told");
    assert!(
        notice.subject.starts_with("New on the platform: ")
            && notice.subject.contains("mentor application"),
        "{}",
        notice.subject
    );
    assert!(
        app.mail_to("coordination.paris@mentorat.example")
            .await
            .is_none(),
        "only the circle's coordinators"
    );
}

#[tokio::test]
async fn approval_needs_an_interview_and_a_recorded_background_check() {
    let app = spawn_demo_app().await;
    let admin = app.account_id("admin@mentorat.example").await;
    let id = person(&app, "Léa", "lea@exemple.fr").await;
    let circle = app
        .app
        .apply_as_mentor(id, &mentor_form("2"))
        .await
        .unwrap();
    assert_eq!(
        circle,
        Some(mentorat_app::demo::demo_id("circle/compiegne")),
        "routed to the covering circle"
    );
    let profile = app.app.mentor_profile(id).await.unwrap();
    assert!(
        app.app
            .vet_mentor(admin, &profile, "approved", "", true)
            .await
            .is_err(),
        "no approval before an interview"
    );
    app.app
        .vet_mentor(admin, &profile, "interview_planned", "2026-11-20", false)
        .await
        .unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    assert!(
        app.app
            .vet_mentor(admin, &profile, "approved", "", false)
            .await
            .is_err(),
        "the background check must be recorded"
    );
    app.app
        .vet_mentor(admin, &profile, "approved", "", true)
        .await
        .unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    assert_eq!(
        profile.status,
        mentorat_domain::mentoring::Vetting::Approved
    );
    assert!(profile.background_checked_at.is_some() && profile.charter_version.is_some());
    let (outbox, _) = app.app.outbox(0, 100).await.unwrap();
    let to_lea: Vec<_> = outbox
        .iter()
        .filter(|m| m.to_address == "lea@exemple.fr")
        .map(|m| m.subject.clone())
        .collect();
    assert_eq!(to_lea.len(), 3, "an e-mail at each step: {to_lea:?}");
}

#[tokio::test]
async fn a_fourteen_year_old_cannot_be_matched_until_the_parent_confirms() {
    let app = spawn_demo_app().await;
    let year = chrono::Datelike::year(&chrono::Utc::now());
    let mentor = approved_mentor(&app, "m14@exemple.fr", "2").await;
    let (porteur, project) = validated_porteur(&app, "p14@exemple.fr", year - 14).await;
    let record = app.app.project(project).await.unwrap();
    assert!(!app.app.project_is_matchable(&record));
    let refused = app
        .app
        .request_mentor(porteur, &record, mentor, "Bonjour, pouvez-vous m'aider ?")
        .await;
    assert!(
        matches!(
            refused,
            Err(mentorat_app::AppError::Invalid {
                key: "error-project-not-ready",
                ..
            })
        ),
        "{refused:?}"
    );

    // The parent received a link; confirming it opens matching.
    let (outbox, _) = app.app.outbox(0, 100).await.unwrap();
    let mail = outbox
        .iter()
        .find(|m| m.to_address == "parent@exemple.fr")
        .expect("the parent is asked");
    let token = mail
        .body_text
        .split_whitespace()
        .find_map(|w| w.split("/consentement/").nth(1))
        .unwrap()
        .to_owned();
    app.app.give_parental_consent(&token).await.unwrap();
    let record = app.app.project(project).await.unwrap();
    assert!(app.app.project_is_matchable(&record));
    app.app
        .request_mentor(porteur, &record, mentor, "Bonjour, pouvez-vous m'aider ?")
        .await
        .unwrap();

    // Withdrawn consent closes it again.
    app.app.withdraw_parental_consent(&token).await.unwrap();
    assert!(
        !app.app
            .project_is_matchable(&app.app.project(project).await.unwrap())
    );
}

#[tokio::test]
async fn two_concurrent_accepts_on_the_last_place_give_exactly_one_mentorship() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "last@exemple.fr", "1").await;
    let (p1, project1) = validated_porteur(&app, "p1@exemple.fr", 1990).await;
    let (p2, project2) = validated_porteur(&app, "p2@exemple.fr", 1991).await;
    let r1 = app
        .app
        .request_mentor(
            p1,
            &app.app.project(project1).await.unwrap(),
            mentor,
            "Bonjour",
        )
        .await
        .unwrap();
    let r2 = app
        .app
        .request_mentor(
            p2,
            &app.app.project(project2).await.unwrap(),
            mentor,
            "Bonjour",
        )
        .await
        .unwrap();
    let (a, b) = (app.app.clone(), app.app.clone());
    let (req1, req2) = (
        app.app.request(r1).await.unwrap(),
        app.app.request(r2).await.unwrap(),
    );
    let first = tokio::spawn(async move { a.answer_request(mentor, &req1, true, "", "").await });
    let second = tokio::spawn(async move { b.answer_request(mentor, &req2, true, "", "").await });
    let results = [first.await.unwrap(), second.await.unwrap()];
    let accepted = results.iter().filter(|r| matches!(r, Ok(Some(_)))).count();
    assert_eq!(accepted, 1, "{results:?}");
    assert_eq!(
        app.app.mentor_profile(mentor).await.unwrap().active_mentees,
        1
    );
}

#[tokio::test]
async fn at_most_three_open_requests_and_acceptance_closes_the_others() {
    let app = spawn_demo_app().await;
    let mentors = [
        approved_mentor(&app, "a@exemple.fr", "2").await,
        approved_mentor(&app, "b@exemple.fr", "2").await,
        approved_mentor(&app, "c@exemple.fr", "2").await,
        approved_mentor(&app, "d@exemple.fr", "2").await,
    ];
    let (porteur, project) = validated_porteur(&app, "p@exemple.fr", 1985).await;
    let record = app.app.project(project).await.unwrap();
    let mut requests = Vec::new();
    for m in &mentors[..3] {
        requests.push(
            app.app
                .request_mentor(porteur, &record, *m, "Bonjour")
                .await
                .unwrap(),
        );
    }
    let fourth = app
        .app
        .request_mentor(porteur, &record, mentors[3], "Bonjour")
        .await;
    assert!(matches!(
        fourth,
        Err(mentorat_app::AppError::Invalid {
            key: "error-three-requests",
            ..
        })
    ));
    let again = app
        .app
        .request_mentor(porteur, &record, mentors[0], "Encore")
        .await;
    assert!(again.is_err(), "once per pair");
    let accepted = app.app.request(requests[1]).await.unwrap();
    app.app
        .answer_request(mentors[1], &accepted, true, "", "")
        .await
        .unwrap()
        .expect("a mentorship");
    for (i, id) in requests.iter().enumerate() {
        let status = app.app.request(*id).await.unwrap().status;
        assert_eq!(
            status,
            if i == 1 {
                mentorat_domain::RequestStatus::Accepted
            } else {
                mentorat_domain::RequestStatus::Closed
            }
        );
    }
    let (outbox, _) = app.app.outbox(0, 200).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "a@exemple.fr" && m.subject == "Une demande close"),
        "the other mentors are told"
    );
}

#[tokio::test]
async fn private_notes_reach_only_the_pair() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "pair-m@exemple.fr", "2").await;
    let (porteur, project) = validated_porteur(&app, "pair-p@exemple.fr", 1980).await;
    let request = app
        .app
        .request_mentor(
            porteur,
            &app.app.project(project).await.unwrap(),
            mentor,
            "Bonjour",
        )
        .await
        .unwrap();
    let id = app
        .app
        .answer_request(
            mentor,
            &app.app.request(request).await.unwrap(),
            true,
            "",
            "",
        )
        .await
        .unwrap()
        .unwrap();
    let record = app.app.mentorship_record(id).await.unwrap();
    let meeting = mentorat_app::mentoring::MeetingForm {
        date: "2026-11-20".into(),
        minutes: "60".into(),
        topics: "Plan de financement".into(),
        notes: "NOTE-SECRETE-42".into(),
        ..Default::default()
    };
    app.app
        .log_meeting(mentor, &record, &meeting)
        .await
        .unwrap();
    let pair = app
        .app
        .mentorship_view(porteur, app.app.mentorship_sheet(id).await.unwrap())
        .await
        .unwrap();
    assert_eq!(pair.meetings[0].private_notes, "NOTE-SECRETE-42");
    assert_eq!(
        pair.other_email.as_deref(),
        Some("pair-m@exemple.fr"),
        "contact details revealed to the pair"
    );
    let coordinator = app
        .account_id("coordination.compiegne@mentorat.example")
        .await;
    let sheet = app.app.mentorship_sheet(id).await.unwrap();
    let outside = app.app.mentorship_view(coordinator, sheet).await.unwrap();
    assert_eq!(
        outside.meetings[0].minutes, 60,
        "coordinators see durations"
    );
    assert!(outside.meetings[0].private_notes.is_empty() && outside.other_email.is_none());
}

#[tokio::test]
async fn private_notes_never_reach_the_coordinator_or_the_national_team_over_http() {
    let app = spawn_demo_app().await;
    let mentor = mentorat_app::demo::demo_id("user/mentor@mentorat.example");
    let id = app.app.mentorships_of(mentor).await.unwrap()[0].id;
    let notes = "reparler du budget la prochaine fois";
    let mut seen = Vec::new();
    for email in [
        "mentor@mentorat.example",
        "coordination.compiegne@mentorat.example",
        "admin@mentorat.example",
    ] {
        let client = app.new_client();
        let csrf = app.csrf_of(&client, None).await;
        client
            .post(app.url("/connexion"))
            .form(&[
                ("email", email),
                ("password", crate::helpers::DEMO_PASSWORD),
                ("csrf", &csrf),
            ])
            .send()
            .await
            .unwrap();
        let html = client
            .get(app.url(&format!("/mentorats/{id}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("75 min"),
            "{email} sees the meeting's duration"
        );
        seen.push((
            email,
            html.contains(notes),
            html.contains("kevin.roux@demo.mentorat.example"),
        ));
    }
    assert_eq!(
        seen,
        [
            ("mentor@mentorat.example", true, true),
            ("coordination.compiegne@mentorat.example", false, false),
            ("admin@mentorat.example", false, false),
        ],
        "notes and contact details for the pair only"
    );
}

#[tokio::test]
async fn the_directory_never_shows_a_mentors_address_or_phone_before_a_match() {
    let app = spawn_demo_app().await;
    app.sign_in("porteur@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let project = mentorat_app::demo::demo_id("project/porteur@mentorat.example");
    let html = app.get_html(&format!("/annuaire?projet={project}")).await;
    assert!(
        html.contains("Michel M."),
        "the demo mentor is listed by first name and initial"
    );
    assert!(html.contains("Création d&#39;entreprise — 15 ans"));
    assert!(!html.contains("Mentor</"), "no last name");
    let body = &html[html.find("<main").unwrap()..];
    assert!(!body.contains('@'), "no e-mail address on the directory");
    assert!(!has_phone(&visible_text(body)), "no phone number");
    let filtered = app
        .get_html(&format!(
            "/annuaire?projet={project}&niveau=same_commune&domaine=commerce"
        ))
        .await;
    assert!(
        filtered.contains("Michel M."),
        "the demo mentor lives in Compiègne too"
    );
    let far = app
        .get_html(&format!(
            "/annuaire?projet={project}&domaine=agriculture&niveau=same_commune"
        ))
        .await;
    assert!(far.contains("Aucun mentor disponible avec ces critères"));
    let french = app
        .get_html(&format!("/annuaire?projet={project}&langue=fr"))
        .await;
    assert!(
        french.contains("Michel M."),
        "the demo mentor speaks French"
    );
    assert!(french.contains("Parle : Français"));
    let arabic = app
        .get_html(&format!("/annuaire?projet={project}&langue=ar"))
        .await;
    assert!(
        !arabic.contains("Michel M.")
            && arabic.contains("Aucun mentor disponible avec ces critères"),
        "no demo mentor has said they speak Arabic"
    );
}

/// The text of a page, without its tags (attribute values are not shown to people).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the text holds a French or Belgian phone number (ten digits starting with 0,
/// or +33/+32, with optional spaces, dots or dashes).
fn has_phone(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if !(chars[start] == '0' || chars[start] == '+') {
            continue;
        }
        let mut digits = 0;
        for c in &chars[start..] {
            if c.is_ascii_digit() {
                digits += 1;
            } else if !" .-+".contains(*c) {
                break;
            }
            if digits >= 10 {
                return true;
            }
        }
    }
    false
}

#[test]
fn the_phone_detector_sees_phones() {
    assert!(has_phone("appelez le 06 12 34 56 78 !"));
    assert!(has_phone("+33 6 12 34 56 78"));
    assert!(!has_phone("15 ans, 2 éditions, 2026"));
}

#[tokio::test]
async fn unanswered_requests_remind_then_expire_and_quiet_pairs_are_nudged() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "sweep-m@exemple.fr", "3").await;
    let (porteur, project) = validated_porteur(&app, "sweep-p@exemple.fr", 1980).await;
    let now = chrono::Utc::now();
    let mut tx = app.app.store.begin().await.unwrap();
    for (days, id) in [(8, Uuid::new_v4()), (15, Uuid::new_v4())] {
        tx.insert_request(&mentorat_store::RequestRecord {
            id,
            project_id: project,
            mentee_id: porteur,
            mentor_id: mentor,
            message: "Bonjour".into(),
            status: mentorat_domain::RequestStatus::Open,
            decline_reason: None,
            decline_text: String::new(),
            created_at: now - chrono::Duration::days(days),
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let sent = app.app.sweep_mentoring(now).await.unwrap();
    assert!(sent >= 2, "one reminder, one expiry notice: {sent}");
    let requests = app.app.requests_of(porteur).await.unwrap();
    let mut statuses: Vec<_> = requests.iter().map(|r| r.status.as_str()).collect();
    statuses.sort();
    assert_eq!(statuses, ["expired", "open"]);
    let (outbox, _) = app.app.outbox(0, 200).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "sweep-p@exemple.fr" && m.subject.contains("a expiré"))
    );
    // The demo relationship with Kevin had a meeting 20 days ago: not quiet yet; in
    // 15 days it is, and both are nudged once.
    let later = now + chrono::Duration::days(15);
    let nudged = app.app.sweep_mentoring(later).await.unwrap();
    assert!(nudged >= 2, "{nudged}");
    assert_eq!(
        app.app.sweep_mentoring(later).await.unwrap(),
        0,
        "once a month at most"
    );
    let flagged = app
        .app
        .mentorships_needing_attention(None, now + chrono::Duration::days(45))
        .await
        .unwrap();
    assert!(!flagged.is_empty(), "flagged after 60 days");
}

#[tokio::test]
async fn the_pair_sets_goals_and_coordinators_see_feedback_only_in_aggregate() {
    let app = spawn_demo_app().await;
    app.sign_in("mentor@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let mentor = mentorat_app::demo::demo_id("user/mentor@mentorat.example");
    let id = app.app.mentorships_of(mentor).await.unwrap()[0].id;
    let added = app
        .post_form(
            &format!("/mentorats/{id}/objectifs"),
            &[("title", "Trouver une formation")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let goal = app.app.goals(id).await.unwrap()[0].id;
    app.post_form(
        &format!("/mentorats/{id}/objectifs/{goal}"),
        &[("status", "reached")],
    )
    .await;
    assert!(
        app.get_html(&format!("/mentorats/{id}"))
            .await
            .contains(r#"<option value="reached" selected>Atteint</option>"#)
    );
    // Close and give feedback; the coordinator sees the average, never the comment.
    app.post_form(
        &format!("/mentorats/{id}/cloture"),
        &[("reason", "Formation trouvée")],
    )
    .await;
    app.post_form(
        &format!("/mentorats/{id}/avis"),
        &[("satisfaction", "5"), ("comment", "COMMENTAIRE-PRIVE")],
    )
    .await;
    assert!(
        app.get_html(&format!("/mentorats/{id}"))
            .await
            .contains("Merci pour votre avis.")
    );
    let coordinator = app.new_client();
    let csrf = app.csrf_of(&coordinator, None).await;
    coordinator
        .post(app.url("/connexion"))
        .form(&[
            ("email", "coordination.compiegne@mentorat.example"),
            ("password", crate::helpers::DEMO_PASSWORD),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    let html = coordinator
        .get(app.url("/coordination"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Avis reçus sur les relations closes : 1 — satisfaction moyenne 5,0 sur 5"),
        "{html}"
    );
    assert!(!html.contains("COMMENTAIRE-PRIVE"));
}

#[tokio::test]
async fn the_national_team_edits_the_fields_of_experience() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let edited = app
        .post_form(
            "/admin/domaines/commerce",
            &[
                ("label_fr", "Commerce de proximité"),
                ("label_en", "Local retail"),
                ("synonyms_fr", "boutique, épicerie"),
                ("synonyms_en", "shop"),
            ],
        )
        .await;
    assert_eq!(edited.status(), 303);
    let domains = app.app.domains().await.unwrap();
    assert_eq!(
        domains
            .iter()
            .find(|d| d.code == "commerce")
            .unwrap()
            .label_fr,
        "Commerce de proximité"
    );
    assert_eq!(domains.len(), 26);
    let empty = app
        .post_form(
            "/admin/domaines/commerce",
            &[("label_fr", ""), ("label_en", "x")],
        )
        .await;
    assert_eq!(empty.status(), 422);
}

#[tokio::test]
async fn a_porteur_who_accepts_remote_mentoring_is_offered_a_remote_mentor_from_afar() {
    use mentorat_app::mentoring::Reason;
    let app = spawn_demo_app().await;
    // In Marseille, mentoring remotely, in a field no demo mentor has.
    let far = MentorForm {
        domains: vec![("international".into(), "8".into())],
        commune: "13055".into(),
        remote: true,
        ..mentor_form("2")
    };
    let far = approved_mentor_with(&app, "loin@exemple.fr", &far).await;
    let project = |remote| ProjectForm {
        domains: vec!["international".into()],
        remote,
        ..project_form(1990)
    };
    let (_, remote) =
        validated_porteur_with(&app, "Porteur", "distance@exemple.fr", &project(true)).await;
    let (_, near) =
        validated_porteur_with(&app, "Porteur", "proche@exemple.fr", &project(false)).await;
    let offered = |project| {
        let app = &app;
        async move {
            let record = app.app.project(project).await.unwrap();
            app.app
                .suggestions(&record, None, None, None)
                .await
                .unwrap()
        }
    };
    let from_afar = offered(remote).await;
    let mentor = from_afar
        .iter()
        .find(|s| s.card.user_id == far)
        .expect("the remote mentor is offered");
    assert!(
        mentor.reasons.contains(&Reason::Remote),
        "{:?}",
        mentor.reasons
    );
    assert!(
        offered(near).await.iter().all(|s| s.card.user_id != far),
        "not to a porteur who wants to meet in person"
    );
    // The coordinator reading the project sees it.
    app.sign_in(
        "coordination.compiegne@mentorat.example",
        crate::helpers::DEMO_PASSWORD,
    )
    .await;
    let said = "Le porteur accepte un accompagnement à distance.";
    let page = app
        .get_html(&format!("/coordination/projets/{remote}"))
        .await;
    assert!(page.contains(said), "{page}");
    let page = app.get_html(&format!("/coordination/projets/{near}")).await;
    assert!(!page.contains(said));
}

#[tokio::test]
async fn the_demo_porteur_is_first_suggested_a_compiegne_mentor_of_the_field_for_true_reasons() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let suggestions = suggested_for(&app, &project).await;
    assert!(!suggestions.is_empty() && suggestions.len() <= 10);
    let top = &suggestions[0];
    let t = mentorat_app::territories::territories();
    let mentor = app.app.mentor_profile(top.card.user_id).await.unwrap();
    let commune = t.commune(&mentor.commune_code).unwrap();
    assert_eq!(
        commune.epci.as_deref(),
        Some("200067965"),
        "in the Compiègne agglomeration: {}",
        commune.name
    );
    let fields = app.app.mentor_domains(top.card.user_id).await.unwrap();
    let project_fields = app.app.store.project_domains(project.id).await.unwrap();
    assert!(
        fields.iter().any(|(f, _)| project_fields.contains(f)),
        "in the project's field"
    );
    use mentorat_app::mentoring::Reason;
    for reason in &top.reasons {
        match reason {
            Reason::SameField(f) => {
                assert!(
                    fields.iter().any(|(g, _)| **g == **f)
                        && project_fields.contains(&f.to_string())
                )
            }
            Reason::Years(f, y) => assert!(fields.contains(&(f.to_string(), *y))),
            Reason::Proximity(level) => {
                let home = t.commune(&project.commune_code).unwrap();
                let real = mentorat_domain::territory::proximity(home, commune);
                assert_eq!(format!("{level:?}"), format!("{real:?}"));
            }
            Reason::CommonWords(words) => {
                let analyzer = mentorat_matching::Analyzer::default();
                let mentor_text = analyzer.words(&format!(
                    "{} {}",
                    mentor.bio,
                    fields
                        .iter()
                        .map(|(f, _)| f.replace('-', " "))
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                let project_words: Vec<String> = analyzer
                    .words(&format!("{} {}", project.title, project.description))
                    .into_iter()
                    .map(|(_, w)| w)
                    .collect();
                for w in words {
                    assert!(
                        project_words.contains(&w.to_string()),
                        "{w} is in the project"
                    );
                    let stem = analyzer.stems(w);
                    assert!(
                        mentor_text.iter().any(|(s, _)| stem.contains(s)) || !mentor.bio.is_empty(),
                        "{w} is in the mentor's text"
                    );
                }
            }
            _ => {}
        }
    }
    assert!(
        top.reasons
            .iter()
            .any(|r| matches!(r, Reason::SameField(_)))
    );
    // The page says it in words.
    app.sign_in("porteur@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let html = app
        .get_html(&format!("/annuaire?projet={}", project.id))
        .await;
    assert!(
        html.contains("Même domaine : Création d&#39;entreprise")
            || html.contains("Même domaine : Commerce")
    );
    assert!(
        html.contains("Même commune")
            || html.contains(
                "Même intercommunalité : CA de la Région de Compiègne et de la Basse Automne"
            )
    );
}

#[tokio::test]
async fn the_coordinator_reads_a_validated_projects_suggestions_with_scores_as_the_porteur_does() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let suggestions = suggested_for(&app, &project).await;
    let top = &suggestions[0];
    let line = format!("Correspondance : {} sur 100", top.points);
    // The porteur's directory: each mentor with their score.
    app.sign_in("porteur@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let directory = app
        .get_html(&format!("/annuaire?projet={}", project.id))
        .await;
    assert_eq!(
        directory.matches("Correspondance : ").count(),
        suggestions.len()
    );
    assert!(directory.contains(&line), "{directory}");
    // The coordinator's record of the project: the same ten, in the same order.
    app.sign_in(
        "coordination.compiegne@mentorat.example",
        crate::helpers::DEMO_PASSWORD,
    )
    .await;
    let record = app
        .get_html(&format!("/coordination/projets/{}", project.id))
        .await;
    assert!(record.contains("Mentors suggérés"), "{record}");
    let mut at = 0;
    for s in &suggestions {
        let entry = format!(
            "<strong>{}</strong> — Correspondance : {} sur 100",
            s.card.short_name, s.points
        );
        let found = record[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} after the ones before: {record}"));
        at += found + entry.len();
    }
    assert!(record.contains("Même domaine"));
    // A project still under review has no suggestions yet.
    let awa = person(&app, "Awa", "awa@exemple.fr").await;
    let waiting = app
        .app
        .submit_project(awa, &project_form(1990))
        .await
        .unwrap();
    let record = app
        .get_html(&format!("/coordination/projets/{waiting}"))
        .await;
    assert!(!record.contains("Mentors suggérés"), "{record}");
}

#[tokio::test]
async fn the_shared_index_of_mentors_follows_every_change_of_the_mentors() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let admin = app.account_id("admin@mentorat.example").await;
    let mentors_of = |s: &[mentorat_app::mentoring::SuggestedMentor]| {
        s.iter().map(|s| s.card.user_id).collect::<Vec<_>>()
    };
    let first = app.app.mentor_pool().await.unwrap();
    let again = app.app.mentor_pool().await.unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "read and indexed once while nothing changes"
    );
    // A mentor approved next door, in the field, with one place: suggested at once.
    let newcomer = approved_mentor_with(
        &app,
        "xavier@exemple.fr",
        &MentorForm {
            bio:
                "Épicier pendant 30 ans, j'aide à créer son entreprise et son plan de financement."
                    .into(),
            domains: vec![("creation-entreprise".into(), "30".into())],
            ..mentor_form("1")
        },
    )
    .await;
    let after = app.app.mentor_pool().await.unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &after));
    let suggested = suggested_for(&app, &project).await;
    assert!(mentors_of(&suggested).contains(&newcomer), "{suggested:?}");
    // The field renamed by the national team: the reasons say the new name.
    app.app
        .update_domain(
            admin,
            "creation-entreprise",
            "Créer son entreprise",
            "Starting a business",
            "",
            "",
        )
        .await
        .unwrap();
    let suggested = suggested_for(&app, &project).await;
    let texts = app.app.reason_texts(
        Locale::Fr,
        &project,
        &suggested,
        &app.app.domains().await.unwrap(),
    );
    assert!(
        texts
            .iter()
            .flatten()
            .any(|r| r == "Même domaine : Créer son entreprise"),
        "{texts:?}"
    );
    // Their one place taken by another porteur: no longer suggested.
    let (other, other_project) = validated_porteur(&app, "awa@exemple.fr", 1990).await;
    let record = app.app.project(other_project).await.unwrap();
    app.app
        .request_mentor(other, &record, newcomer, "Bonjour !")
        .await
        .unwrap();
    let request = app.app.requests_of(newcomer).await.unwrap().remove(0);
    app.app
        .answer_request(newcomer, &request, true, "", "")
        .await
        .unwrap();
    let suggested = suggested_for(&app, &project).await;
    assert!(!mentors_of(&suggested).contains(&newcomer), "{suggested:?}");
}

#[tokio::test]
async fn a_directory_filter_keeps_the_scores_and_order_of_the_mentors_it_keeps() {
    use mentorat_domain::territory::Proximity;
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let all = suggested_for(&app, &project).await;
    let t = mentorat_app::territories::territories();
    let home = t.commune(&project.commune_code).unwrap();
    let (mut some_kept, mut some_left_out) = (false, false);
    for (domain, level, language) in [
        (Some("commerce"), None, None),
        (None, Some(Proximity::SameCommune), None),
        (None, None, Some("en")),
        (
            Some("creation-entreprise"),
            Some(Proximity::SameIntercommunality),
            Some("fr"),
        ),
    ] {
        let filtered = app
            .app
            .suggestions(&project, domain, level, language)
            .await
            .unwrap();
        let passes = |s: &mentorat_app::mentoring::SuggestedMentor| {
            let (app, s) = (&app, s.clone());
            async move {
                let mentor = app.app.mentor_profile(s.card.user_id).await.unwrap();
                let commune = t.commune(&mentor.commune_code).unwrap();
                let near = mentorat_domain::territory::proximity(home, commune);
                domain.is_none_or(|d| s.card.domains.iter().any(|(f, _)| f == d))
                    && level.is_none_or(|max| near <= max)
                    && language.is_none_or(|l| mentor.languages.split(',').any(|x| x == l))
            }
        };
        for s in &filtered {
            assert!(passes(s).await, "{} passes", s.card.short_name);
        }
        // The unfiltered ten that pass come first, with the same scores.
        let mut kept = Vec::new();
        for s in &all {
            if passes(s).await {
                kept.push((s.card.user_id, s.points));
            }
        }
        let first: Vec<_> = filtered
            .iter()
            .take(kept.len())
            .map(|s| (s.card.user_id, s.points))
            .collect();
        assert_eq!(first, kept, "{domain:?} {level:?} {language:?}");
        assert!(filtered.len() <= 10);
        some_kept |= !kept.is_empty();
        some_left_out |= kept.len() < all.len();
    }
    assert!(
        some_kept && some_left_out,
        "the filters keep some, leave out others"
    );
}

/// The directory's first view of `project`: its ten best mentors.
async fn suggested_for(
    app: &TestApp,
    project: &mentorat_app::mentoring::ProjectRecord,
) -> Vec<mentorat_app::mentoring::SuggestedMentor> {
    app.app
        .suggestions(project, None, None, None)
        .await
        .unwrap()
}

/// The demo, with the Compiègne circle's coordinator signed in.
async fn compiegne_coordinator() -> TestApp {
    let app = spawn_demo_app().await;
    app.sign_in(
        "coordination.compiegne@mentorat.example",
        crate::helpers::DEMO_PASSWORD,
    )
    .await;
    app
}

/// A project no mentor can talk with (Wolof only).
fn wolof_form() -> ProjectForm {
    ProjectForm {
        title: "Un atelier de couture".into(),
        languages: vec!["wo".into()],
        ..project_form(1990)
    }
}

/// Proposes pairs for the Compiègne circle from its coordinator's page, with the form's
/// `more` fields; the proposal's address.
async fn propose_in_compiegne(app: &TestApp, more: &[(&str, &str)]) -> String {
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne").to_string();
    let mut form = vec![("circle", compiegne.as_str())];
    form.extend_from_slice(more);
    let made = app.post_form("/coordination/appariements", &form).await;
    assert_eq!(made.status(), 303);
    made.headers()["location"].to_str().unwrap().to_owned()
}

/// The proposal at `location` with all its pairs.
async fn proposal_at(
    app: &TestApp,
    location: &str,
) -> (
    mentorat_app::batch::Proposal,
    Vec<mentorat_app::batch::Pair>,
) {
    let id: Uuid = location.rsplit('/').next().unwrap().parse().unwrap();
    app.app.proposal(id).await.unwrap()
}

#[tokio::test]
async fn a_coordinator_reviews_a_batch_proposal_pair_by_pair_and_publishes_it_as_requests() {
    let app = compiegne_coordinator().await;
    // A porteur no mentor can talk with: listed without a mentor, and why.
    validated_porteur_with(&app, "Awa", "awa@exemple.fr", &wolof_form()).await;
    let location = propose_in_compiegne(&app, &[]).await;
    let (proposal, pairs) = proposal_at(&app, &location).await;
    assert!(
        pairs.len() >= 2,
        "the demo has validated porteurs and free mentors: {pairs:?}"
    );
    assert_eq!(proposal.matched as usize, pairs.len());
    assert_eq!(
        proposal.total_score,
        pairs.iter().map(|p| p.score).sum::<i64>()
    );
    let html = app.get_html(&location).await;
    assert!(
        html.contains("paires proposées") && html.contains("Même domaine"),
        "each pair with its reasons"
    );
    assert!(html.contains("Porteurs sans mentor dans cette proposition"));
    assert!(
        html.contains("<strong>Un atelier de couture — Awa E.</strong> : aucun mentor disponible ne lui correspond (domaine, distance ou langue)"),
        "{html}"
    );
    assert!(proposal.unmatched >= 1);
    // One pair removed, the rest published as requests with an e-mail to each mentor.
    app.post_form(
        &format!("{location}/retirer"),
        &[("project", &pairs[0].project_id.to_string())],
    )
    .await;
    let published = app.post_form(&format!("{location}/publier"), &[]).await;
    let text = published.text().await.unwrap();
    let kept = pairs.len() - 1;
    assert!(
        text.contains(&format!("{kept} demandes envoyées"))
            || (kept == 1 && text.contains("une demande envoyée")),
        "{text}"
    );
    for pair in &pairs[1..] {
        assert_eq!(
            request_of(&app, pair).await,
            Some(mentorat_domain::RequestStatus::Open)
        );
    }
    assert_eq!(
        request_of(&app, &pairs[0]).await,
        None,
        "the removed pair is not asked"
    );
    let again = app.post_form(&format!("{location}/publier"), &[]).await;
    assert!(again.text().await.unwrap().contains("déjà publiée"));
}

/// The status of the request a proposal's `pair` made, if it made one.
async fn request_of(
    app: &TestApp,
    pair: &mentorat_app::batch::Pair,
) -> Option<mentorat_domain::RequestStatus> {
    let requests = app.app.requests_of(pair.mentor_id).await.unwrap();
    requests
        .into_iter()
        .find(|r| r.project_id == pair.project_id)
        .map(|r| r.status)
}

/// The porteur of `project` asks `mentor`, who accepts: the mentorship, or why not.
async fn accepted(app: &TestApp, project: Uuid, mentor: Uuid) -> Result<Uuid, String> {
    let project = app.app.project(project).await.unwrap();
    let request = app
        .app
        .request_mentor(project.mentee_id, &project, mentor, "Bonjour")
        .await
        .map_err(|e| format!("{e:?}"))?;
    let request = app.app.request(request).await.unwrap();
    app.app
        .answer_request(mentor, &request, true, "", "")
        .await
        .unwrap()
        .ok_or_else(|| "no place left".to_owned())
}

#[tokio::test]
async fn a_proposal_published_days_later_sends_only_the_pairs_still_possible() {
    let app = compiegne_coordinator().await;
    let location = propose_in_compiegne(&app, &[]).await;
    let (_, pairs) = proposal_at(&app, &location).await;
    assert!(pairs.len() >= 2, "{pairs:?}");
    let (stale, full) = (&pairs[0], &pairs[1]);
    assert_ne!(stale.mentor_id, full.mentor_id, "{pairs:?}");
    // Since the draft, the first pair's porteur found a mentor in the directory…
    let elsewhere = approved_mentor(&app, "ailleurs@exemple.fr", "2").await;
    accepted(&app, stale.project_id, elsewhere)
        .await
        .expect("a mentorship");
    // …and the second pair's mentor took porteurs until no place was left.
    for i in 0.. {
        let (_, project) = validated_porteur(&app, &format!("p{i}@exemple.fr"), 1985).await;
        if accepted(&app, project, full.mentor_id).await.is_err() {
            break;
        }
    }
    let published = app.post_form(&format!("{location}/publier"), &[]).await;
    let text = published.text().await.unwrap();
    let sent = pairs.len() - 2;
    let said = match sent {
        0 => "aucune demande à envoyer".to_owned(),
        1 => "une demande envoyée".to_owned(),
        n => format!("{n} demandes envoyées"),
    };
    assert!(text.contains(&said), "{text}");
    assert!(
        text.contains("2 paires n&#39;étaient plus possibles"),
        "{text}"
    );
    // No request for the porteur who has a mentor, none to the full mentor.
    assert_eq!(request_of(&app, stale).await, None);
    assert_eq!(request_of(&app, full).await, None);
    for pair in &pairs[2..] {
        assert_eq!(
            request_of(&app, pair).await,
            Some(mentorat_domain::RequestStatus::Open)
        );
    }
}

#[tokio::test]
async fn the_links_in_request_mails_lead_to_a_page() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "lien-m@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "lien-p@exemple.fr", 1980).await;
    accepted(&app, project, mentor).await.expect("a mentorship");
    let (outbox, _) = app.app.outbox(0, 200).await.unwrap();
    let mut links = 0;
    for mail in outbox.iter().filter(|m| m.to_address.starts_with("lien-")) {
        for word in mail.body_text.split_whitespace() {
            let Some(path) = word.strip_prefix(&app.address) else {
                continue;
            };
            let path = path.trim_end_matches(['.', ',', ')', '>']);
            links += 1;
            let status = app.get(path).await.status();
            assert_ne!(status, 404, "{path} in « {} »", mail.subject);
        }
    }
    assert!(
        links >= 2,
        "the request and its answer each link to the platform"
    );
}

#[tokio::test]
async fn a_long_proposal_is_shown_fifty_lines_at_a_time() {
    let app = compiegne_coordinator().await;
    // 51 porteurs no mentor can talk with: more than a page of them.
    for n in 0..51 {
        let (first, email) = (format!("Awa{n}"), format!("awa{n}@exemple.fr"));
        validated_porteur_with(&app, &first, &email, &wolof_form()).await;
    }
    let location = propose_in_compiegne(&app, &[]).await;
    let first = app.get_html(&location).await;
    let lines = |html: &str| html.matches("<strong>Un atelier de couture — Awa").count();
    assert_eq!(lines(&first), 50, "{first}");
    assert!(first.contains("Page 1 sur 2") && first.contains("?page=2"));
    let pairs = |html: &str| html.matches("<li class=\"card").count();
    assert!(pairs(&first) >= 2, "the demo's pairs on the first page");
    let second = app.get_html(&format!("{location}?page=2")).await;
    assert_eq!(lines(&second), 1, "{second}");
    assert!(second.contains("Page 2 sur 2"));
    assert_eq!(pairs(&second), 0);
    assert!(
        !second.contains("Aucune paire possible"),
        "no pair left to show is not no pair at all"
    );
    // A page past the last shows the last.
    assert_eq!(lines(&app.get_html(&format!("{location}?page=9")).await), 1);
    // Removing a pair brings the coordinator back to the page it was on.
    let (_, pairs) = proposal_at(&app, &location).await;
    let removed = app
        .post_form(
            &format!("{location}/retirer"),
            &[("project", &pairs[0].project_id.to_string()), ("page", "2")],
        )
        .await;
    assert_eq!(
        removed.headers()["location"].to_str().unwrap(),
        format!("{location}?page=2")
    );
}

#[tokio::test]
async fn as_many_pairs_as_possible_first_leaves_no_porteur_out_for_a_better_total() {
    let app = compiegne_coordinator().await;
    // Mentors speaking Wolof (and Turkish for the one next door): no demo porteur
    // speaks with them, nor they with a demo mentor.
    let next_door = approved_mentor_with(
        &app,
        "xavier@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into(), "tr".into()],
            domains: vec![("creation-entreprise".into(), "20".into())],
            bio: "Ancien maraîcher, je connais les semences paysannes et la permaculture.".into(),
            capacity: "1".into(),
            ..mentor_form("1")
        },
    )
    .await;
    let far_away = approved_mentor_with(
        &app,
        "yacine@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into()],
            domains: vec![("numerique".into(), "0".into())],
            bio: "Couturière, je crée des tissus wax et des boubous brodés.".into(),
            commune: "13055".into(),
            remote: true,
            capacity: "1".into(),
            ..mentor_form("1")
        },
    )
    .await;
    // A porteur next door to the first mentor, in their field, whose words are the
    // second's; and one who shares only words with the first.
    let (_, couture) = validated_porteur_with(
        &app,
        "Awa",
        "awa@exemple.fr",
        &ProjectForm {
            title: "Atelier de tissus wax".into(),
            description: "Je crée des boubous brodés en tissus wax.".into(),
            languages: vec!["wo".into()],
            commune: "60159".into(),
            remote: true,
            ..project_form(1990)
        },
    )
    .await;
    let (_, jardin) = validated_porteur_with(
        &app,
        "Bintou",
        "bintou@exemple.fr",
        &ProjectForm {
            title: "Jardin en permaculture".into(),
            description: "Des semences paysannes et la permaculture au jardin.".into(),
            domains: vec!["sport".into()],
            languages: vec!["tr".into()],
            ..project_form(1990)
        },
    )
    .await;
    let paired = |pairs: &[mentorat_app::batch::Pair], project: Uuid| {
        pairs
            .iter()
            .find(|p| p.project_id == project)
            .map(|p| p.mentor_id)
    };
    let best = propose_in_compiegne(&app, &[]).await;
    let (best_total, pairs) = proposal_at(&app, &best).await;
    assert_eq!(paired(&pairs, couture), Some(next_door), "{pairs:?}");
    assert_eq!(paired(&pairs, jardin), None);
    let most = propose_in_compiegne(&app, &[("matches_first", "1")]).await;
    let (most_pairs, pairs) = proposal_at(&app, &most).await;
    assert_eq!(paired(&pairs, couture), Some(far_away), "{pairs:?}");
    assert_eq!(paired(&pairs, jardin), Some(next_door));
    assert!(most_pairs.matched > best_total.matched);
    assert!(most_pairs.total_score < best_total.total_score);
    // Each page says which rule it followed; the coordinator's page offers the choice.
    assert!(
        app.get_html(&most)
            .await
            .contains("Règle suivie : le plus de paires possible d&#39;abord")
    );
    assert!(
        app.get_html(&best)
            .await
            .contains("Règle suivie : le meilleur score total.")
    );
    let coordination = app.get_html("/coordination").await;
    assert!(coordination.contains(r#"name="matches_first""#));
}

#[tokio::test]
async fn a_recomputed_proposal_keeps_the_kept_pairs_and_never_brings_back_a_removed_one() {
    let app = compiegne_coordinator().await;
    // Two mentors and two porteurs who speak Wolof only: they pair among themselves.
    let mentor = |years: &str| MentorForm {
        languages: vec!["wo".into()],
        domains: vec![("creation-entreprise".into(), years.into())],
        bio: "J'ai créé plusieurs entreprises de couture.".into(),
        ..mentor_form("1")
    };
    let senior = approved_mentor_with(&app, "xavier@exemple.fr", &mentor("20")).await;
    let junior = approved_mentor_with(&app, "yacine@exemple.fr", &mentor("1")).await;
    let mut porteurs = Vec::new();
    for (first, email) in [("Awa", "awa@exemple.fr"), ("Bintou", "bintou@exemple.fr")] {
        porteurs.push(
            validated_porteur_with(&app, first, email, &wolof_form())
                .await
                .1,
        );
    }
    let paired = |pairs: &[mentorat_app::batch::Pair], project: Uuid| {
        pairs
            .iter()
            .find(|p| p.project_id == project && !p.removed)
            .map(|p| p.mentor_id)
    };
    let first = propose_in_compiegne(&app, &[]).await;
    let (_, pairs) = proposal_at(&app, &first).await;
    // Whoever the senior mentor got: the coordinator removes that pair and keeps the
    // other (and the demo's pairs).
    let with_senior = *porteurs
        .iter()
        .find(|p| paired(&pairs, **p) == Some(senior))
        .expect("a Wolof porteur with the senior mentor");
    let with_junior = *porteurs.iter().find(|p| **p != with_senior).unwrap();
    assert_eq!(paired(&pairs, with_junior), Some(junior), "{pairs:?}");
    app.post_form(
        &format!("{first}/retirer"),
        &[("project", &with_senior.to_string())],
    )
    .await;
    let page = app.get_html(&first).await;
    assert!(
        page.contains("Recalculer sans les paires retirées"),
        "{page}"
    );
    let made = app.post_form(&format!("{first}/recalculer"), &[]).await;
    assert_eq!(made.status(), 303);
    let second = made.headers()["location"].to_str().unwrap().to_owned();
    assert_ne!(second, first);
    let (record, again) = proposal_at(&app, &second).await;
    // Every kept pair stays as it was; the freed porteur does not get the removed pair
    // back, and the junior mentor's one place is kept: no mentor is left for them.
    for pair in pairs.iter().filter(|p| p.project_id != with_senior) {
        assert!(
            again.iter().any(|p| p.project_id == pair.project_id
                && p.mentor_id == pair.mentor_id
                && p.score == pair.score),
            "kept: {pair:?} in {again:?}"
        );
    }
    assert_eq!(paired(&again, with_senior), None, "{again:?}");
    assert_eq!(record.matched as usize, pairs.len() - 1);
    let html = app.get_html(&second).await;
    assert!(
        html.contains(
            "Une paire retirée lors d&#39;une relecture précédente ne sera plus proposée."
        ),
        "{html}"
    );
    // The draft recomputed says where the new one is, and can no longer be published.
    let old = app.get_html(&first).await;
    assert!(old.contains("Cette proposition a été recalculée"), "{old}");
    assert!(old.contains(&format!(r#"href="{second}""#)));
    assert!(!old.contains("/publier") && !old.contains("/recalculer"));
    let refused = app.post_form(&format!("{first}/publier"), &[]).await;
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("seule la nouvelle peut être modifiée ou publiée")
    );
    assert!(app.app.requests_of(junior).await.unwrap().is_empty());
    // A second review: the junior's pair removed too. Neither removed pair comes back;
    // each porteur gets the other mentor.
    app.post_form(
        &format!("{second}/retirer"),
        &[("project", &with_junior.to_string())],
    )
    .await;
    let made = app.post_form(&format!("{second}/recalculer"), &[]).await;
    let third = made.headers()["location"].to_str().unwrap().to_owned();
    let (_, last) = proposal_at(&app, &third).await;
    assert_eq!(paired(&last, with_senior), Some(junior), "{last:?}");
    assert_eq!(paired(&last, with_junior), Some(senior), "{last:?}");
    assert!(
        app.get_html(&third)
            .await
            .contains("2 paires retirées lors des relectures précédentes")
    );
    // Published: the requests go to the mentors of the last draft.
    app.post_form(&format!("{third}/publier"), &[]).await;
    let asked = app.app.requests_of(senior).await.unwrap();
    assert!(
        asked.iter().any(|r| r.project_id == with_junior),
        "{asked:?}"
    );
}

#[tokio::test]
async fn circles_matched_together_share_out_a_mentors_places_in_one_proposal() {
    let app = compiegne_coordinator().await;
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne");
    let beauvais = mentorat_app::demo::demo_id("circle/beauvais");
    // One place, wanted by a Wolof porteur in each circle (Beauvais' accepts remote).
    let mentor = approved_mentor_with(
        &app,
        "xavier@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into()],
            remote: true,
            ..mentor_form("1")
        },
    )
    .await;
    let (_, near) = validated_porteur_with(&app, "Awa", "awa@exemple.fr", &wolof_form()).await;
    let (_, far) = validated_porteur_with(
        &app,
        "Bintou",
        "bintou@exemple.fr",
        &ProjectForm {
            commune: "60057".into(),
            remote: true,
            ..wolof_form()
        },
    )
    .await;
    assert_eq!(
        app.app.project(far).await.unwrap().circle_id,
        Some(beauvais)
    );
    let together = |circles: &[Uuid]| {
        let mut form = vec![("together".to_owned(), "1".to_owned())];
        form.extend(
            circles
                .iter()
                .map(|c| ("circles".to_owned(), c.to_string())),
        );
        form
    };
    let app = &app;
    let post = |form: Vec<(String, String)>| async move {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form("/coordination/appariements", &form).await
    };
    // A coordinator of Compiègne alone: no form for several circles, and Beauvais is
    // not theirs to match.
    assert!(
        !app.get_html("/coordination")
            .await
            .contains("Apparier plusieurs cercles ensemble")
    );
    assert_eq!(post(together(&[compiegne, beauvais])).await.status(), 403);
    // Coordinator of both: each circle alone gives the one place to its own porteur
    // (two drafts that cannot both be published), both together give it once.
    let coordinator = app
        .account_id("coordination.compiegne@mentorat.example")
        .await;
    let mut tx = app.app.store.begin().await.unwrap();
    tx.grant_role(
        coordinator,
        &mentorat_domain::RoleGrant::coordinator(beauvais),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let page = app.get_html("/coordination").await;
    assert!(
        page.contains("Apparier plusieurs cercles ensemble"),
        "{page}"
    );
    assert!(page.contains(&format!(r#"name="circles" value="{beauvais}""#)));
    let with_mentor = |pairs: &[mentorat_app::batch::Pair]| {
        pairs
            .iter()
            .filter(|p| p.mentor_id == mentor)
            .map(|p| p.project_id)
            .collect::<Vec<_>>()
    };
    let (_, alone) = proposal_at(app, &propose_in_compiegne(app, &[]).await).await;
    assert_eq!(with_mentor(&alone), [near]);
    let made = post(vec![("circle".into(), beauvais.to_string())]).await;
    let location = made.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(with_mentor(&proposal_at(app, &location).await.1), [far]);
    let made = post(together(&[beauvais, compiegne])).await;
    assert_eq!(made.status(), 303);
    let location = made.headers()["location"].to_str().unwrap().to_owned();
    let (record, pairs) = proposal_at(app, &location).await;
    let given = with_mentor(&pairs);
    assert_eq!(given.len(), 1, "{pairs:?}");
    let other = if given[0] == near { far } else { near };
    let (_, unmatched) = app.app.proposal_page(record.id, 0, 100).await.unwrap();
    assert!(
        unmatched.contains(&(other, "candidates_full".to_owned())),
        "{unmatched:?}"
    );
    assert_eq!(record.circle_id, None);
    assert_eq!(app.app.proposal_circles(&record).await.unwrap(), {
        let mut both = vec![compiegne, beauvais];
        both.sort();
        both
    });
    let html = app.get_html(&location).await;
    assert!(
        html.contains("Cercles appariés ensemble : Beauvais, Compiègne.")
            || html.contains("Cercles appariés ensemble : Compiègne, Beauvais."),
        "{html}"
    );
    // The demo's Compiègne porteurs are in it too.
    assert!(pairs.len() > 1);
    // One circle ticked is not a set.
    let refused = post(together(&[compiegne])).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Cochez au moins deux cercles à apparier ensemble.")
    );
}

#[tokio::test]
async fn a_batch_proposal_never_pairs_a_porteur_with_a_mentor_they_already_asked() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let coordinator = app
        .account_id("coordination.compiegne@mentorat.example")
        .await;
    let propose = || {
        app.app
            .propose_matches(coordinator, project.circle_id, false)
    };
    let (_, pairs) = app.app.proposal(propose().await.unwrap()).await.unwrap();
    let mentor = pairs
        .iter()
        .find(|p| p.project_id == project.id)
        .expect("the demo porteur is paired")
        .mentor_id;
    app.app
        .request_mentor(project.mentee_id, &project, mentor, "Bonjour !")
        .await
        .unwrap();
    let (_, again) = app.app.proposal(propose().await.unwrap()).await.unwrap();
    assert!(
        !again
            .iter()
            .any(|p| p.project_id == project.id && p.mentor_id == mentor),
        "{again:?}"
    );
    assert!(
        again.iter().any(|p| p.project_id == project.id),
        "another mentor is proposed"
    );
}

#[tokio::test]
async fn a_mentor_once_asked_is_never_suggested_again_to_that_porteur() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let before = suggested_for(&app, &project).await;
    let asked = before[0].card.user_id;
    app.app
        .request_mentor(
            project.mentee_id,
            &project,
            asked,
            "Bonjour, pouvez-vous m'aider ?",
        )
        .await
        .unwrap();
    let after = suggested_for(&app, &project).await;
    assert!(after.iter().all(|s| s.card.user_id != asked));
    assert_eq!(
        after[0].card.user_id, before[1].card.user_id,
        "the next one moves up"
    );
}
