//! The route × role matrix: for every route of the platform and every role, the answer
//! written down here is the answer given, on SQLite and PostgreSQL. A route missing
//! from this table fails `every_route_has_a_row`.
//!
//! Columns: anonymous, porteur de projet, mentor, partner association (Compiègne),
//! coordinator of Compiègne, coordinator of Paris, national team. 303 for a protected
//! page means "sent to sign in"; 403 is "signed in, not allowed".

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with};
use std::collections::BTreeSet;

mod office;
mod pages;
mod places;
mod tokens;

pub(crate) use places::{Places, clients_of_every_role};

/// Every row, in the order they run (some rows change what later ones see: they come
/// last).
pub(crate) fn rows() -> impl Iterator<Item = &'static Row> {
    pages::PAGE_ROWS.iter().chain(office::OFFICE_ROWS)
}

pub(crate) const ROLES: [Option<&str>; 7] = [
    None,
    Some("porteur@mentorat.example"),
    Some("mentor@mentorat.example"),
    Some("partenaire@mentorat.example"),
    Some("coordination.compiegne@mentorat.example"),
    Some("coordination.paris@mentorat.example"),
    Some("admin@mentorat.example"),
];

const STRONG: &str = "la grange bleue du vieux moulin";

pub(crate) struct Row {
    pub(crate) method: &'static str,
    template: &'static str,
    /// The concrete path, `{css}` and `{message}` filled in at run time.
    pub(crate) path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 7],
}

const ALL_200: [u16; 7] = [200; 7];
const MEMBERS: [u16; 7] = [303, 200, 200, 200, 200, 200, 200];
const MEMBERS_FORM: [u16; 7] = [303, 422, 422, 422, 422, 422, 422];
/// Coordinators (of any circle) and the national team.
const OFFICES: [u16; 7] = [303, 403, 403, 403, 200, 200, 200];
/// The same, for a form sent incomplete (the page says what is missing).
const OFFICES_FORM: [u16; 7] = [303, 403, 403, 403, 422, 422, 422];
/// An API route for anyone signed in (anonymous: 401, no redirect).
const API_MEMBERS: [u16; 7] = [401, 200, 200, 200, 200, 200, 200];
const NATIONAL: [u16; 7] = [303, 403, 403, 403, 403, 403, 200];
const NATIONAL_FORM: [u16; 7] = [303, 403, 403, 403, 403, 403, 422];
const NATIONAL_DONE: [u16; 7] = [303, 403, 403, 403, 403, 403, 303];
/// A Compiègne event hosted by the Compiègne partner association.
const COMPIEGNE_ORGANISERS: [u16; 7] = [303, 403, 403, 200, 200, 403, 200];
/// The same, for an action done (then a redirect to the page that says so).
const COMPIEGNE_ORGANISERS_DONE: [u16; 7] = [303, 403, 403, 303, 303, 403, 303];
/// A Paris event: neither the Compiègne partner nor the Compiègne coordinator.
const PARIS_ORGANISERS: [u16; 7] = [303, 403, 403, 403, 403, 200, 200];
/// The back office of the Compiègne circle: its coordinator and the national team.
const COMPIEGNE_OFFICE: [u16; 7] = [303, 403, 403, 403, 200, 403, 200];
const COMPIEGNE_OFFICE_FORM: [u16; 7] = [303, 403, 403, 403, 422, 403, 422];
/// Done by its coordinator, then refused to the national team (done already).
const COMPIEGNE_OFFICE_ONCE: [u16; 7] = [303, 403, 403, 403, 303, 403, 422];

const fn get(template: &'static str, path: &'static str, expect: [u16; 7]) -> Row {
    Row {
        method: "GET",
        template,
        path,
        form: &[],
        expect,
    }
}

const fn post(
    template: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 7],
) -> Row {
    Row {
        method: "POST",
        template,
        path,
        form,
        expect,
    }
}

#[test]
fn every_route_has_a_row() {
    let declared = crate::routes::declared();
    let covered: BTreeSet<(String, String)> = rows()
        .map(|r| (r.method.to_owned(), r.template.to_owned()))
        .collect();
    let missing: Vec<_> = declared.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist: {stale:?}"
    );
}

/// The run-time parts of the matrix's paths: ids of demo records and of records made
/// for the run.

#[tokio::test]
async fn every_route_answers_every_role_as_written() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    let places = Places::prepare(&app).await;
    let clients = clients_of_every_role(&app).await;
    let mut failures = Vec::new();
    for row in rows() {
        let path = places.fill(row.path);
        for (i, client) in clients.iter().enumerate() {
            let response = if row.method == "GET" {
                client.get(app.url(&path)).send().await.unwrap()
            } else {
                let csrf = app.csrf_of(client, None).await;
                let filled: Vec<(&str, String)> =
                    row.form.iter().map(|(k, v)| (*k, places.fill(v))).collect();
                let mut form: Vec<(&str, &str)> =
                    filled.iter().map(|(k, v)| (*k, v.as_str())).collect();
                form.push(("csrf", &csrf));
                client
                    .post(app.url(&path))
                    .header("Origin", &app.address)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
            };
            let status = response.status().as_u16();
            if status != row.expect[i] {
                failures.push(format!(
                    "{} {} as {:?}: got {status}, expected {}",
                    row.method, path, ROLES[i], row.expect[i]
                ));
            } else if status == 303 && row.expect == MEMBERS || row.expect == NATIONAL && i == 0 {
                let location = response
                    .headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap().to_owned())
                    .unwrap_or_default();
                if !location.starts_with("/connexion?retour=") {
                    failures.push(format!(
                        "{} {path} as anonymous: sent to {location}, not to sign in",
                        row.method
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
