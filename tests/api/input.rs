//! Bad input at every form: each role's pages are crawled, every form found that posts
//! is sent again with one field made bad (a NUL byte in any field a person types in, a
//! bidirectional override in a name or title, an impossible date), and each answer must
//! be a 422 with nothing stored.

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with, spawn_demo_app};
use std::collections::{BTreeMap, BTreeSet};

/// A form as the page holds it.
#[derive(Debug, Clone)]
struct Form {
    action: String,
    /// (name, kind, value): `kind` is the input's type, `textarea` or `select`.
    fields: Vec<(String, String, String)>,
    /// The fields marked `required`.
    required: BTreeSet<String>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The forms of a page that post (multipart uploads aside).
fn forms_in(html: &str) -> Vec<Form> {
    let mut forms = Vec::new();
    for part in html.split("<form").skip(1) {
        let Some(head_end) = part.find('>') else {
            continue;
        };
        let head = &part[..head_end];
        let body = &part[..part.find("</form>").unwrap_or(part.len())];
        let post = attribute(head, "method").is_some_and(|m| m.eq_ignore_ascii_case("post"));
        if !post || head.contains("multipart/form-data") {
            continue;
        }
        let Some(action) = attribute(head, "action") else {
            continue;
        };
        let mut fields = Vec::new();
        let mut required = BTreeSet::new();
        let mut rest = body;
        while let Some(at) = rest.find('<') {
            rest = &rest[at..];
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..tag_end];
            let named = ["<input", "<textarea", "<select"]
                .iter()
                .any(|t| tag.starts_with(t));
            if named
                && (tag.contains(" required ") || tag.ends_with(" required"))
                && let Some(name) = attribute(tag, "name")
            {
                required.insert(name);
            }
            if let Some(tag) = tag.strip_prefix("<input") {
                if let Some(name) = attribute(tag, "name") {
                    let kind = attribute(tag, "type").unwrap_or_else(|| "text".into());
                    let value = attribute(tag, "value").unwrap_or_default();
                    let ticked = tag.contains(" checked");
                    match kind.as_str() {
                        "checkbox" | "radio" if !ticked => {}
                        _ => fields.push((name, kind, value)),
                    }
                }
            } else if let Some(tag) = tag.strip_prefix("<textarea") {
                if let Some(name) = attribute(tag, "name") {
                    let text = &rest[tag_end + 1..];
                    let text = &text[..text.find("</textarea>").unwrap_or(0)];
                    fields.push((name, "textarea".into(), unescape(text)));
                }
            } else if let Some(tag) = tag.strip_prefix("<select")
                && let Some(name) = attribute(tag, "name")
            {
                let options = &rest[..rest.find("</select>").unwrap_or(rest.len())];
                let chosen = options
                    .split("<option")
                    .skip(1)
                    .find(|o| o[..o.find('>').unwrap_or(0)].contains(" selected"))
                    .or_else(|| options.split("<option").nth(1))
                    .and_then(|o| attribute(o, "value"))
                    .unwrap_or_default();
                fields.push((name, "select".into(), chosen));
            }
            rest = &rest[1..];
        }
        forms.push(Form {
            action,
            fields,
            required,
        });
    }
    forms
}

/// The same-site links of a page worth following.
fn links_in(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(unescape)
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| h.split('#').next().unwrap_or_default().to_owned())
        .filter(|h| {
            ![
                "/static/",
                "/deconnexion",
                ".ics",
                ".csv",
                ".svg",
                "/api/",
                "/export",
            ]
            .iter()
            .any(|skip| h.contains(skip))
        })
        .collect()
}

/// A path with its ids replaced, so that one form per kind is tried.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if part.len() == 36 && part.parse::<uuid::Uuid>().is_ok() {
                "{id}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The forms `client` reaches from its first pages, one per kind.
async fn reachable_forms(app: &TestApp, client: &reqwest::Client) -> Vec<Form> {
    let mut seen = BTreeSet::new();
    let mut shapes = BTreeSet::new();
    let mut queue: Vec<String> = vec!["/".into(), "/mon-espace".into(), "/contact".into()];
    let mut forms = BTreeMap::new();
    while let Some(path) = queue.pop() {
        // One page per shape of address (every event page has the same forms), and a
        // bound on the crawl.
        let without_query = path.split('?').next().unwrap_or_default();
        if !seen.insert(path.clone()) || !shapes.insert(shape(without_query)) || seen.len() > 400 {
            continue;
        }
        let response = client.get(app.url(&path)).send().await.unwrap();
        let html_page = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        if response.status() != 200 || !html_page {
            continue;
        }
        let html = response.text().await.unwrap();
        for form in forms_in(&html) {
            let names: Vec<&str> = form.fields.iter().map(|f| f.0.as_str()).collect();
            let key = format!("{} {}", shape(&form.action), names.join(","));
            forms.entry(key).or_insert(form);
        }
        queue.extend(links_in(&html));
    }
    forms.into_values().collect()
}

/// Kinds of field a person types in.
fn typed(kind: &str) -> bool {
    !matches!(
        kind,
        "hidden" | "checkbox" | "radio" | "submit" | "select" | "button"
    )
}

const MARK: &str = "ZZBADZZ";

/// Every text column of every table holding `needle` (the marked values).
async fn stored_anywhere(app: &TestApp, needle: &str) -> Vec<String> {
    use sqlx::Row;
    let url = app.database_url();
    let mut found = Vec::new();
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        let tables: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
                .fetch_all(&pool)
                .await
                .unwrap();
        for table in tables {
            let columns = sqlx::query(&format!("PRAGMA table_info(\"{table}\")"))
                .fetch_all(&pool)
                .await
                .unwrap();
            for column in columns {
                let name: String = column.get("name");
                let n: i64 = sqlx::query_scalar(&format!(
                    "SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{name}\" AS TEXT) LIKE ?"
                ))
                .bind(format!("%{needle}%"))
                .fetch_one(&pool)
                .await
                .unwrap();
                if n > 0 {
                    found.push(format!("{table}.{name}"));
                }
            }
        }
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        let columns: Vec<(String, String)> = sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        for (table, name) in columns {
            let n: i64 = sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE \"{name}\" LIKE $1"
            ))
            .bind(format!("%{needle}%"))
            .fetch_one(&pool)
            .await
            .unwrap();
            if n > 0 {
                found.push(format!("{table}.{name}"));
            }
        }
        pool.close().await;
    }
    found
}

/// Each role's forms, each field made bad in turn: a 422 every time, nothing stored.
#[tokio::test]
async fn bad_text_or_dates_in_any_form_are_refused_and_nothing_is_stored() {
    let app = spawn_demo_app().await;
    let census = app.app.store.census().await.unwrap();
    let people = [
        None,
        Some("admin@mentorat.example"),
        Some("coordination.compiegne@mentorat.example"),
        Some("mentor@mentorat.example"),
        Some("porteur@mentorat.example"),
    ];
    let mut tried = 0;
    let mut refusals: Vec<String> = Vec::new();
    for person in people {
        let client = match person {
            Some(email) => app.browser_of(email, DEMO_PASSWORD).await.client,
            None => app.new_client(),
        };
        let forms = reachable_forms(&app, &client).await;
        assert!(!forms.is_empty(), "{person:?} reaches forms");
        for form in forms {
            if form.action.contains("deconnexion") || form.action == "/connexion" {
                continue;
            }
            let mut cases: Vec<(String, String, &str)> = Vec::new();
            for (name, kind, _) in &form.fields {
                if typed(kind) {
                    cases.push((name.clone(), format!("{MARK}\u{0}x"), "a NUL byte"));
                }
                if listed("NAMES_AND_TITLES").contains(&name.as_str()) {
                    cases.push((
                        name.clone(),
                        format!("{MARK}\u{202E}x"),
                        "a direction override",
                    ));
                }
                if kind == "date" {
                    cases.push((name.clone(), "1800-01-01".into(), "a date in 1800"));
                    cases.push((name.clone(), "2099-01-01".into(), "a date in 2099"));
                }
                if name == "birth_year" {
                    cases.push((name.clone(), "1800".into(), "a birth in 1800"));
                }
            }
            for (field, bad, what) in cases {
                let body: Vec<(String, String)> = form
                    .fields
                    .iter()
                    .map(|(name, _, value)| {
                        let value = if *name == field { &bad } else { value };
                        (name.clone(), value.clone())
                    })
                    .collect();
                let response = client
                    .post(app.url(&form.action))
                    .header("Origin", &app.address)
                    .form(&body)
                    .send()
                    .await
                    .unwrap();
                tried += 1;
                let status = response.status().as_u16();
                if status != 422 {
                    refusals.push(format!(
                        "{person:?} {} with {what} in {field}: {status}",
                        form.action
                    ));
                }
            }
        }
    }
    assert!(tried > 50, "{tried} bad submissions only");
    assert!(refusals.is_empty(), "not refused with a 422: {refusals:#?}");
    assert_eq!(
        stored_anywhere(&app, MARK).await,
        Vec::<String>::new(),
        "nothing marked is stored"
    );
    assert_eq!(app.app.store.census().await.unwrap(), census);
}

/// The web crate's source, every file under `crates/web/src` as (path, text).
fn web_sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.display().to_string(), text));
            }
        }
    }
    files
}

fn listed(name: &str) -> Vec<&'static str> {
    let source = include_str!("../../crates/web/src/input.rs");
    let list = &source[source.find(&format!("pub const {name}")).unwrap()..];
    let list = &list[..list.find("];").unwrap()];
    list.split('"').skip(1).step_by(2).collect()
}

/// The edge keeps line breaks in the fields shown as several lines, and checks the
/// boxes ticked: its lists hold every `<textarea>` and every box of value `1` that a
/// template or a form builder shows.
#[test]
fn the_edges_lists_hold_every_textarea_and_every_box() {
    let multi_line = listed("MULTI_LINE");
    let yes_no = listed("YES_NO");
    let mut textareas = BTreeSet::new();
    let mut boxes = BTreeSet::new();
    for (path, text) in web_sources() {
        for part in text.split("<textarea").skip(1) {
            if let Some(name) = attribute(&part[..part.find('>').unwrap()], "name")
                && !name.contains("{{")
            {
                textareas.insert(name);
            }
        }
        // Form builders: `Field::new("name", label, "textarea", …)`, possibly over lines.
        for part in text.split("Field::new(").skip(1) {
            let call = &part[..part.find(')').unwrap_or(part.len())];
            let strings: Vec<&str> = call.split('"').skip(1).step_by(2).collect();
            if strings.contains(&"textarea") {
                textareas.insert(strings[0].to_owned());
            }
        }
        for part in text.split("type=\"checkbox\"").skip(1) {
            let tag = &part[..part.find('>').unwrap()];
            if attribute(tag, "value").as_deref() == Some("1")
                && let Some(name) = attribute(tag, "name")
                && !name.contains("{{")
            {
                boxes.insert(name);
            }
        }
        for part in text.split("checkbox = Some((").skip(1) {
            let name = part.split('"').nth(1).unwrap();
            boxes.insert(name.to_owned());
        }
        assert!(!path.is_empty());
    }
    assert!(
        textareas.len() >= 8 && boxes.len() >= 4,
        "{textareas:?} {boxes:?}"
    );
    for name in &textareas {
        assert!(
            multi_line.contains(&name.as_str()),
            "textarea {name} not in MULTI_LINE"
        );
    }
    for name in &boxes {
        assert!(yes_no.contains(&name.as_str()), "box {name} not in YES_NO");
    }
}

/// A plausible value for an empty field, by kind, recognisable in the page that comes
/// back (`n` tells the fields apart).
fn plausible(name: &str, kind: &str, n: usize) -> Option<String> {
    // The trap for robots, hidden from people: a person leaves it empty.
    if name == "website" {
        return None;
    }
    Some(match kind {
        "email" => format!("garde{n}@exemple.fr"),
        "tel" => format!("06123456{n:02}"),
        "number" if name == "birth_year" => "1990".into(),
        "number" => "3".into(),
        "date" => chrono::Utc::now().format("%Y-%m-%d").to_string(),
        "time" => "18:30".into(),
        "password" | "hidden" | "checkbox" | "radio" | "submit" | "button" | "select" => {
            return None;
        }
        _ => format!("Saisie{n} gardée"),
    })
}

/// Each role's forms sent with one required field left empty, or one date impossible: a
/// 422, and every other field a person typed in comes back as typed (passwords aside).
#[tokio::test]
async fn a_form_refused_keeps_everything_else_that_was_typed() {
    // Every public form is limited per address, and every request here comes from one.
    let app = spawn_app_with(|s| s.rate_burst = 10_000).await;
    app.app.load_demo().await.unwrap();
    let people = [
        None,
        Some("admin@mentorat.example"),
        Some("coordination.compiegne@mentorat.example"),
        Some("mentor@mentorat.example"),
        Some("porteur@mentorat.example"),
    ];
    let mut tried = 0;
    let mut lost: Vec<String> = Vec::new();
    for person in people {
        let client = match person {
            Some(email) => app.browser_of(email, DEMO_PASSWORD).await.client,
            None => app.new_client(),
        };
        for form in reachable_forms(&app, &client).await {
            if form.action.contains("deconnexion") || form.action == "/connexion" {
                continue;
            }
            // Every field a person types in, filled; then each required one left empty.
            let filled: Vec<(String, String, String)> = form
                .fields
                .iter()
                .enumerate()
                .map(|(n, (name, kind, value))| {
                    let value = match plausible(name, kind, n) {
                        Some(v) if value.is_empty() || kind != "date" => v,
                        _ => value.clone(),
                    };
                    (name.clone(), kind.clone(), value)
                })
                .collect();
            // Each required field left empty, and each date made impossible.
            let bad = form
                .required
                .iter()
                .map(|name| (name.clone(), String::new()))
                .chain(
                    filled
                        .iter()
                        .filter(|(_, kind, _)| kind == "date")
                        .map(|(name, _, _)| (name.clone(), "1800-01-01".to_owned())),
                );
            for (empty, bad_value) in bad {
                let empty = &empty;
                let body: Vec<(String, String)> = filled
                    .iter()
                    .map(|(name, _, value)| {
                        let value = if name == empty { &bad_value } else { value };
                        (name.clone(), value.to_owned())
                    })
                    .collect();
                let response = client
                    .post(app.url(&form.action))
                    .header("Origin", &app.address)
                    .form(&body)
                    .send()
                    .await
                    .unwrap();
                tried += 1;
                let status = response.status().as_u16();
                let html = unescape(&response.text().await.unwrap());
                if status != 422 {
                    lost.push(format!(
                        "{person:?} {} without {empty}: {status}",
                        form.action
                    ));
                    continue;
                }
                for (name, kind, value) in &filled {
                    let typed_in = plausible(name, kind, 0).is_some();
                    if name != empty
                        && typed_in
                        && !value.is_empty()
                        && !html.contains(value.as_str())
                    {
                        lost.push(format!(
                            "{person:?} {} without {empty}: {name} lost ({value})",
                            form.action
                        ));
                    }
                }
            }
        }
    }
    assert!(tried > 20, "{tried} forms only");
    assert!(lost.is_empty(), "{tried} tried: {lost:#?}");
}
