//! French first, English second: by the browser's preference or the switch.

use crate::helpers::spawn_demo_app;

#[tokio::test]
async fn an_english_browser_gets_english_with_lang_en() {
    let app = spawn_demo_app().await;
    let response = app.get_en("/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Mentoring between people of the same territory"));
    assert!(html.contains("Our target: 10,000 mentors."));
    assert!(!html.contains("Prochains rendez-vous"));
}

#[tokio::test]
async fn the_language_switch_is_remembered_and_returns_to_the_same_page() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/cercles/compiegne").await;
    assert!(html.contains(r#"href="/langue/en?retour=/cercles/compiegne""#));

    let response = app.get("/langue/en?retour=/cercles/compiegne").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/cercles/compiegne");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // The client keeps the cookie: every later page is in English, even for a
    // browser that prefers French.
    let html = app
        .client
        .get(app.url("/cercles/compiegne"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("inaugurated on 11 February 2016"));
    assert!(html.contains("2nd edition"));
}

#[tokio::test]
async fn the_switch_never_redirects_to_another_site() {
    let app = spawn_demo_app().await;
    for evil in ["https://evil.example/", "//evil.example", "/\\evil.example"] {
        let url = format!("{}/langue/fr?retour={}", app.address, urlencode(evil));
        let response = app.client.get(url).send().await.unwrap();
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/", "{evil}");
    }
    assert_eq!(app.get("/langue/de").await.status(), 404);
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// Counts agree with their noun, in words that fit whoever they count: « 1 personne
/// inscrite », « 2 personnes présentes », never « 1 présents »; a wait of one day says
/// « 1 jour ».
#[tokio::test]
async fn counts_agree_with_their_nouns_in_both_languages() {
    let app = spawn_demo_app().await;
    let id = crate::events::event_with_capacity(&app, 5, chrono::Duration::days(4)).await;
    let visitor = app.new_client();
    let registered = app
        .post_form_from(
            &visitor,
            &format!("/evenements/{id}/inscription"),
            &[("first_name", "Inès"), ("email", "ines@exemple.fr")],
        )
        .await;
    assert_eq!(registered.status(), 303);
    app.sign_in("admin@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let list = app
        .get_html(&format!("/evenements/{id}/inscriptions"))
        .await;
    assert!(
        list.contains("1 personne inscrite, 0 en liste d&#39;attente, 0 personne présente."),
        "{list}"
    );
    let list = app
        .get_en(&format!("/evenements/{id}/inscriptions"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("1 person registered, 0 on the waiting list, 0 people present."),
        "{list}"
    );

    crate::mentoring::validated_porteur(&app, "attente@exemple.fr", 1985).await;
    app.app.clock.advance(chrono::Duration::days(1));
    let coordinator =
        crate::mentoring::signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = coordinator.get_html("/coordination").await;
    assert!(
        page.contains("depuis 1 jour<") || page.contains("depuis 1 jour "),
        "one day"
    );
    assert!(!page.contains("depuis 1 jours"));
}

/// The growth chart names each month by the locale's own abbreviation (no two months
/// alike: « juin » and « juil. »), and its English tooltips read « June 2026: 3 ».
#[tokio::test]
async fn the_growth_charts_months_are_told_apart_in_each_language() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let labels = |html: &str| -> Vec<String> {
        html.split("aria-hidden=\"true\">")
            .skip(1)
            .filter_map(|t| t.split("</text>").next())
            .filter(|t| !t.contains('<'))
            .map(str::to_owned)
            .collect()
    };
    let french = app.get_html("/admin/tableau-de-bord").await;
    let shown = labels(&french);
    assert_eq!(shown.len(), 12, "{shown:?}");
    let distinct: std::collections::BTreeSet<String> = shown
        .iter()
        .map(|l| l[..l.rfind(' ').unwrap()].to_owned())
        .collect();
    assert_eq!(distinct.len(), 12, "every month its own label: {shown:?}");
    for l in &shown {
        assert!(!l.contains("jui.") && !l.contains("mai."), "{l}");
    }
    assert!(
        french.contains(" : "),
        "French puts a space before the colon"
    );
    let english = app
        .get_en("/admin/tableau-de-bord")
        .await
        .text()
        .await
        .unwrap();
    let shown = labels(&english);
    assert_eq!(shown.len(), 12, "{shown:?}");
    let titles: Vec<&str> = english
        .split("<title>")
        .skip(2)
        .filter_map(|t| t.split("</title>").next())
        .collect();
    assert_eq!(titles.len(), 12, "{titles:?}");
    for t in titles {
        assert!(
            !t.contains(" :") && t.contains(": "),
            "English tooltip: « {t} »"
        );
    }
}
