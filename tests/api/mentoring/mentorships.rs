//! The relationship: private notes and contact details for the pair only, goals,
//! feedback seen in aggregate, quiet pairs nudged then flagged.

use super::*;

/// The demo mentor's relationship with Kevin Roux (a meeting 20 days ago), as the
/// mentor's space links to it.
async fn kevins_mentorship(app: &TestApp) -> Uuid {
    let mentor = signed_in(app, "mentor@mentorat.example").await;
    space_of(&mentor)
        .await
        .mentorships
        .into_iter()
        .find(|(_, other)| other == "Kevin Roux")
        .expect("the demo mentor accompanies Kevin")
        .0
}

#[tokio::test]
async fn private_notes_reach_only_the_pair() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "pair-m@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "pair-p@exemple.fr", 1980).await;
    let id = accepted(&app, project, mentor).await.unwrap();
    let page = format!("/mentorats/{id}");
    let today = app.app.now().format("%Y-%m-%d").to_string();
    let mentor = signed_in(&app, "pair-m@exemple.fr").await;
    let logged = mentor
        .post_form(
            &format!("{page}/rencontres"),
            &[
                ("date", &today),
                ("minutes", "60"),
                ("topics", "Plan de financement"),
                ("notes", "NOTE-SECRETE-42"),
            ],
        )
        .await;
    assert_eq!(location(&logged), page);
    let porteur = signed_in(&app, "pair-p@exemple.fr").await;
    let pair = porteur.get_html(&page).await;
    assert!(pair.contains("NOTE-SECRETE-42"), "{pair}");
    assert!(
        pair.contains("pair-m@exemple.fr"),
        "contact details revealed to the pair"
    );
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let outside = coordinator.get_html(&page).await;
    assert!(outside.contains("60 min"), "coordinators see durations");
    assert!(
        !outside.contains("NOTE-SECRETE-42")
            && !outside.contains("pair-m@exemple.fr")
            && !outside.contains("pair-p@exemple.fr"),
        "{outside}"
    );
}

#[tokio::test]
async fn private_notes_never_reach_the_coordinator_or_the_national_team_over_http() {
    let app = spawn_demo_app().await;
    let id = kevins_mentorship(&app).await;
    let notes = "reparler du budget la prochaine fois";
    let mut seen = Vec::new();
    for email in [
        "mentor@mentorat.example",
        "coordination.compiegne@mentorat.example",
        "admin@mentorat.example",
    ] {
        let html = signed_in(&app, email)
            .await
            .get_html(&format!("/mentorats/{id}"))
            .await;
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
async fn the_pair_sets_goals_and_coordinators_see_feedback_only_in_aggregate() {
    let app = spawn_demo_app().await;
    let id = kevins_mentorship(&app).await;
    let page = format!("/mentorats/{id}");
    let mentor = signed_in(&app, "mentor@mentorat.example").await;
    let added = mentor
        .post_form(
            &format!("{page}/objectifs"),
            &[("title", "Trouver une formation")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let html = mentor.get_html(&page).await;
    assert!(html.contains("<strong>Trouver une formation</strong>"));
    let goal = between(&html, &format!(r#"action="{page}/objectifs/"#), "\"")
        .expect("the goal's form")
        .to_owned();
    mentor
        .post_form(
            &format!("{page}/objectifs/{goal}"),
            &[("status", "reached")],
        )
        .await;
    assert!(
        mentor
            .get_html(&page)
            .await
            .contains(r#"<option value="reached" selected>Atteint</option>"#)
    );
    // Close and give feedback; the coordinator sees the average, never the comment.
    mentor
        .post_form(
            &format!("{page}/cloture"),
            &[("reason", "Formation trouvée"), ("confirm", "1")],
        )
        .await;
    mentor
        .post_form(
            &format!("{page}/avis"),
            &[("satisfaction", "5"), ("comment", "COMMENTAIRE-PRIVE")],
        )
        .await;
    assert!(
        mentor
            .get_html(&page)
            .await
            .contains("Merci pour votre avis.")
    );
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let html = coordinator.get_html("/coordination").await;
    assert!(
        html.contains("Avis reçus sur les relations closes : 1 — satisfaction moyenne 5,0 sur 5"),
        "{html}"
    );
    assert!(!html.contains("COMMENTAIRE-PRIVE"));
}

#[tokio::test]
async fn quiet_pairs_are_nudged_once_a_month_then_flagged_to_the_coordinators() {
    let app = spawn_demo_app().await;
    let id = kevins_mentorship(&app).await;
    let link = format!(r#"<a href="/mentorats/{id}">"#);
    let nudges = |address: &'static str| {
        let app = &app;
        async move {
            outbox(app)
                .await
                .into_iter()
                .filter(|m| {
                    m.to_address == address
                        && m.subject == "Des nouvelles de votre relation mentorale ?"
                })
                .collect::<Vec<_>>()
        }
    };
    let flagged = || {
        let app = &app;
        let link = &link;
        async move {
            let coordinator = signed_in(app, "coordination.compiegne@mentorat.example").await;
            let html = coordinator.get_html("/coordination").await;
            section(
                &html,
                "Relations à suivre (aucune rencontre depuis 60 jours)",
            )
            .contains(link)
        }
    };
    let (mentor, kevin) = (
        "mentor@mentorat.example",
        "kevin.roux@demo.mentorat.example",
    );
    // The last meeting was 20 days ago: not quiet yet.
    sweep(&app).await;
    assert!(nudges(mentor).await.is_empty() && nudges(kevin).await.is_empty());
    assert!(!flagged().await);
    // Fifteen days later it has been quiet for over a month: both are nudged, once.
    days_pass(&app, 15).await;
    let to_mentor = nudges(mentor).await;
    assert_eq!((to_mentor.len(), nudges(kevin).await.len()), (1, 1));
    assert!(
        to_mentor[0]
            .body_text
            .contains(&app.url(&format!("/mentorats/{id}"))),
        "the e-mail leads to the relationship"
    );
    let before = outbox(&app).await.len();
    sweep(&app).await;
    assert_eq!(outbox(&app).await.len(), before, "once a month at most");
    assert!(!flagged().await, "not flagged before 60 days");
    // Sixty days without a meeting: the circle's coordinators are shown the pair.
    app.app.clock.advance(chrono::Duration::days(30));
    assert!(flagged().await, "flagged after 60 days");
}

/// In a large network the quiet pairs are more than one batch of the sweep: every pair is
/// nudged once all the same, and a second sweep reads none of them again.
#[tokio::test]
async fn every_quiet_pair_of_a_large_network_is_nudged_once() {
    let app = spawn_demo_app().await;
    let plan = load_network(&app, 0.2).await;
    assert!(plan.active_mentorships > 500, "more than one batch");
    let nudged = || {
        let app = &app;
        async move {
            let (mails, _) = app.app.outbox(0, 100_000).await.unwrap();
            let mut to = std::collections::HashMap::<String, usize>::new();
            for m in mails {
                if m.subject == "Des nouvelles de votre relation mentorale ?" {
                    *to.entry(m.to_address).or_default() += 1;
                }
            }
            to
        }
    };
    // Seventy days on, every active pair has gone a month without a meeting.
    days_pass(&app, 70).await;
    let first = nudged().await;
    // The generator numbers the active pairs' porteurs first.
    for n in 1..=plan.active_mentorships {
        let porteur = format!("porteur.{n:05}@national.mentorat.example");
        assert_eq!(first.get(&porteur), Some(&1), "{porteur} nudged once");
    }
    sweep(&app).await;
    assert_eq!(nudged().await, first, "nobody nudged twice in a month");
}

#[tokio::test]
async fn the_porteur_ticks_what_changed_when_the_relationship_closes() {
    let app = spawn_demo_app().await;
    let mentor_id = approved_mentor(&app, "issue-m@exemple.fr", "2").await;
    let (porteur_id, project) = validated_porteur(&app, "issue-p@exemple.fr", 1985).await;
    let id = accepted(&app, project, mentor_id).await.unwrap();
    let page = format!("/mentorats/{id}");
    let mentor = signed_in(&app, "issue-m@exemple.fr").await;
    mentor
        .post_form(
            &format!("{page}/cloture"),
            &[("reason", "Projet lancé"), ("confirm", "1")],
        )
        .await;
    // The boxes are the porteur's: the mentor's form has none.
    assert!(!mentor.get_html(&page).await.contains("name=\"outcome\""));
    let porteur = signed_in(&app, "issue-p@exemple.fr").await;
    let html = porteur.get_html(&page).await;
    assert!(html.contains("value=\"business_created\""), "{html}");
    // An unknown outcome is refused and what was typed stays.
    let refused = porteur
        .post_form(
            &format!("{page}/avis"),
            &[
                ("satisfaction", "5"),
                ("changes", "TEXTE-GARDE"),
                ("outcome", "launched"),
                ("outcome", "millionaire"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("TEXTE-GARDE"));
    assert!(html.contains("value=\"launched\" checked"), "{html}");
    let given = porteur
        .post_form(
            &format!("{page}/avis"),
            &[
                ("satisfaction", "5"),
                ("outcome", "launched"),
                ("outcome", "business_created"),
            ],
        )
        .await;
    assert_eq!(given.status(), 303);
    let export = app
        .app
        .store
        .export_of(porteur_id, "issue-p@exemple.fr")
        .await
        .unwrap();
    let (_, rows) = export
        .iter()
        .find(|(name, _)| *name == "feedback_outcomes")
        .unwrap();
    let mut ticked: Vec<&str> = rows
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    ticked.sort();
    assert_eq!(ticked, ["business_created", "launched"]);
}
