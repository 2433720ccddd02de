//! The export and the erasure of one person among others.

use super::*;

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
