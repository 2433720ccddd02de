//! Presenting a project: a porteur under 15 needs a parent's consent before any match.

use super::*;

const NOT_READY: &str = "Ce projet n&#39;est pas encore prêt pour une mise en relation";

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
    let mail = app
        .mail_to("parent@exemple.fr")
        .await
        .expect("the parent is asked");
    let link = mail
        .body_text
        .split_whitespace()
        .find_map(|w| {
            w.strip_prefix(&app.address)
                .filter(|path| path.starts_with("/consentement/"))
        })
        .expect("a link to give consent")
        .to_owned();
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
