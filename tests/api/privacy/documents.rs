//! « Who viewed » by name, and the documents that follow the settings.

use super::*;

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
