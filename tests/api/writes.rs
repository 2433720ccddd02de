//! The write path under load, and pages that write nothing: many people writing at
//! once are all served and all kept; reading a page changes no data (but the access
//! log).

use crate::events::event_with_capacity;
use crate::helpers::{TestApp, csrf_in, spawn_app_with};
use crate::matrix::{Places, clients_of_every_role, rows};
use crate::mentoring::{approved_mentor, validated_porteur};
use std::collections::BTreeMap;

/// Every table's content, one line per row in a stable order (the migrations' own
/// bookkeeping left out): two snapshots differ exactly where data changed.
async fn snapshot(url: &str) -> BTreeMap<String, String> {
    use sqlx::{Connection, Row};
    let mut tables = BTreeMap::new();
    if url.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
        )
        .fetch_all(&mut db)
        .await
        .unwrap();
        for name in names {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
                .bind(&name)
                .fetch_all(&mut db)
                .await
                .unwrap();
            let line = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let rows: Vec<String> =
                sqlx::query_scalar(&format!("SELECT {line} FROM \"{name}\" ORDER BY 1"))
                    .fetch_all(&mut db)
                    .await
                    .unwrap();
            tables.insert(name, rows.join("\n"));
        }
    } else {
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
             AND table_name <> '_sqlx_migrations'",
        )
        .fetch_all(&mut db)
        .await
        .unwrap();
        for name in names {
            let row = sqlx::query(&format!(
                "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM \"{name}\" t"
            ))
            .fetch_one(&mut db)
            .await
            .unwrap();
            tables.insert(name, row.get::<String, _>(0));
        }
    }
    tables
}

/// The tables whose content differs between two snapshots.
fn changed(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    after
        .iter()
        .filter(|(name, rows)| before.get(*name) != Some(*rows))
        .map(|(name, _)| name.clone())
        .collect()
}

#[tokio::test]
async fn signed_in_pages_change_no_data_but_the_access_log_and_threads_read() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    let places = Places::prepare(&app).await;
    let clients = clients_of_every_role(&app).await;
    let url = app.app.settings.database_url.clone();
    // The sign-ins' own writes are behind us.
    app.app.deferred.settle().await;
    let before = snapshot(&url).await;
    let mut seen = 0;
    for row in rows().filter(|r| r.method == "GET") {
        let path = places.fill(row.path);
        for client in &clients {
            let status = client.get(app.url(&path)).send().await.unwrap().status();
            assert!(status.as_u16() < 500, "GET {path}: {status}");
            seen += 1;
        }
    }
    app.app.deferred.settle().await;
    let after = snapshot(&url).await;
    // The access log, and the pair's threads marked read when one of them opens theirs
    // (both written after the response, see `deferred`).
    assert_eq!(
        changed(&before, &after),
        ["audit_log", "thread_reads"],
        "after {seen} GETs"
    );
    // The access log did record the views of porteurs' records.
    assert!(
        after["audit_log"].matches("mentee_viewed").count()
            > before["audit_log"].matches("mentee_viewed").count()
    );
}

/// The answer to one of the concurrent writes, and how to find it afterwards.
enum Write {
    Contact(String),
    Hosting(String),
    Registration(String),
    SignUp(String),
    MentorRequest(uuid::Uuid),
}

#[tokio::test]
async fn sixty_four_concurrent_writes_of_every_kind_are_all_served_and_kept() {
    let app = spawn_app_with(|s| s.rate_burst = 100_000).await;
    app.app.load_demo().await.unwrap();
    let event = event_with_capacity(&app, 10, chrono::Duration::days(20)).await;
    // Eight porteurs, each with a validated project and a browser signed in.
    let mentor = approved_mentor(&app, "mentor.charge@exemple.fr", "3").await;
    let mut porteurs = Vec::new();
    for i in 0..8 {
        let email = format!("porteur.{i}@exemple.fr");
        let (id, project) = validated_porteur(&app, &email, 1990).await;
        let client = app.new_client();
        let csrf = app.csrf_of(&client, None).await;
        let response = client
            .post(app.url("/connexion"))
            .form(&[
                ("email", email.as_str()),
                ("password", "une phrase de passe solide et longue"),
                ("csrf", &csrf),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{email} signs in");
        porteurs.push((id, project, client));
    }

    // Every browser reads its form first (its CSRF token), then all send at once.
    let mut ready = Vec::new();
    for i in 0..64usize {
        let (client, form, path, write): (reqwest::Client, Vec<(&str, String)>, String, Write) =
            match i % 8 {
                0 | 1 => {
                    let email = format!("contact.{i}@exemple.fr");
                    let form = vec![
                        ("category", "other".to_owned()),
                        ("name", format!("Personne {i}")),
                        ("email", email.clone()),
                        ("message", format!("Message numéro {i}")),
                    ];
                    (
                        app.new_client(),
                        form,
                        "/contact".into(),
                        Write::Contact(email),
                    )
                }
                2 | 3 => {
                    let association = format!("Association numéro {i}");
                    let form = vec![
                        ("association", association.clone()),
                        ("commune_query", "Compiègne".to_owned()),
                        ("contact_name", format!("Personne {i}")),
                        ("email", format!("hote.{i}@exemple.fr")),
                        ("expected_audience", "40".to_owned()),
                    ];
                    (
                        app.new_client(),
                        form,
                        "/accueillir-une-conference".into(),
                        Write::Hosting(association),
                    )
                }
                4 | 5 => {
                    let email = format!("inscrit.{i}@exemple.fr");
                    let form = vec![
                        ("first_name", format!("Inscrit{i}")),
                        ("email", email.clone()),
                        ("heard_from", "friend".to_owned()),
                    ];
                    (
                        app.new_client(),
                        form,
                        format!("/evenements/{event}/inscription"),
                        Write::Registration(email),
                    )
                }
                6 => {
                    let email = format!("nouveau.{i}@exemple.fr");
                    let password = "une grange bleue au bord du canal".to_owned();
                    let form = vec![
                        ("first_name", format!("Nouveau{i}")),
                        ("last_name", "Essai".to_owned()),
                        ("email", email.clone()),
                        ("password", password.clone()),
                        ("confirmation", password),
                    ];
                    (
                        app.new_client(),
                        form,
                        "/inscription".into(),
                        Write::SignUp(email),
                    )
                }
                _ => {
                    let (porteur, project, client) = &porteurs[i / 8];
                    let form = vec![
                        ("project", project.to_string()),
                        ("mentor", mentor.to_string()),
                        ("message", "Bonjour, pouvez-vous m'aider ?".to_owned()),
                    ];
                    (
                        client.clone(),
                        form,
                        "/annuaire/demande".into(),
                        Write::MentorRequest(*porteur),
                    )
                }
            };
        let page = client.get(app.url("/contact")).send().await.unwrap();
        let csrf = csrf_in(&page.text().await.unwrap());
        ready.push((client, form, path, write, csrf));
    }
    let mut sent = tokio::task::JoinSet::new();
    for (client, mut form, path, write, csrf) in ready {
        let url = app.url(&path);
        let origin = app.address.clone();
        sent.spawn(async move {
            form.push(("csrf", csrf));
            let response = client
                .post(url)
                .header("Origin", origin)
                .form(&form)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, path, write)
        });
    }
    let mut acknowledged = Vec::new();
    while let Some(done) = sent.join_next().await {
        let (status, path, write) = done.unwrap();
        assert!(status < 500, "POST {path}: {status}");
        let ok = match &write {
            Write::Contact(_) | Write::Hosting(_) => status == 303,
            Write::Registration(_) => status == 303,
            Write::SignUp(_) => status == 303,
            Write::MentorRequest(_) => status == 303,
        };
        assert!(ok, "POST {path} was not acknowledged ({status})");
        acknowledged.push(write);
    }
    assert_eq!(acknowledged.len(), 64);

    check_kept(&app, event, &acknowledged).await;
}

/// Every acknowledged write is in the database.
async fn check_kept(app: &TestApp, event: uuid::Uuid, writes: &[Write]) {
    let (messages, _) = app.app.contact_messages(None, 0, 1_000).await.unwrap();
    let (hostings, _) = app.app.hosting_requests(0, 1_000).await.unwrap();
    let registrations = app.app.registrations(event).await.unwrap();
    let confirmed = registrations
        .iter()
        .filter(|r| r.status == mentorat_store::RegistrationStatus::Confirmed)
        .count();
    assert_eq!(confirmed, 10, "the ten seats are taken, the others wait");
    for write in writes {
        match write {
            Write::Contact(email) => {
                assert!(messages.iter().any(|m| &m.email == email), "{email}")
            }
            Write::Hosting(association) => assert!(
                hostings.iter().any(|h| &h.association == association),
                "{association}"
            ),
            Write::Registration(email) => {
                assert!(registrations.iter().any(|r| &r.email == email), "{email}")
            }
            Write::SignUp(email) => {
                let email = mentorat_domain::Email::parse(email).unwrap();
                assert!(
                    app.app
                        .store
                        .account_by_email(&email)
                        .await
                        .unwrap()
                        .is_some(),
                    "{email:?}"
                );
            }
            Write::MentorRequest(porteur) => {
                assert_eq!(app.app.requests_of(*porteur).await.unwrap().len(), 1)
            }
        }
    }
}
