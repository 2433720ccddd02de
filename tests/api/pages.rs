//! The public pages: what a visitor sees.

use crate::helpers::{spawn_app, spawn_demo_app};

#[tokio::test]
async fn a_newcomer_sees_the_french_home_page_with_the_demo_circles() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/").await;
    assert!(html.contains(r#"<html lang="fr">"#));
    assert!(html.contains("Le mentorat entre habitants d&#39;un même territoire"));
    assert!(
        html.contains("Qu&#39;est-ce que le mentorat ?"),
        "the three questions of the conference"
    );
    for name in [
        "Compiègne",
        "Paris",
        "Lille",
        "Orléans",
        "Amiens",
        "Ath",
        "Bordeaux",
        "Beauvais",
        "Montpellier",
        "Lyon",
    ] {
        assert!(html.contains(name), "circle {name} listed");
    }
    assert!(
        html.contains("Cercle des Mentors d&#39;Orléans"),
        "French elision"
    );
    assert!(html.contains("Notre objectif : 10\u{202f}000 mentors."));
    assert!(html.contains("Prochains rendez-vous"));
    assert!(
        html.contains("À la recherche du mentorat perdu"),
        "upcoming conferences listed"
    );
}

#[tokio::test]
async fn an_empty_platform_says_what_to_do_next() {
    let app = spawn_app().await;
    let html = app.get_html("/").await;
    assert!(html.contains("Aucun rendez-vous n&#39;est annoncé pour l&#39;instant"));
    assert!(html.contains("Aucun cercle n&#39;est encore ouvert"));
}

#[tokio::test]
async fn the_circles_page_lists_active_circles_first() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/cercles").await;
    let compiegne = html.find("Cercle des Mentors de Compiègne").unwrap();
    let lille = html.find("Cercle des Mentors de Lille").unwrap();
    let lyon = html.find("Cercle des Mentors de Lyon").unwrap();
    assert!(
        compiegne < lille && lille < lyon,
        "active, then launching, then planned"
    );
    assert!(html.contains("En lancement"));
}

#[tokio::test]
async fn a_circle_page_shows_its_figures_editions_and_next_events_but_no_person() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/cercles/compiegne").await;
    assert!(html.contains("inauguré le 11 février 2016"));
    assert!(html.contains("2e édition"));
    assert!(html.contains("1re édition"));
    assert!(html.contains("mentors actifs"));
    assert!(
        html.contains("Édition du Cercle des Mentors"),
        "next edition announced, named in the reader's language"
    );
    let english = app.get_en("/cercles/compiegne").await.text().await.unwrap();
    assert!(english.contains("Cercle des Mentors meeting") && !english.contains("Édition du"));
    assert!(
        !html.contains("Sophie"),
        "no mentor is named on a public page"
    );
    assert!(!html.contains("@"), "no e-mail address on a public page");
}

#[tokio::test]
async fn an_unknown_circle_or_page_gets_a_helpful_404() {
    let app = spawn_demo_app().await;
    for path in ["/cercles/atlantide", "/cercles/NOT_A_SLUG", "/nulle-part"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("Page introuvable"), "{path}");
        assert!(html.contains(r#"href="/""#), "a way back home");
    }
    let response = app.get_en("/nulle-part").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}

#[tokio::test]
async fn health_and_readiness_probes_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
    app.app.store.close().await;
    assert_eq!(
        app.get("/readyz").await.status(),
        503,
        "a closed database is not ready"
    );
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "the process is still alive"
    );
}

/// `/robots.txt` keeps crawlers to the public pages, and `/favicon.ico` answers with the
/// site's own icon (both were 404).
#[tokio::test]
async fn robots_are_kept_to_public_pages_and_the_icon_is_found_where_tools_look() {
    let app = crate::helpers::spawn_demo_app().await;
    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status(), 200);
    assert!(
        robots.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = robots.text().await.unwrap();
    for private in [
        "/admin/",
        "/mon-espace",
        "/mentorats/",
        "/coordination",
        "/annuaire",
    ] {
        assert!(text.contains(&format!("Disallow: {private}")), "{private}");
    }
    assert!(!text.contains("Disallow: /cercles") && !text.contains("Disallow: /evenements"));
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    assert!(icon.text().await.unwrap().contains("<svg"));
}
