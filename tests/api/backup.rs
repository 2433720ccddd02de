//! Backups (issue 22): a copy taken while people write restores into a fresh SQLite or
//! PostgreSQL database with every row that existed before it began, values equal,
//! integrity checks passing, and the restored platform serves the same pages.

use crate::helpers::{TestApp, spawn_app_in};
use mentorat_app::events::RegistrationForm;
use mentorat_domain::Locale;
use mentorat_store::backup::{self, Silent};
use mentorat_store::testing::TestDatabase;
use mentorat_store::{Store, StoreOptions};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// A copy of `store`, in memory.
async fn copy_of(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.backup(&mut out, &mut Silent).await.unwrap();
    out
}

/// A value in one form whatever the backend wrote: booleans as 0 or 1, instants to
/// the microsecond (PostgreSQL's precision).
fn canonical(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::from(i64::from(*b)),
        Value::String(s) => match chrono::DateTime::parse_from_rfc3339(s) {
            // Rounded to the microsecond as PostgreSQL rounds what it is given: to the
            // nearest, a half to the even one (`rint`), so …694500 ns keeps …694 µs.
            Ok(at) => {
                let at = at.with_timezone(&chrono::Utc);
                let ns = at.timestamp_subsec_nanos();
                let (micros, rest) = (ns / 1_000, ns % 1_000);
                let up = rest > 500 || (rest == 500 && micros % 2 == 1);
                let down = at - chrono::Duration::nanoseconds(i64::from(rest));
                let at = if up {
                    down + chrono::Duration::microseconds(1)
                } else {
                    down
                };
                Value::String(at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
            }
            Err(_) => v.clone(),
        },
        other => other.clone(),
    }
}

/// A copy's rows, table by table, keyed by their primary key (the `id`; else the first
/// column for the tables whose rows the writes change — counters, marks —, the whole
/// row for the others), in canonical form.
type Rows = BTreeMap<String, BTreeMap<String, Vec<Value>>>;

fn rows_of(copy: &[u8]) -> Rows {
    let mut tables: Rows = BTreeMap::new();
    let mut current: Option<(String, Option<usize>)> = None;
    for line in copy.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let v: Value = serde_json::from_slice(line).unwrap();
        match v {
            Value::Object(o) if o.contains_key("table") => {
                let name = o["table"].as_str().unwrap().to_owned();
                let id = o["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .position(|c| c == "id")
                    .or(CHANGING.contains(&name.as_str()).then_some(0));
                tables.entry(name.clone()).or_default();
                current = Some((name, id));
            }
            Value::Array(values) => {
                let (name, id) = current.as_ref().unwrap();
                let values: Vec<Value> = values.iter().map(canonical).collect();
                let key = match id {
                    Some(i) => values[*i].to_string(),
                    None => Value::Array(values.clone()).to_string(),
                };
                tables.get_mut(name).unwrap().insert(key, values);
            }
            _ => {}
        }
    }
    tables
}

/// The tables whose rows the writes below change (counters and marks).
const CHANGING: [&str; 5] = [
    "generations",
    "events",
    "thread_reads",
    "rate_limits",
    "mentors",
];

/// Restores `copy` into the fresh database `db`, as `mentorat restore` does.
async fn restored(db: &TestDatabase, copy: &[u8]) -> Store {
    let store = Store::connect(&db.url, &StoreOptions::default())
        .await
        .unwrap();
    let header = backup::read_header(&mut &copy[..]).unwrap();
    store.migrate_to(header.migration).await.unwrap();
    store.restore(&mut &copy[..], &mut Silent).await.unwrap();
    store.migrate().await.unwrap();
    store
}

/// Writes until `stop`: a message in the demo mentor's thread with Kevin, a registration
/// to a conference, a request of the demo porteur (the first only: then it is asked).
fn keep_writing(
    app: &TestApp,
    stop: Arc<AtomicBool>,
    written: Arc<AtomicU64>,
) -> tokio::task::JoinHandle<()> {
    let app = app.app.clone();
    tokio::spawn(async move {
        let mentor = mentorat_app::demo::demo_id("user/mentor@mentorat.example");
        let kevin = app
            .mentorships_of(mentor)
            .await
            .unwrap()
            .into_iter()
            .next()
            .expect("the demo mentor's relationship");
        let event = mentorat_app::demo::demo_id("conference/compiegne/next");
        let mut i = 0u32;
        while !stop.load(Ordering::Relaxed) {
            i += 1;
            app.post_message(mentor, &kevin, &format!("Message numéro {i}"))
                .await
                .unwrap();
            let client = mentorat_app::auth::Client {
                ip: format!("10.9.{}.{}", i / 250, i % 250).parse().unwrap(),
                device: None,
            };
            let form = RegistrationForm {
                first_name: "Agathe".into(),
                last_name: format!("Écrit{i}"),
                email: format!("ecrit{i}@exemple.fr"),
                consent_contact: true,
                ..Default::default()
            };
            app.register_for_event(event, &form, Locale::Fr, &client)
                .await
                .unwrap();
            written.fetch_add(2, Ordering::Relaxed);
        }
    })
}

/// The databases a copy is restored into: a fresh SQLite one, and a PostgreSQL one
/// when the suite runs with PostgreSQL.
async fn targets() -> Vec<TestDatabase> {
    let mut out = vec![TestDatabase::sqlite()];
    out.extend(TestDatabase::postgres_if_set().await);
    out
}

async fn source_apps() -> Vec<TestApp> {
    let mut out = Vec::new();
    for db in [
        Some(TestDatabase::sqlite()),
        TestDatabase::postgres_if_set().await,
    ]
    .into_iter()
    .flatten()
    {
        let app = spawn_app_in(db, |s| s.rate_burst = 10_000).await;
        app.app.load_demo().await.unwrap();
        out.push(app);
    }
    out
}

#[tokio::test]
async fn a_copy_taken_while_people_write_restores_every_row_into_sqlite_and_postgresql() {
    for source in source_apps().await {
        let before = rows_of(&copy_of(&source.app.store).await);
        let stop = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicU64::new(0));
        let writer = keep_writing(&source, stop.clone(), written.clone());
        // Let the writes begin, then copy while they go on.
        while written.load(Ordering::Relaxed) < 6 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        // A copy is fast on a busy machine and a write's commit slow: copy again until
        // a write landed while one was taken (the first one, nearly always).
        let mut copy = Vec::new();
        let mut during = 0;
        for _ in 0..50 {
            let at_start = written.load(Ordering::Relaxed);
            copy = copy_of(&source.app.store).await;
            during = written.load(Ordering::Relaxed) - at_start;
            if during > 0 {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        writer.await.unwrap();
        assert!(during > 0, "people wrote while the copy was taken");
        let copied = rows_of(&copy);
        // Every row that existed before the copy began is in it; rows the writes do not
        // change are equal value for value.
        let changing: BTreeSet<&str> = CHANGING.into();
        for (table, rows) in &before {
            for (key, values) in rows {
                let got = copied[table]
                    .get(key)
                    .unwrap_or_else(|| panic!("{table} {key} is missing from the copy"));
                if !changing.contains(table.as_str()) {
                    assert_eq!(got, values, "{table} {key}");
                }
            }
        }
        let mut pages: Vec<(String, String)> = Vec::new();
        for target in targets().await {
            let store = restored(&target, &copy).await;
            assert_eq!(
                store.integrity_problems().await.unwrap(),
                Vec::<String>::new()
            );
            // Restored row for row, value for value.
            let again = rows_of(&copy_of(&store).await);
            assert_eq!(
                again.keys().collect::<Vec<_>>(),
                copied.keys().collect::<Vec<_>>()
            );
            for (table, rows) in &copied {
                if table == "generations" {
                    // The triggers move the counters as rows come back: never backwards.
                    for (key, values) in rows {
                        assert!(again[table][key][1].as_i64() >= values[1].as_i64(), "{key}");
                    }
                    continue;
                }
                for (key, values) in rows {
                    assert_eq!(again[table].get(key), Some(values), "{table} {key}");
                }
                assert_eq!(again[table].len(), rows.len(), "{table}");
            }
            drop(store);
            // The restored platform serves the same pages.
            let app = spawn_app_in(target, |_| {}).await;
            let mut seen = String::new();
            for path in ["/", "/cercles", "/cercles/compiegne"] {
                seen.push_str(&app.get_html(path).await);
            }
            let thread = app
                .browser_of("mentor@mentorat.example", crate::helpers::DEMO_PASSWORD)
                .await
                .get_html("/mon-espace")
                .await;
            assert!(thread.contains("Kevin Roux"));
            pages.push((format!("{:?}", app.app.store.backend()), seen));
        }
        for pair in pages.windows(2) {
            assert_eq!(
                pair[0].1, pair[1].1,
                "{} and {} serve the same pages",
                pair[0].0, pair[1].0
            );
        }
    }
}

#[tokio::test]
async fn a_copy_is_refused_when_it_is_truncated_or_not_a_backup() {
    let source = &source_apps().await[0];
    let copy = copy_of(&source.app.store).await;
    let target = TestDatabase::sqlite();
    let store = Store::connect(&target.url, &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let half = &copy[..copy.len() / 2];
    // Cut at a line's end: a whole file's beginning, without its end.
    let cut = &half[..=half.iter().rposition(|b| *b == b'\n').unwrap()];
    assert!(store.restore(&mut &cut[..], &mut Silent).await.is_err());
    assert_eq!(
        store.accounts_count().await.unwrap(),
        0,
        "nothing restored from half a copy"
    );
    assert!(store.restore(&mut &b"{}\n"[..], &mut Silent).await.is_err());
}
