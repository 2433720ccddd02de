//! Becoming a mentor: the application, its circle's coordinators, the interview and the
//! background check before approval.

use super::*;

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
    let id = person(&app, "Léa", "lea@exemple.fr").await;
    let lea = signed_in(&app, "lea@exemple.fr").await;
    let applied = lea
        .post_form(
            "/devenir-mentor",
            &[
                ("domain_1", "creation-entreprise"),
                ("years_1", "12"),
                ("bio", "J'ai créé deux entreprises à Compiègne."),
                ("commune", "60159"),
                ("capacity", "2"),
                ("languages", "fr"),
                ("charter", "1"),
            ],
        )
        .await;
    assert!(app.follow(applied).await.contains("Candidature envoyée"));
    // Routed to the covering circle: Compiègne's coordinators have it to vet, Paris's
    // neither see it nor may open it.
    let record = format!("/coordination/mentors/{id}");
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let queue = coordinator.get_html("/coordination").await;
    assert!(
        section(&queue, "Candidatures de mentors à étudier")
            .contains(&format!(r#"<a href="{record}">Léa Essai</a> — Envoyée"#)),
        "routed to the covering circle: {queue}"
    );
    let paris = signed_in(&app, "coordination.paris@mentorat.example").await;
    assert!(!paris.get_html("/coordination").await.contains(&record));
    assert_eq!(paris.get(&record).await.status(), 403);
    // No approval before an interview: the page does not offer it, and a forged form is
    // refused with the reason.
    let page = coordinator.get_html(&record).await;
    assert!(
        page.contains("Création d&#39;entreprise — 12 ans"),
        "the field by its name, not its code: {page}"
    );
    // What the application recorded, and what the vetting has not yet.
    for fact in [
        "<dt>Langues</dt><dd>Français</dd>",
        "<dt>Places</dt><dd>0 prise sur 2</dd>",
        "<dt>Entretien</dt><dd>pas encore</dd>",
        "<dt>Vérification d&#39;honorabilité</dt><dd>pas encore</dd>",
    ] {
        assert!(page.contains(fact), "{fact}: {page}");
    }
    assert!(page.contains(r#"<option value="interview_planned">"#));
    assert!(!page.contains(r#"<option value="approved">"#), "{page}");
    let early = coordinator
        .post_form(
            &record,
            &[("status", "approved"), ("background_checked", "1")],
        )
        .await;
    assert_eq!(early.status(), 422, "no approval before an interview");
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("une candidature passe par un entretien avant d&#39;être acceptée")
    );
    let planned = coordinator
        .post_form(
            &record,
            &[
                ("status", "interview_planned"),
                ("interview_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(planned.status(), 303);
    assert!(
        coordinator
            .get_html(&record)
            .await
            .contains(r#"<span class="status">Entretien prévu</span>"#)
    );
    let unchecked = coordinator
        .post_form(&record, &[("status", "approved")])
        .await;
    assert_eq!(
        unchecked.status(),
        422,
        "the background check must be recorded"
    );
    assert!(
        unchecked
            .text()
            .await
            .unwrap()
            .contains("Enregistrez la vérification des antécédents avant d&#39;accepter.")
    );
    let approved = coordinator
        .post_form(
            &record,
            &[("status", "approved"), ("background_checked", "1")],
        )
        .await;
    assert_eq!(approved.status(), 303);
    assert_eq!(location(&approved), record);
    // Approved: on the coordinator's pages, on Léa's, and in a porteur's directory.
    assert!(
        coordinator
            .get_html(&record)
            .await
            .contains(r#"<span class="status">Acceptée</span>"#)
    );
    let queue = coordinator.get_html("/coordination").await;
    assert!(
        section(&queue, "Mentors du cercle")
            .contains(&format!(r#"<a href="{record}">Léa Essai</a> — Acceptée"#)),
        "{queue}"
    );
    assert!(
        lea.get_html("/devenir-mentor")
            .await
            .contains("État de votre candidature : Acceptée")
    );
    let porteur = signed_in(&app, "porteur@mentorat.example").await;
    let project = mentorat_app::demo::demo_id("project/porteur@mentorat.example");
    let directory = porteur
        .get_html(&format!(
            "/annuaire?projet={project}&domaine=creation-entreprise"
        ))
        .await;
    assert!(
        directory.contains(&format!(r#"name="mentor" value="{id}""#)),
        "approved mentors appear to matching: {directory}"
    );
    // What is recorded shows on no page: the date of the check (never a copy of a
    // document) and the version of the charter signed.
    let profile = app.app.mentor_profile(id).await.unwrap();
    assert!(profile.background_checked_at.is_some() && profile.charter_version.is_some());
    let to_lea = subjects_to(&app, "lea@exemple.fr").await;
    assert_eq!(to_lea.len(), 3, "an e-mail at each step: {to_lea:?}");
    assert!(to_lea.iter().any(|s| s == "Bienvenue parmi les mentors !"));
}
