//! The API's rows signed by personal tokens.

use super::*;

/// The API's rows once more, signed by personal tokens instead of sessions: a token
/// gets what its owner's session gets, never more (anonymous: no token at all, 401); on
/// the API's writes a read token is refused (`read_only_token`) whatever its owner may
/// do, a read-write one gets its owner's answer; revoked and expired tokens get 401.
#[tokio::test]
async fn api_routes_answer_a_token_as_they_answer_its_owner() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    let places = Places::prepare(&app).await;
    let mut tokens: Vec<Option<(String, String)>> = vec![None];
    for email in ROLES.iter().flatten() {
        let id = app.account_id(email).await;
        let read = app.app.create_api_token(id, "matrice", "read", "30").await;
        let write = app
            .app
            .create_api_token(id, "matrice", "read_write", "30")
            .await;
        tokens.push(Some((read.unwrap(), write.unwrap())));
    }
    // No cookie: only the token signs the requests.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in rows().filter(|r| r.template.starts_with("/api/v1/")) {
        let path = places.fill(row.path);
        for (i, token) in tokens.iter().enumerate() {
            let (status, expected) = if row.method == "GET" {
                let mut request = client.get(app.url(&path));
                if let Some((read, _)) = token {
                    request = request.bearer_auth(read);
                }
                (
                    request.send().await.unwrap().status().as_u16(),
                    row.expect[i],
                )
            } else {
                let Some((read, write)) = token else { continue };
                let form: Vec<(&str, &str)> = row.form.to_vec();
                let refused = client
                    .post(app.url(&path))
                    .bearer_auth(read)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                if refused != 403 {
                    failures.push(format!(
                        "POST {path} with {:?}'s read token: {refused}",
                        ROLES[i]
                    ));
                }
                let answered = client
                    .post(app.url(&path))
                    .bearer_auth(write)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                (answered, row.expect[i])
            };
            checked += 1;
            if status != expected {
                failures.push(format!(
                    "{} {path} with {:?}'s token: got {status}, expected {expected}",
                    row.method, ROLES[i]
                ));
            }
        }
    }
    assert!(checked > 100, "{checked} calls");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A revoked token and an expired one are refused everywhere, even on open routes'
    // owner-only neighbours.
    let admin = app.account_id("admin@mentorat.example").await;
    let secret = app
        .app
        .create_api_token(admin, "révoqué", "read", "30")
        .await
        .unwrap();
    let id = app.app.api_tokens(admin).await.unwrap()[0].id;
    app.app.revoke_api_token(admin, id).await.unwrap();
    let revoked = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 401);
    app.app.clock.advance(chrono::Duration::days(31));
    let (read, _) = tokens[6].clone().unwrap();
    let expired = client
        .get(app.url("/api/v1/dashboard"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), 401);
}
