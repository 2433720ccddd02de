//! `mentorat demo --scale`: the network's data set matches its plan, loads once, and
//! its accounts and the demo's sign in and reach their pages.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app};
use mentorat_app::demo::{ScalePlan, Silent};
use mentorat_store::Census;

/// Loads the demo then the set of `scale`, and checks every count against the plan.
async fn load_and_count(app: &TestApp, scale: f64) -> (ScalePlan, Census) {
    app.app.load_demo().await.unwrap();
    let before = app.app.store.census().await.unwrap();
    let plan = ScalePlan::for_scale(scale).unwrap();
    let report = app.app.load_scale(&plan, &mut Silent).await.unwrap();
    assert!(!report.already_present);
    let after = app.app.store.census().await.unwrap();
    let added = |f: fn(&Census) -> i64| f(&after) - f(&before);
    let expected: [(&str, i64, usize); 19] = [
        ("circles", added(|c| c.circles), plan.circles),
        ("territories", added(|c| c.circle_territories), plan.circles),
        (
            "coordinators",
            added(|c| c.coordinator_grants),
            plan.circles,
        ),
        ("partners", added(|c| c.partners), plan.partners),
        ("accounts", added(|c| c.users), plan.users()),
        ("mentors", added(|c| c.mentors), plan.mentors()),
        (
            "approved mentors",
            added(|c| c.approved_mentors),
            plan.approved_mentors,
        ),
        ("projects", added(|c| c.projects), plan.porteurs),
        (
            "validated projects",
            added(|c| c.validated_projects),
            plan.validated_projects(),
        ),
        ("requests", added(|c| c.requests), plan.requests()),
        (
            "open requests",
            added(|c| c.open_requests),
            plan.open_requests,
        ),
        ("mentorships", added(|c| c.mentorships), plan.mentorships()),
        (
            "active mentorships",
            added(|c| c.active_mentorships),
            plan.active_mentorships,
        ),
        ("meetings", added(|c| c.meetings), plan.meetings()),
        ("goals", added(|c| c.goals), plan.goals()),
        ("feedback", added(|c| c.feedback), plan.feedback()),
        ("events", added(|c| c.events), plan.events),
        (
            "registrations",
            added(|c| c.registrations),
            plan.registrations,
        ),
        (
            "places taken",
            added(|c| c.places_taken),
            plan.active_mentorships,
        ),
    ];
    for (what, got, planned) in expected {
        assert_eq!(got, planned as i64, "{what}");
    }
    assert_eq!(
        after.seats_taken, after.confirmed_registrations,
        "events.confirmed counts the confirmed registrations"
    );
    assert_eq!(after.places_taken, after.active_mentorships);
    (plan, after)
}

/// The part from `start` to `end` (kept) of pages 1 to `pages` of `path` as the national
/// team reads them, one after the other; each page says which it is.
async fn every_page(app: &TestApp, path: &str, pages: usize, start: &str, end: &str) -> String {
    let mut parts = String::new();
    for n in 1..=pages {
        let html = reaches(app, "admin@mentorat.example", &format!("{path}?page={n}")).await;
        assert!(
            html.contains(&format!("Page {n} sur {pages}")),
            "{path}, page {n}"
        );
        let part = &html[html.find(start).unwrap()..];
        parts.push_str(&part[..part.find(end).unwrap() + end.len()]);
    }
    parts
}

async fn reaches(app: &TestApp, email: &str, path: &str) -> String {
    let client = app.browser_of(email, DEMO_PASSWORD).await.client;
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{email} reaches {path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_reduced_network_matches_its_plan_loads_once_and_everyone_signs_in() {
    let app = spawn_app().await;
    let (plan, census) = load_and_count(&app, 0.01).await;

    let again = app.app.load_scale(&plan, &mut Silent).await.unwrap();
    assert!(again.already_present, "a second run finds the set complete");
    assert_eq!(
        app.app.store.census().await.unwrap(),
        census,
        "and changes nothing"
    );
    let other = ScalePlan::for_scale(0.02).unwrap();
    assert!(
        app.app.load_scale(&other, &mut Silent).await.is_err(),
        "another scale over the set is refused"
    );

    // The demo's accounts keep working.
    reaches(&app, "admin@mentorat.example", "/admin/cercles").await;
    let space = reaches(&app, "mentor@mentorat.example", "/mon-espace").await;
    assert!(
        space.contains("Kevin"),
        "the demo mentor keeps their mentee"
    );
    reaches(
        &app,
        "coordination.compiegne@mentorat.example",
        "/coordination",
    )
    .await;

    // And the generated ones, with their content.
    let s = &again.samples;
    let coordination = reaches(&app, &s.coordinator.0, "/coordination").await;
    let circle = app.app.circle_page(&s.coordinator.1).await.unwrap();
    assert!(coordination.contains(&circle.summary.circle.name));
    let mentor = s.mentor_with_mentorship.as_deref().unwrap();
    let mentor_id = app.account_id(mentor).await;
    let mentorship = app.app.mentorships_of(mentor_id).await.unwrap();
    let active = mentorship
        .iter()
        .find(|m| m.status == mentorat_domain::MentorshipStatus::Active)
        .expect("an active mentorship");
    reaches(&app, mentor, &format!("/mentorats/{}", active.id)).await;
    reaches(
        &app,
        s.porteur_with_mentorship.as_deref().unwrap(),
        "/mon-espace",
    )
    .await;
    let porteur = s.porteur_validated.as_deref().unwrap();
    let projects = app
        .app
        .store
        .projects_of_mentee(app.account_id(porteur).await)
        .await
        .unwrap();
    let directory = reaches(
        &app,
        porteur,
        &format!("/annuaire?projet={}", projects[0].id),
    )
    .await;
    assert!(
        directory.contains("class=\"score\""),
        "the directory suggests mentors with their scores"
    );
    reaches(&app, &s.partner, "/").await;
}

/// The full national set (a minute or two in a release build):
/// `cargo test --release --test api -- --ignored national`.
#[tokio::test]
#[ignore = "loads the full national data set"]
async fn the_national_network_matches_the_networks_figures() {
    let app = spawn_app().await;
    let (plan, census) = load_and_count(&app, 1.0).await;
    assert_eq!(plan.circles, 300);
    assert!(census.approved_mentors >= 10_000);
    let again = app.app.load_scale(&plan, &mut Silent).await.unwrap();
    assert!(again.already_present);
    reaches(&app, &again.samples.coordinator.0, "/coordination").await;
}

/// The national team's coordination page summarises the network: each circle with its
/// counts, and each queue's oldest lines with how many it holds, never every line.
#[tokio::test]
async fn the_national_coordination_page_counts_by_circle_and_shows_the_oldest_lines() {
    let app = spawn_app().await;
    // 60 circles besides the demo's: more than a page of the table.
    let (_, census) = load_and_count(&app, 0.2).await;
    assert!(census.validated_projects > 50, "more than a page waits");
    let page = reaches(&app, "admin@mentorat.example", "/coordination").await;
    // Numbers grouped by thousands, as French writes them.
    let number = |n: i64| {
        mentorat_app::i18n::Tr {
            locale: mentorat_domain::Locale::Fr,
            i18n: &app.app.i18n,
        }
        .number(n)
    };
    let waiting = format!(
        "Les 10 plus anciens sur {}.",
        number(census.validated_projects)
    );
    assert!(page.contains(&waiting), "{waiting}");
    let links = page.matches("href=\"/coordination/projets/").count();
    assert!(
        links <= 20,
        "two queues of projects, 10 lines each at most: {links}"
    );
    // Every circle of the network is a row of the table, 50 a page.
    let circles = app.app.store.circles_by_name().await.unwrap();
    let pages = circles.len().div_ceil(50);
    assert!(pages > 1 && page.contains(&format!("Page 1 sur {pages}")));
    let rows = every_page(&app, "/coordination", pages, "<table>", "</table>").await;
    for table in rows.split("</table>") {
        assert!(
            table.matches("<tr>").count() <= 51,
            "a header and 50 circles at most"
        );
    }
    // Matching several together: a list holds the circles of the table's page (the
    // whole network would not fit a page), and the next page offers the next ones.
    let offered = |page: &str| {
        let choices = &page[page
            .find("<select id=\"together-circles\" name=\"circles\" multiple")
            .expect("a list of circles")..];
        let choices = &choices[..choices.find("</select>").unwrap()];
        choices
            .split("<option value=\"")
            .skip(1)
            .map(|o| o[..36].parse::<uuid::Uuid>().unwrap())
            .collect::<Vec<_>>()
    };
    let by_id = |ids: &[mentorat_domain::Circle]| ids.iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(offered(&page), by_id(&circles[..50]));
    let second = reaches(&app, "admin@mentorat.example", "/coordination?page=2").await;
    assert_eq!(
        offered(&second),
        by_id(&circles[50..circles.len().min(100)])
    );
    assert!(page.contains("changez de page pour en choisir"));
    for circle in &circles {
        assert!(
            rows.contains(&format!("href=\"/admin/cercles/{}\"", circle.slug)),
            "{}",
            circle.slug
        );
    }
    assert!(
        !page.contains(">Mentors du cercle<"),
        "mentors are counted by circle"
    );
    // The page's figures are shared between requests, but a new project waiting for a
    // mentor shows at once.
    crate::mentoring::validated_porteur(&app, "nouvelle-porteuse@exemple.fr", 1990).await;
    let page = reaches(&app, "admin@mentorat.example", "/coordination").await;
    let waiting = format!(
        "Les 10 plus anciens sur {}.",
        number(census.validated_projects + 1)
    );
    let shown: Vec<&str> = page
        .match_indices("Les 10 plus anciens sur")
        .map(|(at, _)| &page[at..at + 34])
        .collect();
    assert!(page.contains(&waiting), "{waiting} — the page: {shown:?}");
}

/// The national team's list of circles, 50 a page: every circle on one of its pages.
#[tokio::test]
async fn the_list_of_circles_is_paged_and_holds_every_circle() {
    let app = spawn_app().await;
    load_and_count(&app, 0.2).await;
    let circles = app.app.store.circles_by_name().await.unwrap();
    let pages = circles.len().div_ceil(50);
    assert!(pages > 1);
    let links = every_page(
        &app,
        "/admin/cercles",
        pages,
        "<ul class=\"links\">",
        "</ul>",
    )
    .await;
    for list in links.split("</ul>") {
        assert!(
            list.matches("<li>").count() <= 50,
            "50 circles a page at most"
        );
    }
    for circle in &circles {
        assert!(
            links.contains(&format!("href=\"/admin/cercles/{}\"", circle.slug)),
            "{}",
            circle.slug
        );
    }
}

/// The dashboard's funnel has a row per circle: 50 a page, every circle on one of them.
#[tokio::test]
async fn the_dashboards_funnel_is_paged_and_holds_every_circle() {
    let app = spawn_app().await;
    load_and_count(&app, 0.2).await;
    let funnels = app.app.dashboard().await.unwrap().funnels.clone();
    let pages = funnels.len().div_ceil(50);
    assert!(pages > 1, "{} funnels", funnels.len());
    let tables = every_page(
        &app,
        "/admin/tableau-de-bord",
        pages,
        "<h2 id=\"funnel\">",
        "</table>",
    )
    .await;
    for table in tables.split("</table>") {
        assert!(
            table.matches("<tr>").count() <= 51,
            "a header and 50 circles at most"
        );
    }
    for f in &funnels {
        let name = f.name.replace('&', "&amp;").replace('\'', "&#39;");
        assert!(
            tables.contains(&format!("<th scope=\"row\">{name}</th>")),
            "{name}"
        );
    }
}
