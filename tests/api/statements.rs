//! A page runs a fixed number of statements whatever the number of rows. Each main
//! page is read, as each role, on the demo; then a generated network many times the
//! demo's size is loaded beside it and the same pages are read again, as the demo's
//! people (the national pages now cover the whole network) and as generated people of
//! the network's largest circle (a busy coordinator, a mentor with several mentees).
//! The count of every page must not move.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with};
use mentorat_app::demo::{EMAIL_DOMAIN, ScalePlan, Silent};
use mentorat_domain::{Email, ProjectStatus, Role};
use uuid::Uuid;

/// The people whose pages are counted, and the paths that depend on them.
struct Cast {
    porteur: String,
    /// The porteur's validated project, whose directory they read.
    project: Uuid,
    mentor: String,
    coordinator: String,
    /// The coordinator's circle, its slug and one of its upcoming events.
    circle_slug: String,
    event: Uuid,
    /// One of the mentor's relationships.
    mentorship: Uuid,
}

const NATIONAL: &str = "admin@mentorat.example";

/// (role, path) → statements, for each main page.
async fn count_pages(app: &TestApp, cast: &Cast) -> Vec<(String, u64)> {
    let anonymous = [
        "/".to_owned(),
        "/cercles".to_owned(),
        format!("/cercles/{}", cast.circle_slug),
        "/map.svg".to_owned(),
        format!("/evenements/{}", cast.event),
    ];
    let mut counts = Vec::new();
    let client = app.new_client();
    for path in &anonymous {
        let n = count(app, &client, path).await;
        counts.push((format!("anonymous {}", generic(path, cast)), n));
    }
    let people: [(&str, &str, Vec<String>); 4] = [
        (
            "porteur",
            &cast.porteur,
            vec![
                "/mon-espace".into(),
                format!("/annuaire?projet={}", cast.project),
            ],
        ),
        (
            "mentor",
            &cast.mentor,
            vec![
                "/mon-espace".into(),
                format!("/mentorats/{}", cast.mentorship),
            ],
        ),
        (
            "coordinator",
            &cast.coordinator,
            vec![
                "/coordination".into(),
                format!("/admin/cercles/{}", cast.circle_slug),
            ],
        ),
        (
            "national team",
            NATIONAL,
            vec!["/coordination".into(), "/admin/tableau-de-bord".into()],
        ),
    ];
    for (role, email, paths) in people {
        let client = app.browser_of(email, DEMO_PASSWORD).await.client;
        for path in &paths {
            let n = count(app, &client, path).await;
            counts.push((format!("{role} {}", generic(path, cast)), n));
        }
    }
    counts
}

/// The path with the cast's own ids and slug taken out, so that two casts compare.
fn generic(path: &str, cast: &Cast) -> String {
    path.replace(&cast.mentorship.to_string(), "{id}")
        .replace(&cast.event.to_string(), "{id}")
        .replace(&cast.project.to_string(), "{id}")
        .replace(&cast.circle_slug, "{slug}")
}

/// The statements one reading of `path` runs, once the page has been read before (a
/// first reading may fill a cache: the mentors' index, a session's roles). Two readings
/// in a row within one minute of the platform's clock must agree: when the minute turns,
/// a coordination board kept for the last one is computed again aside, and its
/// statements would count in the reading that overlaps it.
async fn count(app: &TestApp, client: &reqwest::Client, path: &str) -> u64 {
    let minute = || app.app.now().timestamp().div_euclid(60);
    let mut previous: Option<(u64, i64)> = None;
    for _ in 0..8 {
        app.app.deferred.settle().await;
        let started = minute();
        let before = app.app.store.statements();
        let response = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        response.bytes().await.unwrap();
        // What the page queued to write after its answer (an audit entry) counts too.
        app.app.deferred.settle().await;
        let n = app.app.store.statements() - before;
        if previous == Some((n, started)) && minute() == started {
            return n;
        }
        previous = Some((n, started));
    }
    panic!("{path}: no two readings in a row ran the same statements");
}

/// The cast around a coordinator: their circle's slug and next event, the first porteur
/// of the circle with a validated project, and a mentor's relationship.
async fn cast(app: &TestApp, porteur: Option<&str>, mentor: &str, coordinator: &str) -> Cast {
    let account = |email: &str| {
        let email = Email::parse(email).unwrap();
        let store = app.app.store.clone();
        async move { store.account_by_email(&email).await.unwrap().unwrap() }
    };
    let circle_id = account(coordinator)
        .await
        .roles
        .iter()
        .find(|g| g.role == Role::Coordinator)
        .and_then(|g| g.circle_id)
        .expect("a coordinator of a circle");
    let circles = app.app.store.list_circles().await.unwrap();
    let circle = circles
        .iter()
        .find(|c| c.circle.id == circle_id)
        .expect("the circle is listed");
    let event = app
        .app
        .store
        .upcoming_events(app.app.now(), Some(circle_id), 1)
        .await
        .unwrap()
        .first()
        .expect("the circle has an upcoming event")
        .id;
    let projects = match porteur {
        Some(email) => app.app.projects_of(account(email).await.id).await.unwrap(),
        None => app
            .app
            .store
            .projects_of_circle(Some(circle_id), None)
            .await
            .unwrap(),
    };
    let project = projects
        .into_iter()
        .find(|p| p.status == ProjectStatus::Validated)
        .expect("a validated project");
    let porteur = app
        .app
        .store
        .account_by_id(project.mentee_id)
        .await
        .unwrap()
        .unwrap()
        .email
        .to_string();
    let mentor_id = account(mentor).await.id;
    let mentorship = app.app.mentorships_of(mentor_id).await.unwrap()[0].id;
    Cast {
        porteur,
        project: project.id,
        mentor: mentor.into(),
        coordinator: coordinator.into(),
        circle_slug: circle.circle.slug.as_str().to_owned(),
        event,
        mentorship,
    }
}

#[tokio::test]
async fn every_main_page_runs_as_many_statements_on_a_network_many_times_the_demo() {
    // Everyone signs in from one address: the sign-in limit would refuse the cast.
    let app = spawn_app_with(|s| s.rate_burst = 100).await;
    app.app.load_demo().await.unwrap();
    let demo_cast = cast(
        &app,
        Some("porteur@mentorat.example"),
        "mentor@mentorat.example",
        "coordination.compiegne@mentorat.example",
    )
    .await;
    let on_demo = count_pages(&app, &demo_cast).await;

    let plan = ScalePlan::for_scale(0.02).unwrap();
    app.app.load_scale(&plan, &mut Silent).await.unwrap();
    assert!(
        app.app.store.census().await.unwrap().projects > 20 * 12,
        "the network is many times the demo"
    );
    let on_network = count_pages(&app, &demo_cast).await;
    // Generated people of the largest circle (the first), with full lists.
    let network_cast = cast(
        &app,
        None,
        &format!("mentor.00001@{EMAIL_DOMAIN}"),
        &format!("coordination.0001@{EMAIL_DOMAIN}"),
    )
    .await;
    let in_largest_circle = count_pages(&app, &network_cast).await;

    let mut grew = Vec::new();
    for ((page, demo), ((_, network), (_, largest))) in on_demo
        .iter()
        .zip(on_network.iter().zip(&in_largest_circle))
    {
        if demo != network || demo != largest {
            grew.push(format!(
                "{page}: {demo} on the demo, {network} on the network, {largest} in its largest circle"
            ));
        }
    }
    assert!(
        grew.is_empty(),
        "statements per page grew with the data:\n{}",
        grew.join("\n")
    );
}
