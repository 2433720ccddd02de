//! What every response must carry, whatever the page: security headers, no external
//! host, bounded request sizes, cacheable compressed assets.

use crate::helpers::{PUBLIC_PAGES, spawn_demo_app};

fn assert_security_headers(path: &str, headers: &reqwest::header::HeaderMap) {
    let csp = headers
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{path}: no CSP"))
        .to_str()
        .unwrap();
    let script_src = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap_or_else(|| panic!("{path}: no script-src"));
    assert!(!script_src.contains("unsafe-inline"), "{path}: {csp}");
    for directive in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            csp.contains(directive),
            "{path}: {directive} missing from {csp}"
        );
    }
    assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    assert!(headers.contains_key("referrer-policy"), "{path}");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/").await;
    let css = html
        .split("href=\"")
        .find_map(|s| s.split('"').next().filter(|h| h.ends_with("app.css")))
        .unwrap()
        .to_owned();
    let mut paths: Vec<&str> = PUBLIC_PAGES.to_vec();
    paths.extend([
        "/healthz",
        "/readyz",
        "/langue/en",
        "/static/0/app.css",
        css.as_str(),
    ]);
    for path in paths {
        let response = app.get(path).await;
        assert_security_headers(path, response.headers());
    }
    let post = app
        .post_form(
            "/compte/mot-de-passe/unknown",
            &[("password", "x"), ("confirmation", "x")],
        )
        .await;
    assert_security_headers("POST", post.headers());
}

/// Finds every `src=`, `href=` and `action=` value and CSS `url(` of a page, each with
/// whether it is a link (`<a href>`, followed only when the visitor chooses to) rather than
/// something the page loads or sends to.
fn references(html: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\"", "action=\"", "url("] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let end = rest.find(['"', ')']).unwrap_or(rest.len());
            let tag = &html[html[..i].rfind('<').unwrap_or(0)..i];
            let link = attr == "href=\"" && tag.starts_with("<a ");
            out.push((link, rest[..end].to_owned()));
        }
    }
    out
}

#[tokio::test]
async fn no_page_references_an_external_host() {
    let app = spawn_demo_app().await;
    for path in PUBLIC_PAGES {
        let html = app.get(path).await.text().await.unwrap();
        for (link, reference) in references(&html) {
            let external = reference.starts_with("//") || reference.contains("://");
            // Links out (the CNIL, the association's donation page) are https.
            assert!(
                !external || (link && reference.starts_with("https://")),
                "{path} loads or sends to {reference}"
            );
        }
        assert!(!html.contains("http://"), "{path} names a host in clear");
        // Assets it links to exist and are ours.
        for (_, reference) in references(&html)
            .iter()
            .filter(|(_, r)| r.starts_with("/static/"))
        {
            assert_eq!(app.get(reference).await.status(), 200, "{reference}");
        }
    }
}

#[tokio::test]
async fn assets_are_cached_for_a_year_and_compressed() {
    let app = spawn_demo_app().await;
    let html = app.get_html("/").await;
    let (_, css) = references(&html)
        .into_iter()
        .find(|(_, r)| r.ends_with("app.css"))
        .unwrap();
    let response = app
        .client
        .get(app.url(&css))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    // A stale hash is not served from the cache key of another version.
    assert_eq!(
        app.get("/static/0000000000000000/app.css").await.status(),
        404
    );
}

#[tokio::test]
async fn an_oversized_request_is_refused() {
    let app = spawn_demo_app().await;
    let big = "x".repeat(200 * 1024);
    let response = app
        .post_form(
            "/compte/mot-de-passe/whatever",
            &[("password", &big), ("confirmation", &big)],
        )
        .await;
    assert_eq!(response.status(), 413);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Envoi trop volumineux")
    );
}
