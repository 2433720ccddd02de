//! Accounts: the journeys of issue 4, with e-mails delivered to a real SMTP server.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app, spawn_app_with, spawn_demo_app};
use crate::smtp::SmtpServer;
use mentorat_domain::Email;

const STRONG: &str = "la grange bleue du vieux moulin";
const STRONGER: &str = "sept hirondelles sur le fil électrique";

async fn with_smtp() -> Option<(TestApp, SmtpServer)> {
    let smtp = SmtpServer::start()?;
    let url = smtp.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(url)).await;
    Some((app, smtp))
}

fn path_of(app: &TestApp, link: &str) -> String {
    link.strip_prefix(&app.address)
        .unwrap_or_else(|| panic!("{link} is not on {}", app.address))
        .to_owned()
}

async fn sign_up(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_form(
        "/inscription",
        &[
            ("first_name", "Élodie"),
            ("last_name", "Marchand"),
            ("email", email),
            ("password", password),
            ("confirmation", password),
        ],
    )
    .await
}

#[tokio::test]
async fn sign_up_verify_sign_in_change_password_and_sign_out() {
    let Some((app, smtp)) = with_smtp().await else {
        return;
    };
    let response = sign_up(&app, "elodie@exemple.fr", STRONG).await;
    assert!(
        app.follow(response)
            .await
            .contains("Vérifiez votre messagerie")
    );

    // Not verified yet: signing in is refused, and a new link is sent.
    let early = app
        .post_form(
            "/connexion",
            &[("email", "elodie@exemple.fr"), ("password", STRONG)],
        )
        .await;
    assert_eq!(early.status(), 422);
    assert!(early.text().await.unwrap().contains("pas encore confirmée"));

    // Two links were sent; the second replaced the first.
    let mails = smtp
        .wait_for_all("elodie@exemple.fr", "Confirmez votre adresse e-mail", 2)
        .await;
    let mut confirmed = 0;
    for mail in &mails {
        assert_eq!(
            mail.subject, "Confirmez votre adresse e-mail",
            "a French subject with accents, decoded"
        );
        assert!(mail.text.contains("Bonjour Élodie,"));
        assert!(mail.html.contains(r#"<html lang="fr">"#));
        let link = path_of(
            &app,
            &mail.link(&format!("{}/compte/verifier/", app.address)),
        );
        let page = app.get(&link).await;
        assert_eq!(
            page.status(),
            200,
            "opening the link changes nothing by itself"
        );
        let verified = app.post_form(&link, &[]).await;
        if verified.text().await.unwrap().contains("Adresse confirmée") {
            confirmed += 1;
        }
    }
    assert_eq!(confirmed, 1, "only the latest link works");

    app.sign_in("elodie@exemple.fr", STRONG).await;
    let account = app.get_html("/compte").await;
    assert!(account.contains("Élodie Marchand (elodie@exemple.fr)"));

    let changed = app
        .post_form(
            "/compte/mot-de-passe",
            &[
                ("current_password", STRONG),
                ("password", STRONGER),
                ("confirmation", STRONGER),
            ],
        )
        .await;
    assert_eq!(changed.status(), 303);
    assert_eq!(
        changed.headers()["location"],
        "/connexion?avis=mot-de-passe-change"
    );
    assert_eq!(
        app.get("/compte").await.status(),
        303,
        "the password change ended the session"
    );
    smtp.wait_for("elodie@exemple.fr", "Votre mot de passe a été changé")
        .await;

    let old = app
        .post_form(
            "/connexion",
            &[("email", "elodie@exemple.fr"), ("password", STRONG)],
        )
        .await;
    assert_eq!(old.status(), 422);
    app.sign_in("elodie@exemple.fr", STRONGER).await;
    assert_eq!(app.get("/compte").await.status(), 200);
    let out = app.post_form("/deconnexion", &[]).await;
    assert_eq!(out.status(), 303);
    assert_eq!(app.get("/compte").await.status(), 303);
    assert!(
        app.get_html("/?avis=deconnecte")
            .await
            .contains("Déconnexion effectuée")
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_single_use_link() {
    let Some((app, smtp)) = with_smtp().await else {
        return;
    };
    app.app.load_demo().await.unwrap();
    let response = app
        .post_form(
            "/mot-de-passe-oublie",
            &[("email", "mentor@mentorat.example")],
        )
        .await;
    assert!(
        app.follow(response)
            .await
            .contains("Si un compte existe avec cette adresse")
    );
    let mail = smtp
        .wait_for("mentor@mentorat.example", "nouveau mot de passe")
        .await;
    let link = path_of(
        &app,
        &mail.link(&format!("{}/compte/reinitialiser/", app.address)),
    );
    assert_eq!(app.get(&link).await.status(), 200);
    let weak = app
        .post_form(
            &link,
            &[
                ("password", "motdepasse123"),
                ("confirmation", "motdepasse123"),
            ],
        )
        .await;
    assert_eq!(weak.status(), 422);
    assert!(weak.text().await.unwrap().contains("trop facile à deviner"));
    let done = app
        .post_form(&link, &[("password", STRONG), ("confirmation", STRONG)])
        .await;
    assert!(app.follow(done).await.contains("Mot de passe changé"));
    assert_eq!(app.get(&link).await.status(), 410, "the link works once");
    app.sign_in("mentor@mentorat.example", STRONG).await;
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answers() {
    let Some((app, smtp)) = with_smtp().await else {
        return;
    };
    app.app.load_demo().await.unwrap();
    let known = app
        .post_form(
            "/mot-de-passe-oublie",
            &[("email", "porteur@mentorat.example")],
        )
        .await;
    let unknown = app
        .post_form(
            "/mot-de-passe-oublie",
            &[("email", "personne@mentorat.example")],
        )
        .await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(
        known.headers().get("location"),
        unknown.headers().get("location"),
        "the same page after, whether the address is known or not"
    );
    let strip = |html: String| {
        html.replace("porteur@mentorat.example", "")
            .replace("personne@mentorat.example", "")
    };
    let csrf_free = |html: String| {
        html.lines()
            .filter(|l| !l.contains("csrf"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        csrf_free(strip(known.text().await.unwrap())),
        csrf_free(strip(unknown.text().await.unwrap()))
    );

    // Signing up with a taken address looks like any sign-up; the owner is told.
    let taken = sign_up(&app, "porteur@mentorat.example", STRONG).await;
    assert!(
        app.follow(taken)
            .await
            .contains("Vérifiez votre messagerie")
    );
    smtp.wait_for(
        "porteur@mentorat.example",
        "Une inscription avec votre adresse",
    )
    .await;

    let wrong_password = app
        .post_form(
            "/connexion",
            &[
                ("email", "porteur@mentorat.example"),
                ("password", "pas le bon mot de passe"),
            ],
        )
        .await;
    let no_account = app
        .post_form(
            "/connexion",
            &[
                ("email", "personne@mentorat.example"),
                ("password", "pas le bon mot de passe"),
            ],
        )
        .await;
    assert_eq!(wrong_password.status(), 422);
    assert_eq!(no_account.status(), 422);
    assert!(
        wrong_password
            .text()
            .await
            .unwrap()
            .contains("Adresse e-mail ou mot de passe incorrect.")
    );
    assert!(
        no_account
            .text()
            .await
            .unwrap()
            .contains("Adresse e-mail ou mot de passe incorrect.")
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !smtp
            .received()
            .iter()
            .any(|m| m.to == "personne@mentorat.example"),
        "nothing is sent to unknown addresses"
    );
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mentorat="))
        .map(|c| c["mentorat=".len()..c.find(';').unwrap()].to_owned())
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in_and_a_replayed_cookie_is_refused_after_sign_out() {
    let app = spawn_demo_app().await;
    let first = app.get("/").await;
    let anonymous = session_cookie(&first).expect("every browser gets a session cookie");
    let signed_in = app
        .post_form(
            "/connexion",
            &[
                ("email", "admin@mentorat.example"),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    let session = session_cookie(&signed_in).expect("a new session cookie at sign-in");
    assert_ne!(session, anonymous, "the session id changes at sign-in");
    let cookie = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    assert!(
        cookie
            .iter()
            .all(|c| c.contains("HttpOnly") && c.contains("SameSite=Lax")),
        "{cookie:?}"
    );

    // Replaying the cookie from another client works while signed in…
    let thief = app.new_client();
    let replay = |c: &reqwest::Client| {
        c.get(app.url("/compte"))
            .header("cookie", format!("mentorat={session}"))
            .send()
    };
    assert_eq!(replay(&thief).await.unwrap().status(), 200);
    // …and never again after sign-out.
    app.post_form("/deconnexion", &[]).await;
    assert_eq!(replay(&thief).await.unwrap().status(), 303);
    // The old anonymous cookie does not open the account either.
    let old = thief
        .get(app.url("/compte"))
        .header("cookie", format!("mentorat={anonymous}"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 303);
}

#[tokio::test]
async fn an_idle_session_ends() {
    let app = spawn_app_with(|s| s.session_idle = chrono::Duration::seconds(1)).await;
    app.app.load_demo().await.unwrap();
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    assert_eq!(app.get("/compte").await.status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    assert_eq!(
        app.get("/compte").await.status(),
        303,
        "idle for longer than the idle lifetime"
    );
}

#[tokio::test]
async fn secure_host_cookies_over_https() {
    let app = spawn_app_with(|s| s.base_url = "https://mentorat.example".into()).await;
    let response = app.get("/").await;
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("__Host-mentorat=")
            && cookie.contains("; Secure")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test]
async fn a_hash_below_todays_parameters_is_upgraded_at_sign_in() {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let app = spawn_demo_app().await;
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(4096, 1, 1, None).unwrap(),
    )
    .hash_password(STRONG.as_bytes(), &SaltString::generate(&mut OsRng))
    .unwrap()
    .to_string();
    let account = app
        .app
        .store
        .account_by_email(&Email::parse("mentor@mentorat.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.set_password_hash(account.id, &weak).await.unwrap();
    tx.commit().await.unwrap();
    app.sign_in("mentor@mentorat.example", STRONG).await;
    let stored = app
        .app
        .store
        .password_hash_of(account.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{stored}"
    );
}

#[tokio::test]
async fn pages_for_members_send_visitors_to_sign_in_and_back() {
    let app = spawn_demo_app().await;
    let response = app.get("/compte").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/connexion?retour=/compte");
    let form = app.get_html("/connexion?retour=/compte").await;
    assert!(form.contains("Connectez-vous pour accéder à cette page."));
    let signed_in = app
        .post_form(
            "/connexion",
            &[
                ("email", "porteur@mentorat.example"),
                ("password", DEMO_PASSWORD),
                ("retour", "/compte"),
            ],
        )
        .await;
    assert_eq!(signed_in.headers()["location"], "/compte");
    let evil = app
        .post_form(
            "/connexion",
            &[
                ("email", "porteur@mentorat.example"),
                ("password", DEMO_PASSWORD),
                ("retour", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(evil.headers()["location"], "/compte", "no open redirect");
}

#[tokio::test]
async fn without_smtp_the_national_team_reads_the_outbox() {
    let app = spawn_demo_app().await;
    app.post_form(
        "/mot-de-passe-oublie",
        &[("email", "porteur@mentorat.example")],
    )
    .await;
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let html = app.get_html("/admin/courriels").await;
    assert!(html.contains("Aucun serveur SMTP n&#39;est configuré"));
    assert!(html.contains("Votre lien pour choisir un nouveau mot de passe"));
    assert!(html.contains("En attente"));
    let start = html.find("/admin/courriels/").unwrap();
    let href = &html[start..start + html[start..].find('"').unwrap()];
    let message = app.get_html(href).await;
    assert!(message.contains("/compte/reinitialiser/"));
}

#[tokio::test]
async fn the_audit_log_records_sign_ins_and_failures_and_filters_them() {
    let app = spawn_demo_app().await;
    let other = app.new_client();
    let token = app.csrf_of(&other, None).await;
    other
        .post(app.url("/connexion"))
        .form(&[
            ("email", "mentor@mentorat.example"),
            ("password", "pas le bon mot de passe"),
            ("csrf", &token),
        ])
        .send()
        .await
        .unwrap();
    app.sign_in("admin@mentorat.example", DEMO_PASSWORD).await;
    let all = app.get_html("/admin/journal").await;
    assert!(all.contains("Échec de connexion") && all.contains("Connexion"));
    assert!(all.contains("admin@mentorat.example"));
    let failures = app.get_html("/admin/journal?action=sign_in_failed").await;
    assert!(failures.contains("1 entrée"), "{failures}");
    let none = app
        .get_html("/admin/journal?action=sign_in_failed&until=2020-01-01")
        .await;
    assert!(none.contains("Aucune entrée ne correspond"));
}

#[tokio::test]
async fn an_account_deletion_is_asked_with_the_password_and_can_be_cancelled_until_it_happens() {
    let app = spawn_demo_app().await;
    app.sign_in("porteur@mentorat.example", DEMO_PASSWORD).await;
    let html = app.get_html("/compte").await;
    assert!(
        html.contains("data-confirm="),
        "a confirmation before an irreversible request"
    );
    let wrong = app
        .post_form("/compte/suppression", &[("current_password", "pas le bon")])
        .await;
    assert_eq!(wrong.status(), 422);
    let done = app
        .post_form(
            "/compte/suppression",
            &[("current_password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(app.get("/compte").await.status(), 303, "the sessions ended");
    // During the grace period the person may sign in again: to change their mind.
    app.sign_in("porteur@mentorat.example", DEMO_PASSWORD).await;
    let html = app.get_html("/compte").await;
    assert!(html.contains("Suppression prévue"), "{html}");
    assert!(
        !html.contains("action=\"/compte/suppression\""),
        "no second request"
    );
    let kept = app.post_form("/compte/suppression/annuler", &[]).await;
    assert_eq!(kept.status(), 303);
    let html = app.get_html("/compte?avis=suppression-annulee").await;
    assert!(html.contains("Votre demande de suppression est annulée"));
    assert!(!html.contains("Suppression prévue"));
    assert!(
        html.contains("action=\"/compte/suppression\""),
        "it may be asked again"
    );
}

#[tokio::test]
async fn the_address_changes_only_once_the_new_one_confirms() {
    let Some((app, smtp)) = with_smtp().await else {
        return;
    };
    app.app.load_demo().await.unwrap();
    app.sign_in("mentor@mentorat.example", DEMO_PASSWORD).await;
    let asked = app
        .post_form(
            "/compte/adresse",
            &[
                ("new_email", "nouvelle@exemple.fr"),
                ("current_password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(asked.status(), 303);
    let mail = smtp
        .wait_for("nouvelle@exemple.fr", "Confirmez votre nouvelle adresse")
        .await;
    let link = path_of(
        &app,
        &mail.link(&format!("{}/compte/confirmer-adresse/", app.address)),
    );
    assert!(
        app.get_html("/compte")
            .await
            .contains("(mentor@mentorat.example)"),
        "unchanged until confirmed"
    );
    let confirmed = app.post_form(&link, &[]).await;
    assert!(
        confirmed
            .text()
            .await
            .unwrap()
            .contains("Nouvelle adresse confirmée")
    );
    smtp.wait_for(
        "mentor@mentorat.example",
        "L'adresse de votre compte a changé",
    )
    .await;
    assert!(
        app.get_html("/compte")
            .await
            .contains("(nouvelle@exemple.fr)")
    );
}

#[tokio::test]
async fn an_empty_database_has_no_account_until_the_first_admin_is_created() {
    let app = spawn_app().await;
    assert_eq!(app.app.store.count_users().await.unwrap(), 0);
}
