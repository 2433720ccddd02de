//! A person's data export: every section about them, read with a fixed number of
//! queries.

use crate::db;
use crate::{Result, Store};
use sea_query::{Alias, Cond, Expr, ExprTrait, Func, Order, Query};
use uuid::Uuid;

/// One part of a person's data export: its name and its rows.
pub type Section = (
    &'static str,
    Vec<serde_json::Map<String, serde_json::Value>>,
);

/// Columns never exported: secrets, other people's ids, what only the platform reads.
const NOT_EXPORTED: [&str; 13] = [
    "password_hash",
    "token_hash",
    "consent_hash",
    "cancel_hash",
    "invite_hash",
    "email_folded",
    "background_checked_by",
    "reviewed_by",
    "claimed_until",
    "body_html",
    "attachment_body",
    "last_error",
    "attempts",
];

impl Store {
    /// Every record about a person, section by section (see the privacy page): a fixed
    /// number of queries, whatever they hold.
    pub async fn export_of(&self, user: Uuid, email_folded: &str) -> Result<Vec<Section>> {
        let mine = || {
            Cond::any()
                .add(Expr::col("mentor_id").eq(user))
                .add(Expr::col("mentee_id").eq(user))
        };
        let relationships = Query::select()
            .column("id")
            .from("mentorships")
            .cond_where(mine())
            .to_owned();
        let projects = Query::select()
            .column("id")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user))
            .to_owned();
        let of_relationships = |table: &str| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::col("mentorship_id").in_subquery(relationships.clone()))
                .to_owned()
        };
        let all = |table: &str, column: &str, value: sea_query::Value| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::col(Alias::new(column)).eq(value))
                .to_owned()
        };
        let access = Query::select()
            .expr_as(Expr::col(("audit_log", "at")), "at")
            .expr_as(Expr::col(("audit_log", "action")), "action")
            .expr_as(Expr::col(("audit_log", "detail")), "detail")
            .expr_as(Expr::col(("users", "first_name")), "by_first_name")
            .expr_as(
                Expr::cust("substr(users.last_name, 1, 1)"),
                "by_last_initial",
            )
            .from("audit_log")
            .left_join(
                "users",
                Expr::col(("users", "id")).equals(("audit_log", "actor_id")),
            )
            .and_where(Expr::col(("audit_log", "subject_id")).eq(user))
            .order_by(("audit_log", "at"), Order::Asc)
            .to_owned();
        let roles = Query::select()
            .expr_as(Expr::col(("role_grants", "role")), "role")
            .expr_as(Expr::col(("circles", "name")), "circle")
            .expr_as(Expr::col(("partners", "name")), "partner")
            .expr_as(Expr::col(("role_grants", "created_at")), "created_at")
            .from("role_grants")
            .left_join(
                "circles",
                Expr::col(("circles", "id")).equals(("role_grants", "circle_id")),
            )
            .left_join(
                "partners",
                Expr::col(("partners", "id")).equals(("role_grants", "partner_id")),
            )
            .and_where(Expr::col(("role_grants", "user_id")).eq(user))
            .to_owned();
        let mails = Query::select()
            .columns([
                "to_address",
                "subject",
                "body_text",
                "created_at",
                "sent_at",
            ])
            .from("outbox")
            .and_where(Expr::expr(Func::lower(Expr::col("to_address"))).eq(email_folded))
            .order_by("created_at", Order::Asc)
            .to_owned();
        let by_email = |table: &str| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::expr(Func::lower(Expr::col("email"))).eq(email_folded))
                .to_owned()
        };
        let statements: Vec<(&'static str, sea_query::SelectStatement)> = vec![
            ("account", all("users", "id", user.into())),
            ("roles", roles),
            ("mentor_application", all("mentors", "user_id", user.into())),
            (
                "mentor_fields",
                all("mentor_domains", "user_id", user.into()),
            ),
            ("projects", all("projects", "mentee_id", user.into())),
            (
                "project_fields",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("project_domains")
                    .and_where(Expr::col("project_id").in_subquery(projects))
                    .to_owned(),
            ),
            (
                "requests",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("mentorship_requests")
                    .cond_where(mine())
                    .to_owned(),
            ),
            (
                "mentorships",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("mentorships")
                    .cond_where(mine())
                    .to_owned(),
            ),
            ("meetings", of_relationships("meetings")),
            ("goals", of_relationships("goals")),
            ("messages", of_relationships("messages")),
            ("checkins", all("checkins", "author_id", user.into())),
            ("feedback", all("feedback", "author_id", user.into())),
            (
                "feedback_outcomes",
                all("feedback_outcomes", "author_id", user.into()),
            ),
            ("api_tokens", all("api_tokens", "user_id", user.into())),
            (
                "reports",
                all("mentorship_reports", "reporter_id", user.into()),
            ),
            (
                "registrations",
                all("registrations", "email_folded", email_folded.into()),
            ),
            ("contact_messages", by_email("contact_messages")),
            ("hosting_requests", by_email("hosting_requests")),
            ("emails_received", mails),
            ("access_log", access),
        ];
        let mut sections = Vec::with_capacity(statements.len());
        for (name, q) in statements {
            let mut rows = db::fetch_json(&mut &*self, &q).await?;
            for row in &mut rows {
                for column in NOT_EXPORTED {
                    row.remove(column);
                }
            }
            sections.push((name, rows));
        }
        Ok(sections)
    }
}
