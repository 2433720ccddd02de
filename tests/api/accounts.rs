//! The first national-team account: created with a one-time link to set a password.

use crate::helpers::spawn_app;
use mentorat_domain::{Email, Role};

#[tokio::test]
async fn an_admin_chooses_a_password_through_a_link_that_works_once() {
    let app = spawn_app().await;
    let created = app
        .app
        .create_national_team_account("Equipe@Mentorat.example")
        .await
        .unwrap();
    let path = created
        .set_password_url
        .strip_prefix(&app.address)
        .expect("link on the base URL")
        .to_owned();
    assert!(path.starts_with("/compte/mot-de-passe/"));

    let form = app.get(&path).await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(html.contains("Choisir votre mot de passe"));
    assert!(html.contains(r#"autocomplete="new-password""#));

    // Too short, then mismatched: the form comes back with a clear message.
    let short = app
        .post_form(&path, &[("password", "court"), ("confirmation", "court")])
        .await;
    assert_eq!(short.status(), 422);
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("au moins 12 caractères")
    );
    let mismatch = app
        .post_form(
            &path,
            &[
                ("password", "une longue phrase secrète"),
                ("confirmation", "une autre phrase"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), 422);
    assert!(
        mismatch
            .text()
            .await
            .unwrap()
            .contains("ne sont pas identiques")
    );

    let long =
        "une très longue phrase de passe qui dépasse largement soixante-douze octets, entière";
    let done = app
        .post_form(&path, &[("password", long), ("confirmation", long)])
        .await;
    assert!(app.follow(done).await.contains("Mot de passe enregistré"));

    // The link is spent.
    assert_eq!(app.get(&path).await.status(), 410);
    let again = app
        .post_form(&path, &[("password", long), ("confirmation", long)])
        .await;
    assert_eq!(again.status(), 410);

    let account = app
        .app
        .store
        .account_by_email(&Email::parse("equipe@mentorat.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(account.roles.iter().any(|g| g.role == Role::NationalTeam));
}

#[tokio::test]
async fn an_unknown_link_says_it_is_no_longer_valid() {
    let app = spawn_app().await;
    let response = app.get("/compte/mot-de-passe/0123456789abcdef").await;
    assert_eq!(response.status(), 410);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Ce lien n&#39;est plus valable")
    );
}

#[tokio::test]
async fn creating_the_same_admin_twice_is_refused() {
    let app = spawn_app().await;
    app.app
        .create_national_team_account("admin@exemple.fr")
        .await
        .unwrap();
    assert!(
        app.app
            .create_national_team_account("ADMIN@exemple.fr")
            .await
            .is_err()
    );
    assert!(
        app.app
            .create_national_team_account("pas-une-adresse")
            .await
            .is_err()
    );
}
