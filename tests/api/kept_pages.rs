//! The public pages kept rendered and compressed for everyone: what a visitor reads is
//! always today's data, in every coding the same page, and never anyone's token or name.

use crate::helpers::{DEMO_PASSWORD, spawn_demo_app};
use std::io::Read;

/// `path` as an anonymous browser accepting `coding` reads it, decoded.
async fn read(app: &crate::helpers::TestApp, path: &str, coding: &str) -> String {
    let response = app
        .new_client()
        .get(app.url(path))
        .header("Accept-Encoding", coding)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let encoding = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.bytes().await.unwrap();
    let mut text = String::new();
    match encoding.as_deref() {
        Some("br") => {
            brotli::Decompressor::new(&body[..], 4096)
                .read_to_string(&mut text)
                .unwrap();
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(&body[..])
                .read_to_string(&mut text)
                .unwrap();
        }
        None => text = String::from_utf8(body.to_vec()).unwrap(),
        Some(other) => panic!("unexpected coding {other}"),
    }
    text
}

#[tokio::test]
async fn a_kept_page_is_the_same_in_every_coding_and_carries_no_token() {
    let app = spawn_demo_app().await;
    for path in ["/", "/cercles", "/cercles/compiegne", "/map.svg"] {
        let plain = read(&app, path, "identity").await;
        assert_eq!(read(&app, path, "br").await, plain, "{path} in brotli");
        assert_eq!(
            read(&app, path, "gzip, deflate").await,
            plain,
            "{path} in gzip"
        );
        assert!(!plain.contains("csrf"), "{path} holds no token");
    }
    // A visitor with a session (and its token) reads the same page as everyone.
    let visitor = app.new_client();
    let token = app.csrf_of(&visitor, None).await;
    let home = visitor
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!home.contains(&token));
    // Signed in, the page is rendered for the person: their menu, their token.
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let mine = app.get_html("/").await;
    assert!(mine.contains("/deconnexion") && mine.contains(&app.csrf_token().await));
    assert!(!read(&app, "/", "br").await.contains("/deconnexion"));
}

#[tokio::test]
async fn what_changes_shows_at_once_on_the_kept_pages() {
    let app = spawn_demo_app().await;
    let before = read(&app, "/cercles", "br").await;
    assert!(!before.contains("Saint-Quentin"));
    let home = read(&app, "/", "br").await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let created = app
        .post_form(
            "/admin/cercles",
            &[
                ("name", "Saint-Quentin"),
                ("commune_query", "Saint-Quentin"),
                ("commune", "02691"),
                ("description_fr", "Un nouveau cercle."),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    for path in ["/cercles", "/", "/map.svg"] {
        assert!(
            read(&app, path, "br").await.contains("Saint-Quentin"),
            "{path} shows the new circle at once"
        );
    }
    assert_ne!(read(&app, "/", "gzip").await, home);
    // A mentor approved (the mentors' own generation moves): the count moves at once.
    let figures = |html: &str| {
        let at = html
            .find("Mentors engagés")
            .expect("the home page's figures");
        html[at..at + 60].to_owned()
    };
    let count_before = figures(&read(&app, "/", "br").await);
    crate::mentoring::approved_mentor(&app, "nouveau-mentor@exemple.fr", "2").await;
    assert_ne!(figures(&read(&app, "/", "br").await), count_before);
}

/// Pages made for each request (here the sign-in form, with its token) come compressed
/// in the coding the browser prefers, whole, and say that they vary with it.
#[tokio::test]
async fn a_page_made_per_request_comes_whole_in_every_coding() {
    let app = spawn_demo_app().await;
    for coding in ["br, gzip", "gzip", "identity"] {
        let response = app
            .new_client()
            .get(app.url("/connexion"))
            .header("Accept-Encoding", coding)
            .send()
            .await
            .unwrap();
        let vary = response.headers()["vary"].to_str().unwrap().to_lowercase();
        assert!(vary.contains("accept-encoding"), "{vary}");
        let expected = match coding {
            "br, gzip" => Some("br"),
            "gzip" => Some("gzip"),
            _ => None,
        };
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            expected
        );
        let page = read(&app, "/connexion", coding).await;
        assert!(
            page.contains("name=\"csrf\"") && page.ends_with("</html>"),
            "{coding}"
        );
    }
}
