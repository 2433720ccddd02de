//! The association's own details: the legal notice and the privacy page read them from
//! the settings kept in the database, and they change when the national team edits them.

use crate::helpers::spawn_demo_app;
use crate::mentoring::{location, signed_in};

const NATIONAL: &str = "admin@mentorat.example";

#[tokio::test]
async fn the_legal_notice_shows_the_details_the_national_team_saves() {
    let app = spawn_demo_app().await;
    let legal = app.get_html("/mentions-legales").await;
    assert!(legal.contains("Cercles des Mentors"), "the default name");
    assert!(
        legal.contains("Non renseigné"),
        "details not given yet say so"
    );
    // Every page's footer leads to the legal notice, the privacy page and the contact form.
    for path in ["/", "/cercles", "/mentions-legales"] {
        let html = app.get_html(path).await;
        let footer = &html[html.find("<footer").unwrap()..];
        for href in [
            "/mentions-legales",
            "/confidentialite",
            "/soutenir",
            "/contact",
        ] {
            assert!(
                footer.contains(&format!("href=\"{href}\"")),
                "{path}: {href}"
            );
        }
    }

    let national = signed_in(&app, NATIONAL).await;
    let details = [
        ("name", "Mentorat Oise"),
        ("address", "12 rue Solférino\r\n60200 Compiègne"),
        ("registration", "W601234567"),
        ("publisher", "Aïcha Benali"),
        ("host", "Hébergeur Coopératif\r\n75011 Paris"),
        ("privacy_contact", "donnees@mentorat-oise.example"),
        ("membership_url", "https://mentorat-oise.example/adherer"),
        ("donation_url", "https://mentorat-oise.example/don"),
    ];
    let saved = national.post_form("/admin/association", &details).await;
    assert_eq!(saved.status(), 303);
    let to = location(&saved);
    assert!(national.get_html(&to).await.contains("sont enregistrées."));

    let legal = app.get_html("/mentions-legales").await;
    for shown in [
        "Mentorat Oise",
        "12 rue Solférino<br>60200 Compiègne",
        "W601234567",
        "Aïcha Benali",
        "Hébergeur Coopératif<br>75011 Paris",
        "donnees@mentorat-oise.example",
    ] {
        assert!(legal.contains(shown), "the legal notice shows {shown}");
    }
    assert!(!legal.contains("Non renseigné"));
    let privacy = app.get_html("/confidentialite").await;
    assert!(privacy.contains("Mentorat Oise est responsable"));
    assert!(privacy.contains("href=\"mailto:donnees@mentorat-oise.example\""));
    // In English too, with the same details.
    let english = app.get_en("/mentions-legales").await.text().await.unwrap();
    assert!(english.contains("Legal notice") && english.contains("Aïcha Benali"));

    // The form shows what is saved; the action is in the access log.
    let form = national.get_html("/admin/association").await;
    assert!(form.contains("value=\"https://mentorat-oise.example/don\""));
    let (entries, _) = app.app.audit_log(&Default::default(), 0, 5).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "association_edited"));
}

#[tokio::test]
async fn a_refused_detail_keeps_what_was_typed_and_saves_nothing() {
    let app = spawn_demo_app().await;
    let national = signed_in(&app, NATIONAL).await;
    for (field, bad) in [
        ("donation_url", "javascript:alert(1)"),
        ("privacy_contact", "pas une adresse"),
        ("name", ""),
    ] {
        let mut form = vec![
            ("name", "Mentorat Oise"),
            ("publisher", "Aïcha Benali"),
            ("donation_url", "https://mentorat-oise.example/don"),
            ("privacy_contact", "donnees@mentorat-oise.example"),
        ];
        form.retain(|(k, _)| *k != field);
        form.push((field, bad));
        let refused = national.post_form("/admin/association", &form).await;
        assert_eq!(refused.status(), 422, "{field}");
        let html = refused.text().await.unwrap();
        assert!(
            html.contains("role=\"alert\""),
            "{field}: the error is said"
        );
        assert!(
            html.contains(&format!("id=\"association-{field}\" name=\"{field}\"")),
            "{field}"
        );
        for (k, v) in &form {
            if *k != field {
                assert!(
                    html.contains(&format!("value=\"{v}\"")),
                    "{field}: {k} kept"
                );
            }
        }
        let legal = app.get_html("/mentions-legales").await;
        assert!(!legal.contains("Aïcha Benali"), "{field}: nothing saved");
    }
}

#[tokio::test]
async fn the_support_page_offers_the_links_the_national_team_configures() {
    let app = spawn_demo_app().await;
    let page = app.get_html("/soutenir").await;
    assert!(page.contains("Soutenir l&#39;association"));
    assert!(
        page.contains("Votre confiance nous engage."),
        "the usual text"
    );
    assert!(page.contains("Merci pour votre soutien."));
    for volunteer in ["/devenir-mentor", "/accueillir-une-conference", "/contact"] {
        assert!(
            page.contains(&format!("href=\"{volunteer}\"")),
            "{volunteer}"
        );
    }
    assert!(
        !page.contains("Faire un don"),
        "no donation link until one is configured"
    );
    let english = app.get_en("/soutenir").await.text().await.unwrap();
    assert!(
        english.contains("Support the association") && english.contains("Your trust commits us.")
    );
    assert!(
        app.get_html("/").await.contains("href=\"/soutenir\""),
        "the home page leads to it"
    );

    let national = signed_in(&app, NATIONAL).await;
    let saved = national
        .post_form(
            "/admin/association",
            &[
                ("name", "Cercles des Mentors"),
                ("membership_url", "https://paiement.example/adherer"),
                ("donation_url", "https://paiement.example/don"),
                (
                    "support_text",
                    "Chaque don finance une conférence.\r\nMerci !",
                ),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let page = app.get_html("/soutenir").await;
    assert!(page.contains("href=\"https://paiement.example/adherer\""));
    assert!(
        page.contains("href=\"https://paiement.example/don\"") && page.contains("Faire un don")
    );
    assert!(page.contains("Chaque don finance une conférence."));
    assert!(
        !page.contains("Votre confiance nous engage."),
        "the national team's words replace ours"
    );
    let english = app.get_en("/soutenir").await.text().await.unwrap();
    assert!(
        english.contains("Make a donation") && english.contains("https://paiement.example/don")
    );
}
