//! `mentorat demo`: realistic data, one account per role, safe to load twice.

use crate::helpers::spawn_app;
use mentorat_app::passwords;
use mentorat_domain::{CircleStatus, Email, Role};

#[tokio::test]
async fn the_demo_loads_once_and_a_second_run_changes_nothing() {
    let app = spawn_app().await;
    let first = app.app.load_demo().await.unwrap();
    assert!(first.created > 50, "{first:?}");
    let users = app.app.store.count_users().await.unwrap();
    let second = app.app.load_demo().await.unwrap();
    assert_eq!(second.created, 0, "{second:?}");
    assert_eq!(app.app.store.count_users().await.unwrap(), users);
}

#[tokio::test]
async fn the_demo_has_the_circles_of_the_network_with_their_history() {
    let app = spawn_app().await;
    app.app.load_demo().await.unwrap();
    let circles = app.app.circles().await.unwrap();
    let status = |slug: &str| {
        circles
            .iter()
            .find(|c| c.circle.slug.as_str() == slug)
            .map(|c| c.circle.status)
    };
    assert_eq!(status("compiegne"), Some(CircleStatus::Active));
    assert_eq!(status("paris"), Some(CircleStatus::Active));
    assert_eq!(status("lille"), Some(CircleStatus::Launching));
    for slug in [
        "orleans",
        "amiens",
        "ath",
        "bordeaux",
        "beauvais",
        "montpellier",
        "lyon",
    ] {
        assert_eq!(status(slug), Some(CircleStatus::Planned), "{slug}");
    }
    let editions = |slug: &str| {
        circles
            .iter()
            .find(|c| c.circle.slug.as_str() == slug)
            .unwrap()
            .editions
    };
    assert_eq!(editions("compiegne"), 2);
    assert_eq!(editions("paris"), 3);
    let compiegne = circles
        .iter()
        .find(|c| c.circle.slug.as_str() == "compiegne")
        .unwrap();
    assert_eq!(
        compiegne.circle.inaugurated_on.unwrap().to_string(),
        "2016-02-11"
    );
    assert!(
        app.app.store.count_with_role(Role::Mentor).await.unwrap() >= 20,
        "a few dozen mentors"
    );
    assert!(
        app.app.store.count_projects().await.unwrap() >= 10,
        "and porteurs de projet"
    );
    assert!(
        app.app.overview().await.unwrap().upcoming.len() >= 4,
        "upcoming conferences and editions"
    );
}

#[tokio::test]
async fn every_demo_account_exists_with_its_role_and_the_demo_password() {
    let app = spawn_app().await;
    app.app.load_demo().await.unwrap();
    let compiegne = app
        .app
        .circle_page("compiegne")
        .await
        .unwrap()
        .summary
        .circle
        .id;
    let paris = app
        .app
        .circle_page("paris")
        .await
        .unwrap()
        .summary
        .circle
        .id;
    let expectations = [
        ("admin@mentorat.example", Role::NationalTeam),
        ("coordination.compiegne@mentorat.example", Role::Coordinator),
        ("coordination.paris@mentorat.example", Role::Coordinator),
        ("mentor@mentorat.example", Role::Mentor),
        ("porteur@mentorat.example", Role::Mentee),
        ("partenaire@mentorat.example", Role::Partner),
    ];
    for (email, role) in expectations {
        let account = app
            .app
            .store
            .account_by_email(&Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{email} exists"));
        assert!(
            account.roles.iter().any(|g| g.role == role),
            "{email} is {role:?}"
        );
        let hash = app
            .app
            .store
            .password_hash_of(account.id)
            .await
            .unwrap()
            .expect("has a password");
        assert!(
            passwords::verify("mentorat-demo", &hash),
            "{email} signs in with the demo password"
        );
    }
    let roles_of = async |email: &str| {
        let email = Email::parse(email).unwrap();
        app.app
            .store
            .account_by_email(&email)
            .await
            .unwrap()
            .unwrap()
            .roles
    };
    let compiegne_roles = roles_of("coordination.compiegne@mentorat.example").await;
    assert!(
        compiegne_roles
            .iter()
            .any(|g| g.circle_id == Some(compiegne))
    );
    let paris_roles = roles_of("coordination.paris@mentorat.example").await;
    assert!(paris_roles.iter().any(|g| g.circle_id == Some(paris)));
    let partner_roles = roles_of("partenaire@mentorat.example").await;
    assert!(partner_roles.iter().any(|g| g.partner_id.is_some()));
}
