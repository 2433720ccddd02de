//! Territories on the web: the commune search (HTML and JSON), commune details with the
//! circle that covers them, and the map of the circles.

use crate::helpers::spawn_demo_app;
use serde_json::Value;

async fn json(app: &crate::helpers::TestApp, path: &str) -> (u16, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with(if status < 400 {
                "application/json"
            } else {
                "application/problem+json"
            }),
        "{path}"
    );
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn the_api_finds_communes_by_name_or_postal_code() {
    let app = spawn_demo_app().await;
    for q in ["compi", "compiegne", "60200"] {
        let (status, body) = json(&app, &format!("/api/v1/communes?q={q}")).await;
        assert_eq!(status, 200);
        let first = &body["results"][0];
        assert_eq!(first["code"], "60159", "{q}");
        assert_eq!(first["name"], "Compiègne");
        assert_eq!(first["departement"]["name"], "Oise");
    }
    let (_, body) = json(&app, "/api/v1/communes?q=ath").await;
    assert_eq!(body["results"][0]["code"], "BE-51004");
    assert_eq!(body["results"][0]["country"], "BE");
    let (_, body) = json(&app, "/api/v1/communes?q=saint-&limit=500").await;
    assert_eq!(
        body["results"].as_array().unwrap().len(),
        20,
        "the limit is capped"
    );
    let (_, body) = json(&app, "/api/v1/communes?q=").await;
    assert!(body["results"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_commune_comes_with_its_territories_position_and_circle() {
    let app = spawn_demo_app().await;
    let (status, c) = json(&app, "/api/v1/communes/60382").await;
    assert_eq!(status, 200);
    assert_eq!(c["name"], "Margny-lès-Compiègne");
    assert_eq!(c["intercommunality"]["code"], "200067965");
    assert_eq!(c["intercommunality"]["kind"], "CA");
    assert_eq!(c["departement"]["code"], "60");
    assert_eq!(c["region"]["name"], "Hauts-de-France");
    assert_eq!(c["country"], "FR");
    assert!(c["position"]["lat"].as_f64().unwrap() > 49.0);
    assert_eq!(
        c["circle"]["slug"], "compiegne",
        "the Compiègne circle covers its agglomeration"
    );

    let (_, paris15) = json(&app, "/api/v1/communes/75115").await;
    assert_eq!(
        paris15["code"], "75056",
        "an arrondissement resolves to its commune"
    );
    assert_eq!(paris15["circle"]["slug"], "paris");
    let (_, saint_denis) = json(&app, "/api/v1/communes/93066").await;
    assert_eq!(
        saint_denis["circle"]["slug"], "paris",
        "the Métropole du Grand Paris is covered"
    );
    let (_, brest) = json(&app, "/api/v1/communes/29019").await;
    assert!(brest["circle"].is_null(), "no circle in Brest yet");

    let (status, body) = json(&app, "/api/v1/communes/99999").await;
    assert_eq!(status, 404);
    assert_eq!(body["code"], "not_found");
}

#[tokio::test]
async fn the_commune_search_page_works_without_javascript() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/communes").await;
    assert!(html.contains(r#"<form method="get" action="/communes""#));
    assert!(
        html.contains("data-commune-picker"),
        "enhanced by app.js when available"
    );

    let html = app.get_html("/communes?q=margny").await;
    assert!(html.contains("Margny-lès-Compiègne"));
    assert!(html.contains("60280"));
    assert!(html.contains("Couverte par le Cercle des Mentors de Compiègne"));
    assert!(html.contains(r#"href="/cercles/compiegne""#));

    let html = app.get_html("/communes?q=brest").await;
    assert!(html.contains("Pas encore de cercle ici"));
    let html = app.get_html("/communes?q=qwxyz").await;
    assert!(html.contains("Aucune commune ne correspond à « qwxyz »"));
}

#[tokio::test]
async fn the_map_places_every_demo_circle_and_describes_itself() {
    let app = spawn_demo_app().await;
    let response = app.get("/map.svg").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/svg+xml")
    );
    let svg = response.text().await.unwrap();
    assert!(
        svg.contains(r#"role="img""#)
            && svg.contains("<title id=\"map-title\">Carte des Cercles des Mentors</title>")
    );
    assert!(svg.contains("<desc id=\"map-desc\">1. Cercle des Mentors de Compiègne — Actif"));
    assert_eq!(
        svg.matches("<path ").count(),
        96,
        "the départements of mainland France"
    );
    assert_eq!(
        svg.matches("<g transform=\"translate(").count(),
        10,
        "one marker per demo circle"
    );
    assert!(svg.contains("Cercle des Mentors d&#39;Ath — En projet"));

    let html = app.get_html("/cercles").await;
    assert!(html.contains(r#"<img src="/map.svg""#));
    assert!(html.contains("Les numéros de la carte renvoient à la liste des cercles."));
    assert!(
        html.contains("GeoNames (CC BY 4.0)"),
        "the data is credited where the map is shown"
    );
}
