//! Presenting a project: a porteur under 15 needs a parent's consent before any match.

use super::*;

const NOT_READY: &str = "Ce projet n&#39;est pas encore prêt pour une mise en relation";

/// The consent link the parent at `address` received.
async fn consent_link(app: &TestApp, address: &str) -> String {
    let mail = app.mail_to(address).await.expect("the parent is asked");
    mail.body_text
        .split_whitespace()
        .find_map(|w| {
            w.strip_prefix(&app.address)
                .filter(|path| path.starts_with("/consentement/"))
        })
        .expect("a link to give consent")
        .to_owned()
}

#[tokio::test]
async fn a_fourteen_year_old_cannot_be_matched_until_the_parent_confirms() {
    let app = spawn_demo_app().await;
    let year = chrono::Datelike::year(&app.app.now());
    let mentor = approved_mentor(&app, "m14@exemple.fr", "2").await;
    let other = approved_mentor(&app, "m15@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "p14@exemple.fr", year - 14).await;
    let porteur = signed_in(&app, "p14@exemple.fr").await;
    let directory = format!("/annuaire?projet={project}");
    // Validated, but waiting for the parent: no directory, no request.
    let mine = &space_of(&porteur).await.projects[0];
    assert_eq!(
        (mine.title.as_str(), mine.status.as_str()),
        ("Ouvrir une boulangerie", "Validé")
    );
    assert!(mine.waiting_consent && !mine.directory, "{mine:?}");
    let page = porteur.get_html(&directory).await;
    assert!(page.contains(NOT_READY) && !page.contains(r#"name="mentor""#));
    let refused = ask(&porteur, project, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains(NOT_READY));

    // The parent received a link; confirming it opens matching.
    let link = consent_link(&app, "parent@exemple.fr").await;
    let parent = app.browser();
    assert!(parent.get_html(&link).await.contains("Je donne mon accord"));
    let given = parent.post_form(&link, &[]).await;
    assert!(app.follow(given).await.contains("Merci pour votre accord"));
    let mine = &space_of(&porteur).await.projects[0];
    assert!(!mine.waiting_consent && mine.directory, "{mine:?}");
    assert!(
        porteur
            .get_html(&directory)
            .await
            .contains(&format!(r#"name="mentor" value="{mentor}""#))
    );
    let asked = ask(&porteur, project, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(location(&asked), "/mon-espace?avis=demande-envoyee");

    // Withdrawn consent closes it again.
    let withdrawn = parent
        .post_form(&format!("{link}/retirer"), &[("confirm", "1")])
        .await;
    assert!(app.follow(withdrawn).await.contains("Accord retiré"));
    assert!(!space_of(&porteur).await.projects[0].directory);
    let page = porteur.get_html(&directory).await;
    assert!(page.contains(NOT_READY) && !page.contains(r#"name="mentor""#));
    let refused = ask(&porteur, project, other, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains(NOT_READY));
}

#[tokio::test]
async fn under_fifteen_both_consents_are_needed_and_either_withdrawal_stops_suggestions() {
    let app = spawn_demo_app().await;
    let year = chrono::Datelike::year(&app.app.now());
    let mentor = approved_mentor(&app, "m14b@exemple.fr", "2").await;
    person(&app, "Lina", "lina14@exemple.fr").await;
    let porteur = signed_in(&app, "lina14@exemple.fr").await;
    let birth = (year - 14).to_string();
    let mut form = vec![
        ("title", "Créer un club de lecture"),
        (
            "description",
            "Je veux créer un club de lecture au collège.",
        ),
        ("domains", "creation-entreprise"),
        ("stage", "idea"),
        ("commune", "60382"),
        ("languages", "fr"),
        ("birth_year", birth.as_str()),
        ("parent_name", "Karine Essai"),
        ("parent_email", "parent14b@exemple.fr"),
    ];
    // Without the porteur's own consent the project is refused, the form kept.
    let refused = porteur.post_form("/trouver-un-mentor", &form).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("coche la case pour dire que tu es d"),
        "{page}"
    );
    assert!(page.contains("Créer un club de lecture"));
    assert!(app.mail_to("parent14b@exemple.fr").await.is_none());
    form.push(("minor_consent", "1"));
    let sent = porteur.post_form("/trouver-un-mentor", &form).await;
    assert_eq!(sent.status(), 303);
    let project = app
        .app
        .projects_of(app.account_id("lina14@exemple.fr").await)
        .await
        .unwrap()[0]
        .clone();
    let admin = app.account_id("admin@mentorat.example").await;
    app.app
        .review_project(admin, &project, "validate", "")
        .await
        .unwrap();
    let directory = format!("/annuaire?projet={}", project.id);
    // Her consent alone: nothing yet.
    assert!(porteur.get_html(&directory).await.contains(NOT_READY));
    let link = consent_link(&app, "parent14b@exemple.fr").await;
    let parent = app.browser();
    let notice = parent.get_html(&link).await;
    assert!(
        notice.contains("Créer un club de lecture") && notice.contains("12 mois"),
        "the notice names the project and the period: {notice}"
    );
    parent.post_form(&link, &[]).await;
    let page = porteur.get_html(&directory).await;
    assert!(
        page.contains(&format!(r#"name="mentor" value="{mentor}""#)),
        "both consents: suggestions"
    );
    // She withdraws hers (confirmed): suggestions stop, the withdrawal is logged.
    let path = format!("/mon-espace/projets/{}/accord/retirer", project.id);
    let ask = porteur.post_form(&path, &[]).await;
    assert_eq!(ask.status(), 200, "a confirmation page first");
    porteur.post_form(&path, &[("confirm", "1")]).await;
    let page = porteur.get_html(&directory).await;
    assert!(page.contains(NOT_READY) && !page.contains(r#"name="mentor""#));
    assert!(
        porteur
            .get_html("/mon-espace")
            .await
            .contains("Un accord a été retiré")
    );
    let (entries, _) = app
        .app
        .audit_log(
            &mentorat_app::admin::AuditQuery {
                action: Some("minor_consent_withdrawn".into()),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
}
