//! The national team's tools so far: the audit log (with filters and pages) and the
//! e-mail outbox (what was sent, what waits, what failed).

use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use chrono::{NaiveDate, TimeZone, Utc};
use mentorat_app::admin::{AUDIT_ACTIONS, AUDIT_COUNT_CAP};
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/journal", get(audit))
        .route("/admin/journal.csv", get(audit_csv))
        .route("/admin/courriels", get(outbox))
        .route("/admin/courriels.csv", get(outbox_csv))
        .route("/admin/courriels/{id}", get(outbox_message))
}

pub const PAGE_SIZE: u64 = 50;

pub struct Pager {
    pub pages: u64,
    /// « Page 2 sur 7 ».
    pub position: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// Links to the neighbouring pages, keeping the other query parameters.
pub fn pager(
    tr: &mentorat_app::i18n::Tr<'_>,
    base: &str,
    query: &str,
    page: u64,
    total: i64,
) -> Pager {
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE).max(1);
    // A page past the last (an old link) or 0 reads as the nearest page that exists.
    let page = page.clamp(1, pages);
    let href = |p: u64| {
        let sep = if query.is_empty() { "" } else { "&" };
        format!("{base}?{query}{sep}page={p}")
    };
    Pager {
        position: tr.tv(
            "pagination-status",
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        ),
        pages,
        previous: (page > 1).then(|| href(page - 1)),
        next: (page < pages).then(|| href(page + 1)),
    }
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    action: Option<String>,
    /// « Qui a consulté » : the address of the person viewed.
    personne: Option<String>,
    /// « Qu'a consulté » : the address of the viewer.
    par: Option<String>,
    since: Option<String>,
    until: Option<String>,
    page: Option<u64>,
}

struct AuditRow {
    at: String,
    actor: String,
    action: String,
    subject: String,
}

#[derive(Template)]
#[template(path = "pages/audit.html")]
struct AuditTemplate<'a> {
    page: Page<'a>,
    actions: Vec<(&'static str, String, bool)>,
    since: String,
    until: String,
    person: String,
    viewer: String,
    /// A « who » filter named nobody: the page says so rather than list everything.
    unknown: bool,
    rows: Vec<AuditRow>,
    total: i64,
    /// « 12 entrées », « Plus de 10 000 entrées… ».
    count: String,
    pager: Pager,
    /// The export of what the filters select.
    csv: String,
}

fn day(raw: Option<&str>) -> Option<NaiveDate> {
    raw.filter(|s| !s.is_empty())
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// The audit page's filters as its address gives them: the store's query, the query
/// string that keeps them (pages, export), and what the form shows again.
struct AuditFilters {
    filter: mentorat_app::admin::AuditQuery,
    query: String,
    action: Option<String>,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    person: String,
    viewer: String,
    /// A « who » filter named nobody.
    unknown: bool,
}

async fn audit_filters(ctx: &Ctx, q: AuditQuery) -> Result<AuditFilters, WebError> {
    ctx.require(Action::ReadAuditLog, &Resource::Platform)?;
    let action = q.action.filter(|a| AUDIT_ACTIONS.contains(&a.as_str()));
    let since = day(q.since.as_deref());
    let until = day(q.until.as_deref());
    let app = &ctx.state().app;
    let person = q.personne.unwrap_or_default().trim().to_owned();
    let viewer = q.par.unwrap_or_default().trim().to_owned();
    let subject = match person.as_str() {
        "" => None,
        raw => Some(app.account_id_by_email(raw).await?),
    };
    let actor = match viewer.as_str() {
        "" => None,
        raw => Some(app.account_id_by_email(raw).await?),
    };
    let unknown = matches!(subject, Some(None)) || matches!(actor, Some(None));
    let filter = mentorat_app::admin::AuditQuery {
        action: action.clone(),
        // An unknown address matches nobody (the nil id is no one's).
        subject: subject.map(|s| s.unwrap_or_default()),
        actor: actor.map(|a| a.unwrap_or_default()),
        since: since.map(|d| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))),
        until: until.map(|d| {
            Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
                + chrono::Duration::days(1)
        }),
    };
    let mut query = Vec::new();
    if let Some(a) = &action {
        query.push(format!("action={a}"));
    }
    if let Some(d) = since {
        query.push(format!("since={d}"));
    }
    if let Some(d) = until {
        query.push(format!("until={d}"));
    }
    if !person.is_empty() {
        query.push(format!(
            "personne={}",
            mentorat_app::events::url_encode(&person)
        ));
    }
    if !viewer.is_empty() {
        query.push(format!("par={}", mentorat_app::events::url_encode(&viewer)));
    }
    Ok(AuditFilters {
        filter,
        query: query.join("&"),
        action,
        since,
        until,
        person,
        viewer,
        unknown,
    })
}

fn audit_rows(ctx: &Ctx, entries: Vec<mentorat_app::admin::AuditEntry>) -> Vec<AuditRow> {
    let tr = ctx.tr();
    let paris = chrono_tz::Europe::Paris;
    entries
        .into_iter()
        .map(|e| AuditRow {
            at: e
                .at
                .with_timezone(&paris)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
            actor: who(e.actor_first_name, e.actor_last_name, e.actor_email)
                .unwrap_or_else(|| "—".into()),
            action: tr.t(&format!("action-{}", e.action)),
            subject: who(e.subject_first_name, e.subject_last_name, e.subject_email)
                .or_else(|| e.subject_id.map(|s| s.to_string()))
                .unwrap_or_default(),
        })
        .collect()
}

async fn audit(ctx: Ctx, Query(q): Query<AuditQuery>) -> Result<Response, WebError> {
    let page = q.page.unwrap_or(1).max(1);
    let f = audit_filters(&ctx, q).await?;
    let tr = ctx.tr();
    let (entries, total) = ctx
        .state()
        .app
        .audit_log(&f.filter, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let rows = audit_rows(&ctx, entries);
    let csv = match f.query.as_str() {
        "" => "/admin/journal.csv".to_owned(),
        query => format!("/admin/journal.csv?{query}"),
    };
    Ok(super::render(&AuditTemplate {
        page: ctx.page(tr.t("admin-audit-title")),
        actions: AUDIT_ACTIONS
            .iter()
            .map(|a| {
                (
                    *a,
                    tr.t(&format!("action-{a}")),
                    f.action.as_deref() == Some(a),
                )
            })
            .collect(),
        since: f.since.map(|d| d.to_string()).unwrap_or_default(),
        until: f.until.map(|d| d.to_string()).unwrap_or_default(),
        person: f.person,
        viewer: f.viewer,
        unknown: f.unknown,
        rows,
        total,
        count: if total > AUDIT_COUNT_CAP {
            tr.tn("audit-count-more", "count", AUDIT_COUNT_CAP)
        } else {
            tr.tn("audit-count", "count", total)
        },
        pager: pager(&tr, "/admin/journal", &f.query, page, total),
        csv,
    }))
}

/// The most lines an export of the audit log holds (the newest): narrower dates give
/// the rest.
pub const AUDIT_EXPORT_MAX: u64 = 50_000;

/// The audit log as the filters select it, newest first, as a CSV (itself audited).
async fn audit_csv(ctx: Ctx, Query(q): Query<AuditQuery>) -> Result<Response, WebError> {
    let f = audit_filters(&ctx, q).await?;
    let (entries, _) = ctx
        .state()
        .app
        .audit_log(&f.filter, 0, AUDIT_EXPORT_MAX)
        .await?;
    let tr = ctx.tr();
    let header = ["audit-at", "audit-action", "audit-actor", "audit-subject"].map(|k| tr.t(k));
    let rows = audit_rows(&ctx, entries)
        .into_iter()
        .map(|r| vec![r.at, r.action, r.actor, r.subject])
        .collect();
    super::list_export(&ctx, "audit_log", "journal.csv", &header, rows).await
}

/// « Prénom Nom <adresse> », when the entry names an account.
fn who(first: Option<String>, last: Option<String>, email: Option<String>) -> Option<String> {
    let email = email?;
    let name = format!("{} {}", first.unwrap_or_default(), last.unwrap_or_default());
    Some(format!("{} <{email}>", name.trim()))
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    pub page: Option<u64>,
}

struct OutboxRow {
    href: String,
    created: String,
    to: String,
    subject: String,
    status: String,
}

#[derive(Template)]
#[template(path = "pages/outbox.html")]
struct OutboxTemplate<'a> {
    page: Page<'a>,
    smtp_configured: bool,
    rows: Vec<OutboxRow>,
    pager: Pager,
}

fn status_of(tr: &mentorat_app::i18n::Tr<'_>, m: &mentorat_app::admin::OutboxMessage) -> String {
    if m.sent_at.is_some() {
        tr.t("outbox-sent")
    } else if m.failed_at.is_some() {
        tr.t("outbox-failed")
    } else {
        tr.t("outbox-waiting")
    }
}

async fn outbox(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    ctx.require(Action::ReadOutbox, &Resource::Platform)?;
    let tr = ctx.tr();
    let page = q.page.unwrap_or(1).max(1);
    let (messages, total) = ctx
        .state()
        .app
        .outbox((page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let paris = chrono_tz::Europe::Paris;
    let rows = messages
        .iter()
        .map(|m| OutboxRow {
            href: format!("/admin/courriels/{}", m.id),
            created: m
                .created_at
                .with_timezone(&paris)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            to: m.to_address.clone(),
            subject: m.subject.clone(),
            status: status_of(&tr, m),
        })
        .collect();
    Ok(super::render(&OutboxTemplate {
        page: ctx.page(tr.t("admin-outbox-title")),
        smtp_configured: ctx.state().app.settings.smtp_url.is_some(),
        rows,
        pager: pager(&tr, "/admin/courriels", "", page, total),
    }))
}

/// The outbox's messages, newest first (at most as many as the audit log's export), as
/// a CSV: when, to whom, what, where it stands — never the bodies.
async fn outbox_csv(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ReadOutbox, &Resource::Platform)?;
    let tr = ctx.tr();
    let (messages, _) = ctx.state().app.outbox(0, AUDIT_EXPORT_MAX).await?;
    let paris = chrono_tz::Europe::Paris;
    let rows = messages
        .iter()
        .map(|m| {
            vec![
                m.created_at
                    .with_timezone(&paris)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                m.to_address.clone(),
                m.subject.clone(),
                status_of(&tr, m),
            ]
        })
        .collect();
    let header = [
        "outbox-created",
        "outbox-to",
        "outbox-subject",
        "outbox-status",
    ]
    .map(|k| tr.t(k));
    super::list_export(&ctx, "outbox", "courriels.csv", &header, rows).await
}

#[derive(Template)]
#[template(path = "pages/outbox_message.html")]
struct MessageTemplate<'a> {
    page: Page<'a>,
    to: String,
    subject: String,
    status: String,
    body: String,
    /// The attachment's file name and text.
    attachment: Option<(String, String)>,
}

async fn outbox_message(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    ctx.require(Action::ReadOutbox, &Resource::Platform)?;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let message = ctx.state().app.outbox_message(id).await?;
    let tr = ctx.tr();
    Ok(super::render(&MessageTemplate {
        page: ctx.page(message.subject.clone()),
        status: status_of(&tr, &message),
        to: message.to_address,
        subject: message.subject,
        body: message.body_text,
        // The attached file (an event's calendar entry), named and shown as sent.
        attachment: message
            .attachment_name
            .map(|name| (name, message.attachment_body.unwrap_or_default())),
    }))
}
