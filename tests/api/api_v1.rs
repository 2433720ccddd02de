//! The JSON API as a partner's tool meets it: personal tokens (made, shown once, read
//! or read-write, revoked, expired), the pages' access rules, cursor pages, problem
//! documents for every error, and the OpenAPI document.

use crate::helpers::{TestApp, spawn_demo_app};
use crate::mentoring::{between, days_pass, signed_in, unescape};
use serde_json::Value;

/// Makes a token from « Mes jetons d'API » in `email`'s browser; its secret.
async fn token(app: &TestApp, email: &str, scope: &str, days: &str) -> String {
    let browser = signed_in(app, email).await;
    let made = browser
        .post_form(
            "/compte/jetons",
            &[("label", "Mon tableur"), ("scope", scope), ("days", days)],
        )
        .await;
    assert_eq!(made.status(), 200);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.unwrap();
    let secret = unescape(
        between(
            &html,
            "<code class=\"wrap-anywhere\" id=\"new-token\">",
            "</code>",
        )
        .unwrap(),
    );
    assert!(secret.starts_with("mentorat_"), "{secret}");
    // Shown once: the list shows the name, never the secret.
    let list = browser.get_html("/compte/jetons").await;
    assert!(list.contains("Mon tableur"));
    assert!(!list.contains(&secret));
    secret
}

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    secret: Option<&str>,
    body: Option<Value>,
) -> (u16, String, Value) {
    let mut request = app.new_client().request(method, app.url(path));
    if let Some(s) = secret {
        request = request.bearer_auth(s);
    }
    if let Some(b) = body {
        request = request.json(&b);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    (
        status,
        kind,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

async fn get(app: &TestApp, path: &str, secret: Option<&str>) -> (u16, String, Value) {
    call(app, reqwest::Method::GET, path, secret, None).await
}

#[tokio::test]
async fn every_api_error_is_a_problem_document_unknown_paths_included() {
    let app = spawn_demo_app().await;
    for (method, path, status, code) in [
        (
            reqwest::Method::GET,
            "/api/v1/nothing-here",
            404,
            "not_found",
        ),
        (reqwest::Method::GET, "/api/v2/circles", 404, "not_found"),
        (
            reqwest::Method::GET,
            "/api/v1/circles/nowhere",
            404,
            "not_found",
        ),
        (
            reqwest::Method::GET,
            "/api/v1/circles?limit=0",
            422,
            "invalid",
        ),
        (
            reqwest::Method::GET,
            "/api/v1/circles?limit=abc",
            400,
            "bad_request",
        ),
        (
            reqwest::Method::GET,
            "/api/v1/circles?cursor=zz",
            422,
            "invalid",
        ),
        (reqwest::Method::GET, "/api/v1/me", 401, "unauthorized"),
        // Without a token, a write needs the session's CSRF token.
        (reqwest::Method::POST, "/api/v1/circles", 403, "forbidden"),
    ] {
        let (got, kind, body) = call(&app, method.clone(), path, None, None).await;
        assert_eq!(got, status, "{method} {path}");
        assert_eq!(kind, "application/problem+json", "{method} {path}");
        assert_eq!(body["status"], status, "{method} {path}");
        assert_eq!(body["code"], code, "{method} {path}");
        assert_eq!(body["type"], "about:blank");
        assert!(body["title"].is_string());
    }
    // With a token that may write, the router's own refusals are problems too.
    let writer = token(&app, "mentor@mentorat.example", "read_write", "30").await;
    let (status, kind, body) = call(
        &app,
        reqwest::Method::DELETE,
        "/api/v1/circles",
        Some(&writer),
        None,
    )
    .await;
    assert_eq!((status, kind.as_str()), (405, "application/problem+json"));
    assert_eq!(body["code"], "method_not_allowed");
    // A bad token is refused, with the header that says how to sign.
    let response = app
        .new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth("mentorat_0000")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"mentorat\""
    );
}

#[tokio::test]
async fn a_token_reads_what_its_owner_sees_and_writes_only_when_it_may() {
    let app = spawn_demo_app().await;
    let mentor_read = token(&app, "mentor@mentorat.example", "read", "90").await;
    let mentor_write = token(&app, "mentor@mentorat.example", "read_write", "30").await;
    let porteur = token(&app, "porteur@mentorat.example", "read_write", "365").await;
    let coordinator = token(
        &app,
        "coordination.compiegne@mentorat.example",
        "read",
        "30",
    )
    .await;

    let (status, _, me) = get(&app, "/api/v1/me", Some(&mentor_read)).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], "mentor@mentorat.example");
    assert!(
        me["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["role"] == "mentor")
    );

    // The mentor's relationships: theirs only; the porteur cannot see them.
    let (_, _, mine) = get(&app, "/api/v1/mentorships", Some(&mentor_read)).await;
    let items = mine["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let mentor_id = me["id"].as_str().unwrap();
    assert!(
        items
            .iter()
            .all(|m| m["mentor_id"] == mentor_id || m["mentee_id"] == mentor_id)
    );
    let id = items[0]["id"].as_str().unwrap().to_owned();
    let (status, kind, _) = get(&app, &format!("/api/v1/mentorships/{id}"), Some(&porteur)).await;
    assert_eq!((status, kind.as_str()), (404, "application/problem+json"));
    let (status, _, one) = get(
        &app,
        &format!("/api/v1/mentorships/{id}"),
        Some(&mentor_read),
    )
    .await;
    assert_eq!(status, 200);
    // Neither private notes nor messages travel.
    assert!(one.get("notes").is_none() && one.get("messages").is_none());

    // Writing: a read token is refused; a read-write one adds the goal.
    let goal = serde_json::json!({ "title": "Objectif par l'API" });
    let path = format!("/api/v1/mentorships/{id}/goals");
    let (status, _, body) = call(
        &app,
        reqwest::Method::POST,
        &path,
        Some(&mentor_read),
        Some(goal.clone()),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("read_only_token"))
    );
    let (status, _, _) = call(
        &app,
        reqwest::Method::POST,
        &path,
        Some(&porteur),
        Some(goal.clone()),
    )
    .await;
    assert_eq!(status, 404, "the porteur is not of this pair");
    let (status, _, _) = call(
        &app,
        reqwest::Method::POST,
        &path,
        Some(&mentor_write),
        Some(goal.clone()),
    )
    .await;
    assert_eq!(status, 204);
    let goals = app.app.goals(id.parse().unwrap()).await.unwrap();
    assert!(goals.iter().any(|g| g.title == "Objectif par l'API"));
    let (status, _, body) = call(
        &app,
        reqwest::Method::POST,
        &path,
        Some(&mentor_write),
        Some(serde_json::json!({ "title": "" })),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (422, Some("invalid")));

    // A circle's projects: its coordinator, not the mentor; each read is logged.
    let projects = "/api/v1/circles/compiegne/projects?limit=100";
    let (status, _, _) = get(&app, projects, Some(&mentor_read)).await;
    assert_eq!(status, 403);
    let (status, _, page) = get(&app, projects, Some(&coordinator)).await;
    assert_eq!(status, 200);
    let first = page["items"][0].clone();
    assert!(
        first["porteur"].as_str().unwrap().ends_with('.'),
        "first name and initial only"
    );
    app.app.deferred.settle().await;
    let coordinator_id = app
        .account_id("coordination.compiegne@mentorat.example")
        .await;
    let (entries, _) = app
        .app
        .store
        .audit_entries(
            &mentorat_store::AuditFilter {
                action: Some("mentee_viewed".into()),
                actor_id: Some(coordinator_id),
                subject_id: None,
                since: None,
                until: None,
            },
            0,
            200,
        )
        .await
        .unwrap();
    let logged = entries
        .iter()
        .filter(|e| e.action == "mentee_viewed")
        .count();
    assert_eq!(logged, page["items"].as_array().unwrap().len());

    // Revoked: refused at once.
    let browser = signed_in(&app, "mentor@mentorat.example").await;
    let html = browser.get_html("/compte/jetons").await;
    let revoke = between(&html, "action=\"/compte/jetons/", "/revoquer")
        .unwrap()
        .to_owned();
    let done = browser
        .post_form(
            &format!("/compte/jetons/{revoke}/revoquer"),
            &[("confirm", "1")],
        )
        .await;
    assert_eq!(done.status(), 303);
    let mut refused = 0;
    for secret in [mentor_read.as_str(), mentor_write.as_str()] {
        if get(&app, "/api/v1/me", Some(secret)).await.0 == 401 {
            refused += 1;
        }
    }
    assert_eq!(refused, 1, "exactly the token revoked is refused");

    // Expired: the 30-day tokens stop after 30 days, the 365-day one goes on.
    days_pass(&app, 31).await;
    assert_eq!(get(&app, "/api/v1/me", Some(&coordinator)).await.0, 401);
    assert_eq!(get(&app, "/api/v1/me", Some(&porteur)).await.0, 200);
}

#[tokio::test]
async fn lists_are_walked_page_by_page_with_the_cursor() {
    let app = spawn_demo_app().await;
    let (_, _, all) = get(&app, "/api/v1/circles?limit=100", None).await;
    let all: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect();
    assert!(all.len() > 2);
    let mut walked = Vec::new();
    let mut path = "/api/v1/circles?limit=2".to_owned();
    loop {
        let (status, _, page) = get(&app, &path, None).await;
        assert_eq!(status, 200);
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        walked.extend(items.iter().map(|c| c["slug"].as_str().unwrap().to_owned()));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/circles?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(walked, all);
    // Events the same way, soonest first.
    let (_, _, events) = get(&app, "/api/v1/events?limit=100", None).await;
    let total = events["items"].as_array().unwrap().len();
    let mut seen = 0;
    let mut path = "/api/v1/events?limit=1".to_owned();
    let mut last = String::new();
    loop {
        let (_, _, page) = get(&app, &path, None).await;
        for e in page["items"].as_array().unwrap() {
            let at = e["starts_at"].as_str().unwrap().to_owned();
            assert!(at >= last);
            last = at;
            seen += 1;
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/events?limit=1&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, total);
    assert!(total > 0);
}

#[tokio::test]
async fn a_circles_mentors_are_walked_page_by_page_with_their_public_profile_only() {
    let app = spawn_demo_app().await;
    let coordinator = token(
        &app,
        "coordination.compiegne@mentorat.example",
        "read",
        "30",
    )
    .await;
    let approved = app
        .app
        .circles()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.circle.slug.as_str() == "compiegne")
        .unwrap()
        .active_mentors;
    assert!(approved > 2);
    let mut seen = std::collections::BTreeSet::new();
    let mut path = "/api/v1/circles/compiegne/mentors?limit=2".to_owned();
    loop {
        let (status, _, page) = get(&app, &path, Some(&coordinator)).await;
        assert_eq!(status, 200);
        for m in page["items"].as_array().unwrap() {
            let keys: Vec<&str> = m.as_object().unwrap().keys().map(String::as_str).collect();
            assert!(
                !keys
                    .iter()
                    .any(|k| k.contains("mail") || k.contains("phone")),
                "{keys:?}"
            );
            assert!(m["name"].as_str().unwrap().ends_with('.'), "{m}");
            assert!(!m["fields"].as_array().unwrap().is_empty(), "{m}");
            assert!(seen.insert(m["id"].as_str().unwrap().to_owned()), "once");
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/circles/compiegne/mentors?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, approved);
    // Not another circle's coordinator.
    let (status, _, _) = get(&app, "/api/v1/circles/paris/mentors", Some(&coordinator)).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_tokens_owner_sees_the_day_it_was_last_used() {
    let app = spawn_demo_app().await;
    let secret = token(&app, "mentor@mentorat.example", "read", "30").await;
    let browser = signed_in(&app, "mentor@mentorat.example").await;
    let before = unescape(&browser.get_html("/compte/jetons").await);
    assert!(before.contains("<td>Jamais</td>"), "{before}");
    assert_eq!(get(&app, "/api/v1/me", Some(&secret)).await.0, 200);
    assert_eq!(get(&app, "/api/v1/me", Some(&secret)).await.0, 200);
    app.app.deferred.settle().await;
    let today = app
        .app
        .tr(mentorat_domain::Locale::Fr)
        .date(&app.app.now().date_naive());
    let after = unescape(&browser.get_html("/compte/jetons").await);
    assert!(
        after.contains(&format!("<td>{today}</td><td>Actif")),
        "{today}: {after}"
    );
    assert!(!after.contains("<td>Jamais</td>"), "{after}");
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_the_docs_page_reads_it() {
    let app = spawn_demo_app().await;
    let (status, kind, doc) = get(&app, "/api/v1/openapi.json", None).await;
    assert_eq!((status, kind.as_str()), (200, "application/json"));
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let declared = crate::routes::declared()
        .into_iter()
        .map(|(_, route)| route)
        .filter(|r| {
            r.starts_with("/api/v1/") && !r.ends_with("openapi.json") && !r.ends_with("/docs")
        })
        .collect::<std::collections::BTreeSet<_>>();
    for route in &declared {
        assert!(
            paths.contains_key(route.as_str()),
            "{route} is not in the document"
        );
    }
    assert!(doc["components"]["securitySchemes"]["token"].is_object());
    let html = app.get_html("/api/v1/docs").await;
    for route in &declared {
        assert!(html.contains(route.as_str()), "{route} is not on the page");
    }
    assert!(html.contains("next_cursor"));
}

#[tokio::test]
async fn the_operator_makes_a_token_from_the_command_line() {
    let app = spawn_demo_app().await;
    let out = crate::cli::run(
        crate::cli::mentorat_with(app.database_url())
            .args(["admin", "token", "--email", "admin@mentorat.example"])
            .args(["--scope", "read_write", "--days", "30"]),
    );
    let secret = out.trim();
    let (status, _, me) = get(&app, "/api/v1/me", Some(secret)).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], "admin@mentorat.example");
    let refused = crate::cli::mentorat_with(app.database_url())
        .args([
            "admin",
            "token",
            "--email",
            "admin@mentorat.example",
            "--days",
            "7",
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("invalid --days"));
}
