//! Abuse: brute force is throttled without locking the owner out, no POST passes
//! without its CSRF token, and nothing personal or secret reaches the logs.

use crate::helpers::{DEMO_PASSWORD, spawn_app_with, spawn_demo_app};
use std::collections::BTreeMap;

#[tokio::test]
async fn wrong_passwords_from_rotating_addresses_are_throttled_and_the_owner_still_signs_in() {
    let app = spawn_app_with(|s| s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    app.app.load_demo().await.unwrap();
    let burst = app.app.settings.rate_burst as usize;

    // The owner signed in from this browser before: it carries a device cookie.
    let owner = app.new_client();
    let owner_token = app.csrf_of(&owner, Some("198.51.100.1")).await;
    let first = owner
        .post(app.url("/connexion"))
        .header("x-forwarded-for", "198.51.100.1")
        .form(&[
            ("email", "mentor@mentorat.example"),
            ("password", DEMO_PASSWORD),
            ("csrf", &owner_token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);

    // 150 wrong passwords, each from a different address.
    let attacker = app.new_client();
    let token = app.csrf_of(&attacker, None).await;
    let mut answers: BTreeMap<u16, usize> = BTreeMap::new();
    for i in 0..150u32 {
        let address = format!("203.0.{}.{}", i / 200, i % 200 + 1);
        let response = attacker
            .post(app.url("/connexion"))
            .header("x-forwarded-for", address)
            .form(&[
                ("email", "mentor@mentorat.example"),
                ("password", &format!("essai numéro {i} raté")),
                ("csrf", &token),
            ])
            .send()
            .await
            .unwrap();
        *answers.entry(response.status().as_u16()).or_default() += 1;
        if response.status() == 429 && i == 149 {
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("Trop de tentatives"),
                "answered in French"
            );
        }
    }
    let checked = answers.get(&422).copied().unwrap_or(0);
    assert!(
        checked <= burst,
        "at most {burst} passwords checked, got {answers:?}"
    );
    assert_eq!(
        checked + answers.get(&429).copied().unwrap_or(0),
        150,
        "{answers:?}"
    );
    let (failed, _) = app
        .app
        .audit_log(
            &mentorat_app::admin::AuditQuery {
                action: Some("sign_in_failed".into()),
                ..Default::default()
            },
            0,
            500,
        )
        .await
        .unwrap();
    assert_eq!(
        failed.len(),
        checked,
        "only checked attempts are failures; the rest never reached a hash"
    );

    // The owner, from their own browser and address, still gets in.
    let owner_token = app.csrf_of(&owner, Some("198.51.100.1")).await;
    let again = owner
        .post(app.url("/connexion"))
        .header("x-forwarded-for", "198.51.100.1")
        .form(&[
            ("email", "mentor@mentorat.example"),
            ("password", DEMO_PASSWORD),
            ("csrf", &owner_token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 303, "the real owner can still sign in");
}

#[tokio::test]
async fn an_untrusted_peer_cannot_dodge_the_limit_with_forwarded_headers() {
    let app = spawn_demo_app().await;
    let mut limited = false;
    for i in 0..15 {
        let response = app
            .client
            .post(app.url("/mot-de-passe-oublie"))
            .header("x-forwarded-for", format!("203.0.113.{i}"))
            .header("Origin", &app.address)
            .form(&[
                ("email", format!("personne{i}@exemple.fr").as_str()),
                ("csrf", &app.csrf_token().await),
            ])
            .send()
            .await
            .unwrap();
        limited |= response.status() == 429;
    }
    assert!(
        limited,
        "X-Forwarded-For from an untrusted peer is ignored: one address, one bucket"
    );
}

#[tokio::test]
async fn every_post_without_a_valid_csrf_token_is_refused() {
    let app = spawn_demo_app().await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let token = app.csrf_token().await;
    let posts: Vec<String> = crate::routes::declared()
        .into_iter()
        .filter(|(method, _)| method == "POST")
        .map(|(_, template)| template.replace("{token}", "0000"))
        .collect();
    assert!(posts.len() >= 10, "{posts:?}");
    for path in &posts {
        let without = app
            .client
            .post(app.url(path))
            .header("Origin", &app.address)
            .form(&[("email", "x@y.fr")])
            .send()
            .await
            .unwrap();
        assert_eq!(without.status(), 403, "{path} without a token");
        if path.starts_with("/api/") {
            // The API answers in its own words: a problem document.
            assert_eq!(
                without.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
        } else {
            assert!(
                without.text().await.unwrap().contains("Accès refusé"),
                "{path}: a friendly page"
            );
        }
        let forged = app
            .client
            .post(app.url(path))
            .header("Origin", &app.address)
            .form(&[("csrf", "0".repeat(64).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 403, "{path} with a forged token");
        let foreign = app
            .client
            .post(app.url(path))
            .header("Origin", "https://evil.example")
            .form(&[("csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(foreign.status(), 403, "{path} from a foreign origin");
    }
    // Another browser's token does not work in this one.
    let other = app.new_client();
    let html = other
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&token), "each session has its own token");
    let response = other
        .post(app.url("/connexion"))
        .header("Origin", &app.address)
        .form(&[
            ("email", "admin@mentorat.example"),
            ("password", DEMO_PASSWORD),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn no_password_token_address_or_session_id_reaches_the_logs() {
    let app = spawn_demo_app().await;
    let email = "marqueur.k7q2x@exemple.fr";
    let password = "phrase marqueur zq93 unique";
    let first = app
        .post_form(
            "/inscription",
            &[
                ("first_name", "Marqueur"),
                ("last_name", "Zq"),
                ("email", email),
                ("password", password),
                ("confirmation", password),
            ],
        )
        .await;
    assert_eq!(first.status(), 303);
    app.post_form("/connexion", &[("email", email), ("password", password)])
        .await;
    app.post_form(
        "/connexion",
        &[
            ("email", "inconnu.k7q2x@exemple.fr"),
            ("password", password),
        ],
    )
    .await;
    app.post_form("/mot-de-passe-oublie", &[("email", email)])
        .await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let session = app.client.get(app.url("/")).send().await.unwrap();
    let csrf = app.csrf_token().await;
    drop(session);
    let (messages, _) = app.app.outbox(0, 50).await.unwrap();
    let links: Vec<String> = messages
        .iter()
        .flat_map(|m| {
            m.body_text
                .split_whitespace()
                .filter(|w| w.contains("/compte/"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!links.is_empty());
    let tokens: Vec<&str> = links
        .iter()
        .map(|l| l.rsplit('/').next().unwrap())
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let logs = crate::logs::captured();
    assert!(logs.contains("request"), "the request log is captured");
    for secret in [
        email,
        "inconnu.k7q2x",
        password,
        "mentorat-demo",
        "admin@mentorat.example",
        csrf.as_str(),
    ]
    .into_iter()
    .chain(tokens.iter().copied())
    {
        assert!(!logs.contains(secret), "{secret:?} appears in the logs");
    }
}
