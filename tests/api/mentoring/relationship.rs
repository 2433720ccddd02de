//! The relationship as the pair live it (issue 21): requests with the project's facts,
//! only to mentors who match; messages, reports and blocks; check-ins; a mentor's pause
//! and expired requests; the volunteering certificate and the hours export.

use super::proposals::{proposal_at, propose_in_compiegne};
use super::*;

/// A mentor no boulangerie in Oise would be suggested: law, in Lille, not remote.
fn lawyer_in_lille() -> MentorForm {
    MentorForm {
        domains: vec![("droit".into(), "20".into())],
        bio: "Juriste, droit du travail et des contrats.".into(),
        commune: "59350".into(),
        travel_km: "5".into(),
        ..mentor_form("2")
    }
}

/// The id of the first message of a thread's page that the reader may report.
fn reportable(html: &str) -> String {
    between(html, r#"<input type="hidden" name="message" value=""#, "\"")
        .expect("a message to report")
        .to_owned()
}

#[tokio::test]
async fn a_mentor_decides_with_the_project_and_the_reasons_and_only_matching_mentors_are_asked() {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "2").await;
    let far = named_mentor(&app, "Loin", "loin@exemple.fr", &lawyer_in_lille()).await;
    let (_, project) = validated_porteur_with(
        &app,
        "Ines",
        "ines@exemple.fr",
        &ProjectForm {
            help_wanted: "Trouver un local et un prêt.".into(),
            ..project_form(1990)
        },
    )
    .await;
    let porteur = signed_in(&app, "ines@exemple.fr").await;
    // A mentor outside the project's hard filters cannot be asked, whatever is posted.
    let refused = ask(&porteur, project, far, "Bonjour").await;
    assert_eq!(refused.status(), 422);
    assert!(unescape(&refused.text().await.unwrap()).contains("ne correspond pas à votre projet"));
    let asked = ask(&porteur, project, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(asked.status(), 303);
    // The e-mail says what the project is and why this mentor, never the porteur's
    // address.
    let mail = app.mail_to("mentore@exemple.fr").await;
    let mail = outbox(&app)
        .await
        .into_iter()
        .find(|m| m.to_address == "mentore@exemple.fr" && m.subject == "Une demande de mentorat")
        .unwrap_or_else(|| panic!("{mail:?}"));
    for fact in [
        "Projet : Ouvrir une boulangerie",
        "Porteur ou porteuse : Ines E.",
        "Domaines : Création d'entreprise",
        "Étape : C'est une idée",
        "Aide souhaitée : Trouver un local et un prêt.",
        "Langues : Français",
        "Pourquoi vous : Même domaine : Création d'entreprise",
    ] {
        assert!(
            mail.body_text.contains(fact),
            "{fact} in {}",
            mail.body_text
        );
    }
    assert!(!mail.body_text.contains("ines@exemple.fr"));
    let link = between(&mail.body_text, "http://", "\n").unwrap();
    let path = &link[link.find('/').unwrap()..];
    assert!(path.starts_with("/demandes/"), "{path}");
    // The page says the same to the mentor; the porteur reads it too; nobody else.
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let page = unescape(&mentor_browser.get_html(path).await);
    for fact in [
        "Ouvrir une boulangerie",
        "Ines E.",
        "Trouver un local et un prêt.",
        "Même domaine : Création d'entreprise",
        "Bonjour, pouvez-vous m'aider ?",
    ] {
        assert!(page.contains(fact), "{fact}");
    }
    assert!(!page.contains("ines@exemple.fr"));
    assert_eq!(porteur.get(path).await.status(), 200);
    assert_eq!(app.get(path).await.status(), 404, "the coordinator");
}

#[tokio::test]
async fn the_pair_writes_reports_and_blocks_and_the_coordinators_see_only_what_was_reported() {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "porteuse@exemple.fr", 1990).await;
    let id = accepted(&app, project, mentor).await.unwrap();
    let thread = format!("/mentorats/{id}/messages");
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let porteur = signed_in(&app, "porteuse@exemple.fr").await;
    for body in [
        "Premier message, un peu brusque.",
        "Second message, tout va bien.",
    ] {
        let sent = mentor_browser.post_form(&thread, &[("body", body)]).await;
        assert_eq!(sent.status(), 303);
    }
    // One e-mail for the two messages (at most one an hour), and without their words.
    let told: Vec<_> = outbox(&app)
        .await
        .into_iter()
        .filter(|m| m.to_address == "porteuse@exemple.fr" && m.subject == "Un message vous attend")
        .collect();
    assert_eq!(told.len(), 1);
    assert!(!told[0].body_text.contains("brusque") && !told[0].body_html.contains("brusque"));
    // Unread until the porteuse opens the thread.
    assert!(unescape(&porteur.get_html("/mon-espace").await).contains("2 messages non lus"));
    let html = unescape(&porteur.get_html(&thread).await);
    assert!(html.contains("Premier message, un peu brusque.") && html.contains("Second message"));
    app.app.deferred.settle().await;
    assert!(!porteur.get_html("/mon-espace").await.contains("non lu"));
    // Nobody but the pair reads an adult's thread; no message is reported yet.
    let coordinator_view = unescape(&app.get_html(&thread).await);
    assert!(!coordinator_view.contains("brusque") && !coordinator_view.contains("Second"));
    let paris = signed_in(&app, "coordination.paris@mentorat.example").await;
    assert_eq!(paris.get(&thread).await.status(), 403);
    let national = signed_in(&app, "admin@mentorat.example").await;
    assert_eq!(national.get(&thread).await.status(), 404);
    // The porteuse reports the first message: her circle's coordinators hear of it and
    // read that message, and that one only.
    let first = reportable(&html);
    let reported = porteur
        .post_form(
            "/mentorats/{id}/signalement"
                .replace("{id}", &id.to_string())
                .as_str(),
            &[("message", &first), ("reason", "Ton déplacé.")],
        )
        .await;
    assert_eq!(reported.status(), 303);
    assert!(
        subjects_to(&app, "coordination.compiegne@mentorat.example")
            .await
            .contains(&"Un signalement dans une relation de votre cercle".to_owned())
    );
    let coordinator_view = unescape(&app.get_html(&thread).await);
    assert!(coordinator_view.contains("Premier message, un peu brusque."));
    assert!(coordinator_view.contains("Ton déplacé."));
    assert!(!coordinator_view.contains("Second message"));
    assert_eq!(national.get(&thread).await.status(), 404);
    assert_eq!(paris.get(&thread).await.status(), 403);
    // She ends contact: asked once more, then the relationship is suspended.
    let block = format!("/mentorats/{id}/signalement");
    let asked = porteur
        .post_form(&block, &[("reason", "Je ne veux plus."), ("block", "1")])
        .await;
    assert_eq!(asked.status(), 200, "a confirmation first");
    let done = porteur
        .post_form(
            &block,
            &[
                ("reason", "Je ne veux plus."),
                ("block", "1"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(done.status(), 303);
    let page = unescape(&mentor_browser.get_html(&format!("/mentorats/{id}")).await);
    assert!(page.contains("Cette relation est suspendue"));
    let silenced = mentor_browser
        .post_form(&thread, &[("body", "Allô ?")])
        .await;
    assert_eq!(silenced.status(), 422);
    // The coordinator reviews it and closes it.
    let review = unescape(&app.get_html(&format!("/mentorats/{id}")).await);
    assert!(review.contains("Revoir la relation"));
    let asked = app
        .post_form(&format!("/mentorats/{id}/revue"), &[("decision", "close")])
        .await;
    assert_eq!(asked.status(), 200, "a confirmation first");
    let closed = app
        .post_form(
            &format!("/mentorats/{id}/revue"),
            &[("decision", "close"), ("confirm", "1")],
        )
        .await;
    assert_eq!(closed.status(), 303);
    assert!(
        unescape(&app.get_html(&format!("/mentorats/{id}")).await)
            .contains("Cette relation est close")
    );
    // The pair is never offered again: a new project of the porteuse neither finds the
    // mentor in the directory nor gets them in a proposal.
    let porteuse = app.account_id("porteuse@exemple.fr").await;
    let admin = app.account_id("admin@mentorat.example").await;
    let again = app
        .app
        .submit_project(porteuse, &project_form(1990))
        .await
        .unwrap();
    let again = app.app.project(again).await.unwrap();
    app.app
        .review_project(admin, &again, "validate", "")
        .await
        .unwrap();
    let again = app.app.project(again.id).await.unwrap();
    let suggested = app.app.suggestions(&again, None, None, None).await.unwrap();
    assert!(!suggested.is_empty(), "other mentors are suggested");
    assert!(suggested.iter().all(|s| s.card.user_id != mentor));
    let proposal = proposal_at(&app, &propose_in_compiegne(&app, &[]).await).await;
    assert!(
        !proposal
            .pairs
            .iter()
            .any(|p| p.project == again.id && p.mentor == "Mentor E.")
    );
}

#[tokio::test]
async fn check_ins_come_at_30_days_then_every_60_and_two_clicks_answer_them() {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "porteuse@exemple.fr", 1990).await;
    let id = accepted(&app, project, mentor).await.unwrap();
    let subject = "Comment se passe votre mentorat ?";
    let count = |app: &TestApp, to: &'static str| {
        let app = app.app.clone();
        async move {
            app.outbox(0, 1_000)
                .await
                .unwrap()
                .0
                .into_iter()
                .filter(|m| m.to_address == to && m.subject == subject)
                .count()
        }
    };
    days_pass(&app, 29).await;
    assert_eq!(count(&app, "porteuse@exemple.fr").await, 0);
    days_pass(&app, 2).await;
    assert_eq!(count(&app, "porteuse@exemple.fr").await, 1);
    assert_eq!(count(&app, "mentore@exemple.fr").await, 1);
    let mail = outbox(&app)
        .await
        .into_iter()
        .find(|m| m.to_address == "porteuse@exemple.fr" && m.subject == subject)
        .unwrap();
    // Five answers, each a link that opens the form with it chosen; opening records
    // nothing (mail scanners open links).
    let links = all_between(&mail.body_text, "http://", "\n");
    let links: Vec<&str> = links
        .into_iter()
        .filter(|l| l.contains("/point?humeur="))
        .collect();
    assert_eq!(links.len(), 5, "{}", mail.body_text);
    let difficult = links.iter().find(|l| l.ends_with("humeur=2")).unwrap();
    let path = &difficult[difficult.find('/').unwrap()..];
    let porteur = signed_in(&app, "porteuse@exemple.fr").await;
    let form = porteur.get_html(path).await;
    assert!(
        form.contains(r#"id="mood-2" name="mood" value="2" checked"#),
        "{form}"
    );
    assert!(app.app.checkins(id).await.unwrap().is_empty());
    let point = format!("/mentorats/{id}/point");
    let answered = porteur
        .post_form(
            &point,
            &[
                ("mood", "2"),
                ("met", "no"),
                ("note", "Nous n'arrivons pas à nous voir."),
            ],
        )
        .await;
    assert_eq!(answered.status(), 303);
    let twice = porteur
        .post_form(&point, &[("mood", "5"), ("met", "yes")])
        .await;
    assert_eq!(twice.status(), 422);
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let answered = mentor_browser
        .post_form(&point, &[("mood", "4"), ("met", "yes")])
        .await;
    assert_eq!(answered.status(), 303);
    // The coordinator sees the pair's trend and the answer flagged for them (signed in
    // anew: a month passed since the test began).
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = unescape(&coordinator.get_html(&format!("/mentorats/{id}")).await);
    assert!(
        page.contains("Point 1 — Porteur E. : Difficilement, rencontre : non"),
        "{page}"
    );
    assert!(page.contains("Point 1 — Mentor E. : Bien, rencontre : oui"));
    let follow = unescape(&coordinator.get_html("/coordination/suivi").await);
    assert!(
        follow.contains("Nous n'arrivons pas à nous voir."),
        "{follow}"
    );
    // The national team sees the figures, not the words.
    let national = signed_in(&app, "admin@mentorat.example").await;
    let figures = unescape(&national.get_html("/coordination/suivi").await);
    assert!(figures.contains("2 réponses") && figures.contains("Humeur moyenne : 3,0 sur 5"));
    assert!(!figures.contains("Nous n'arrivons pas"));
    // The next one comes 60 days later, not before.
    days_pass(&app, 59).await;
    assert_eq!(count(&app, "porteuse@exemple.fr").await, 1);
    days_pass(&app, 2).await;
    assert_eq!(count(&app, "porteuse@exemple.fr").await, 2);
}

#[tokio::test]
async fn a_paused_mentor_leaves_the_directory_and_proposals_until_the_date_and_expired_requests_pause()
 {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "3").await;
    let (_, project) = validated_porteur(&app, "porteuse@exemple.fr", 1990).await;
    let project = app.app.project(project).await.unwrap();
    let suggested = |app: &TestApp, project: mentorat_app::mentoring::ProjectRecord| {
        let app = app.app.clone();
        async move {
            app.suggestions(&project, None, None, None)
                .await
                .unwrap()
                .iter()
                .any(|s| s.card.user_id == mentor)
        }
    };
    assert!(suggested(&app, project.clone()).await);
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let until = (app.app.now().date_naive() + chrono::Duration::days(10)).to_string();
    let paused = mentor_browser
        .post_form("/mon-espace/pause", &[("until", &until)])
        .await;
    assert_eq!(paused.status(), 303);
    assert!(!suggested(&app, project.clone()).await);
    let proposal = proposal_at(&app, &propose_in_compiegne(&app, &[]).await).await;
    assert!(!proposal.pairs.iter().any(|p| p.mentor == "Mentor E."));
    days_pass(&app, 9).await;
    assert!(!suggested(&app, project.clone()).await);
    days_pass(&app, 2).await;
    assert!(suggested(&app, project.clone()).await, "back at the date");
    // Three requests expire unanswered: the mentor is paused and told how to come back;
    // the coordinators heard from the second.
    for i in 0..3 {
        let (porteur, other) = validated_porteur(&app, &format!("p{i}@exemple.fr"), 1990).await;
        let other = app.app.project(other).await.unwrap();
        app.app
            .request_mentor(porteur, &other, mentor, "Bonjour")
            .await
            .unwrap();
    }
    days_pass(&app, 15).await;
    let told = subjects_to(&app, "mentore@exemple.fr").await;
    assert!(
        told.contains(&"Une demande est restée sans réponse".to_owned()),
        "{told:?}"
    );
    assert!(
        told.contains(&"Votre profil de mentor est en pause".to_owned()),
        "{told:?}"
    );
    assert!(
        subjects_to(&app, "coordination.compiegne@mentorat.example")
            .await
            .contains(&"Un mentor ne répond plus aux demandes".to_owned())
    );
    assert!(!suggested(&app, project.clone()).await);
    // (Signed in anew: weeks passed.)
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let profile = unescape(&mentor_browser.get_html("/mon-espace/profil").await);
    assert!(profile.contains("plusieurs demandes sont restées sans réponse"));
    let back = mentor_browser.post_form("/mon-espace/reprise", &[]).await;
    assert_eq!(back.status(), 303);
    assert!(suggested(&app, project).await);
}

#[tokio::test]
async fn the_certificate_and_the_hours_export_add_up_the_meetings() {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "3").await;
    let today = app.app.now().date_naive().to_string();
    let mut total = 0;
    for (i, minutes) in [[90, 45].as_slice(), [60].as_slice()].iter().enumerate() {
        let (_, project) = validated_porteur(&app, &format!("p{i}@exemple.fr"), 1990).await;
        let id = accepted(&app, project, mentor).await.unwrap();
        let record = app.app.mentorship_record(id).await.unwrap();
        for m in *minutes {
            app.app
                .log_meeting(
                    mentor,
                    &record,
                    &mentorat_app::mentoring::MeetingForm {
                        date: today.clone(),
                        minutes: m.to_string(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            total += m;
        }
    }
    assert_eq!(total, 195);
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let page = unescape(&mentor_browser.get_html("/mon-espace/attestation").await);
    let sentence = "Mentor Essai a consacré 3,25 heures de bénévolat au mentorat, au cours de 3 rencontres, en accompagnant 2 porteur(s) de projet.";
    assert!(page.contains(sentence), "{page}");
    // The PDF says the same (its text read back by poppler's pdftotext).
    let pdf = mentor_browser.get("/mon-espace/attestation.pdf").await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    let file = std::env::temp_dir().join(format!("attestation-{}.pdf", Uuid::new_v4()));
    std::fs::write(&file, &bytes).unwrap();
    // Without Debian's poppler-utils (CI installs it), the PDF's text is not checked.
    match std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => {
            let text = String::from_utf8(out.stdout).unwrap();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Attestation de bénévolat"), "{text}");
            assert!(text.contains(sentence), "{text}");
        }
        Err(_) => eprintln!(
            "pdftotext is not installed (apt-get install poppler-utils): the PDF's text is not checked"
        ),
    }
    let _ = std::fs::remove_file(&file);
    // The national team's export: French spreadsheet CSV, hours and their value.
    let year = chrono::Datelike::year(&app.app.now());
    let national = signed_in(&app, "admin@mentorat.example").await;
    let csv = national
        .get(&format!("/admin/benevolat.csv?annee={year}&taux=12"))
        .await;
    assert_eq!(csv.status(), 200);
    let bytes = csv.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "Cercle;Mois;Mentors;Rencontres;Heures;Valorisation (€)"
    );
    let month = &today[..7];
    // The demo's own meetings of the year are there too: the total is their sum.
    let ours = lines
        .iter()
        .find(|l| l.starts_with(&format!("Compiègne;{month};")))
        .unwrap_or_else(|| panic!("{text}"));
    let cells: Vec<&str> = ours.split(';').collect();
    let hours: f64 = cells[4].replace(',', ".").parse().unwrap();
    assert!(hours >= 3.25, "{ours}");
    let number = |cell: &str| cell.replace(',', ".").parse::<f64>().unwrap();
    let (sum_hours, sum_value) = lines[1..lines.len() - 1]
        .iter()
        .fold((0.0, 0.0), |(h, v), l| {
            let c: Vec<&str> = l.split(';').collect();
            (h + number(c[4]), v + number(c[5]))
        });
    let last: Vec<&str> = lines[lines.len() - 1].split(';').collect();
    assert_eq!(last[0], "Total");
    assert!((number(last[4]) - sum_hours).abs() < 0.011, "{text}");
    assert!(
        (number(last[5]) - sum_value).abs() < 0.011 * lines.len() as f64,
        "{text}"
    );
    assert!(
        (number(last[5]) - number(last[4]) * 12.0).abs() < 0.011,
        "{text}"
    );
    assert!(cells[5].contains(','), "a decimal comma: {ours}");
}

#[tokio::test]
async fn a_minors_thread_is_readable_by_the_circles_coordinators_and_each_reading_is_shown() {
    let app = compiegne_coordinator().await;
    let mentor = approved_mentor(&app, "mentore@exemple.fr", "2").await;
    // Sixteen this year: a minor, without a parent's consent to wait for.
    let year = chrono::Datelike::year(&app.app.now());
    let (_, project) = validated_porteur(&app, "jeune@exemple.fr", year - 16).await;
    let id = accepted(&app, project, mentor).await.unwrap();
    let thread = format!("/mentorats/{id}/messages");
    let mentor_browser = signed_in(&app, "mentore@exemple.fr").await;
    let sent = mentor_browser
        .post_form(&thread, &[("body", "Rendez-vous au centre social.")])
        .await;
    assert_eq!(sent.status(), 303);
    let porteur = signed_in(&app, "jeune@exemple.fr").await;
    let before = unescape(&porteur.get_html(&thread).await);
    assert!(
        before.contains("les coordinateurs et coordinatrices du cercle peuvent lire ces messages")
    );
    assert!(!before.contains("(coordination)"), "nobody read it yet");
    // The circle's coordinator reads every message, no report needed; the reading is
    // logged and shown to both; others still cannot.
    let read = unescape(&app.get_html(&thread).await);
    assert!(read.contains("Rendez-vous au centre social."));
    app.app.deferred.settle().await;
    for browser in [&porteur, &mentor_browser] {
        let page = unescape(&browser.get_html(&thread).await);
        assert!(page.contains("(coordination) le"), "{page}");
    }
    let national = signed_in(&app, "admin@mentorat.example").await;
    assert_eq!(national.get(&thread).await.status(), 404);
    let paris = signed_in(&app, "coordination.paris@mentorat.example").await;
    assert_eq!(paris.get(&thread).await.status(), 403);
}
