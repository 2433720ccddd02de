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
