//! The national team's inboxes as spreadsheets: the requests to host a conference and
//! the contact messages (`/admin/demandes.csv`, `/admin/messages.csv`, the state
//! filter kept), each download audited.

use super::inbox::{commune_name, national};
use crate::page::Ctx;
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::get;
use mentorat_domain::ContactStatus;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/demandes.csv", get(requests_csv))
        .route("/admin/messages.csv", get(messages_csv))
}

/// The most lines an export holds: the inboxes hold hundreds, not millions.
const MAX: u64 = 100_000;

fn day_time(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

async fn requests_csv(ctx: Ctx) -> Result<Response, WebError> {
    national(&ctx)?;
    let tr = ctx.tr();
    let (list, _) = ctx.state().app.hosting_requests(0, MAX).await?;
    let rows = list
        .into_iter()
        .map(|r| {
            vec![
                day_time(&r.created_at),
                r.association,
                commune_name(&r.commune_code),
                r.contact_name,
                r.email,
                r.phone,
                r.expected_audience.to_string(),
                r.preferred_dates,
                r.message,
                tr.t(&format!("request-status-{}", r.status)),
            ]
        })
        .collect();
    let header = [
        "outbox-created",
        "association-field",
        "commune-field",
        "csv-contact-name",
        "csv-email",
        "csv-phone",
        "audience-field",
        "dates-field",
        "message-field",
        "csv-status",
    ]
    .map(|k| tr.t(k));
    super::list_export(&ctx, "hosting_requests", "demandes.csv", &header, rows).await
}

#[derive(Deserialize, Default)]
struct StateQuery {
    etat: Option<String>,
}

async fn messages_csv(ctx: Ctx, Query(q): Query<StateQuery>) -> Result<Response, WebError> {
    national(&ctx)?;
    let tr = ctx.tr();
    let status = q.etat.as_deref().and_then(|s| ContactStatus::parse(s).ok());
    let (list, _) = ctx
        .state()
        .app
        .contact_messages(status.map(ContactStatus::as_str), 0, MAX)
        .await?;
    let rows = list
        .into_iter()
        .map(|m| {
            vec![
                day_time(&m.created_at),
                tr.t(&format!("category-{}", m.category)),
                m.name,
                m.email,
                m.message,
                tr.t(&format!("message-status-{}", m.status)),
            ]
        })
        .collect();
    let header = [
        "outbox-created",
        "category-field",
        "csv-contact-name",
        "csv-email",
        "message-field",
        "csv-status",
    ]
    .map(|k| tr.t(k));
    super::list_export(&ctx, "contact_messages", "messages.csv", &header, rows).await
}
