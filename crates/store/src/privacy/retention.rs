//! The retention rules: the rows each clears as of a date, and clearing them; the
//! day's sweep lease.

use super::{Key, pseudonymise_registration};
use crate::db::{self, Backend};
use crate::{Result, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use sea_query::{Cond, Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

/// What the retention sweep clears, rule by rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A past event's registrations of people without an account: pseudonymised.
    Registrations,
    /// Closed contact messages: deleted.
    ContactMessages,
    /// Closed hosting requests: deleted.
    HostingRequests,
    /// A closed relationship's messages: deleted.
    Messages,
    /// A closed relationship's check-in comments and meeting notes: cleared.
    RelationshipNotes,
    /// Sent (or abandoned) e-mails' bodies and addresses: cleared.
    MailBodies,
    /// The audit and access log: deleted.
    AuditLog,
    /// Expired sessions: deleted.
    Sessions,
    /// Expired or used single-use links: deleted.
    Links,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Registrations,
        Rule::ContactMessages,
        Rule::HostingRequests,
        Rule::Messages,
        Rule::RelationshipNotes,
        Rule::MailBodies,
        Rule::AuditLog,
        Rule::Sessions,
        Rule::Links,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Rule::Registrations => "registrations",
            Rule::ContactMessages => "contact_messages",
            Rule::HostingRequests => "hosting_requests",
            Rule::Messages => "messages",
            Rule::RelationshipNotes => "relationship_notes",
            Rule::MailBodies => "mail_bodies",
            Rule::AuditLog => "audit_log",
            Rule::Sessions => "sessions",
            Rule::Links => "links",
        }
    }
}

impl Tx {
    /// The rows a retention rule clears, as of `cutoff` (at most `limit`): their keys.
    pub async fn retention_candidates(
        &mut self,
        rule: Rule,
        cutoff: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<String>> {
        let backend = self.backend();
        let id_text = match backend {
            Backend::Sqlite => "lower(hex({t}.id))",
            Backend::Postgres => "{t}.id::text",
        };
        let key = |table: &str| Expr::cust(id_text.replace("{t}", table));
        let mut q = match rule {
            Rule::Registrations => Query::select()
                .expr_as(key("registrations"), "key")
                .from("registrations")
                .inner_join(
                    "events",
                    Expr::col(("events", "id")).equals(("registrations", "event_id")),
                )
                .and_where(Expr::col(("events", "starts_at")).lt(cutoff))
                .and_where(Expr::col(("registrations", "email")).ne(""))
                .and_where(
                    Expr::col(("registrations", "email_folded")).not_in_subquery(
                        Query::select()
                            .column("email_folded")
                            .from("users")
                            .to_owned(),
                    ),
                )
                .to_owned(),
            Rule::ContactMessages => Query::select()
                .expr_as(key("contact_messages"), "key")
                .from("contact_messages")
                .and_where(Expr::col("closed_at").lt(cutoff))
                .to_owned(),
            Rule::HostingRequests => Query::select()
                .expr_as(key("hosting_requests"), "key")
                .from("hosting_requests")
                .and_where(Expr::col("closed_at").lt(cutoff))
                .to_owned(),
            Rule::Messages => Query::select()
                .expr_as(key("messages"), "key")
                .from("messages")
                .and_where(Expr::col("mentorship_id").in_subquery(closed_before(cutoff)))
                .to_owned(),
            Rule::RelationshipNotes => Query::select()
                .expr_as(key("mentorships"), "key")
                .from("mentorships")
                .and_where(Expr::col("id").in_subquery(closed_before(cutoff)))
                .and_where(
                    Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from("meetings")
                            .and_where(
                                Expr::col(("meetings", "mentorship_id"))
                                    .equals(("mentorships", "id")),
                            )
                            .and_where(Expr::col(("meetings", "private_notes")).ne(""))
                            .to_owned(),
                    )
                    .or(Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from("checkins")
                            .and_where(
                                Expr::col(("checkins", "mentorship_id"))
                                    .equals(("mentorships", "id")),
                            )
                            .and_where(Expr::col(("checkins", "note")).ne(""))
                            .to_owned(),
                    )),
                )
                .to_owned(),
            Rule::MailBodies => Query::select()
                .expr_as(key("outbox"), "key")
                .from("outbox")
                .cond_where(
                    Cond::any()
                        .add(Expr::col("sent_at").lt(cutoff))
                        .add(Expr::col("failed_at").lt(cutoff)),
                )
                .and_where(
                    Expr::col("body_text")
                        .ne("")
                        .or(Expr::col("to_address").ne(""))
                        .or(Expr::col("attachment_body").is_not_null()),
                )
                .to_owned(),
            Rule::AuditLog => Query::select()
                .expr_as(key("audit_log"), "key")
                .from("audit_log")
                .and_where(Expr::col("at").lt(cutoff))
                .to_owned(),
            Rule::Sessions => Query::select()
                .expr_as(Expr::col("id_hash"), "key")
                .from("sessions")
                .and_where(Expr::col("expires_at").lt(cutoff))
                .to_owned(),
            Rule::Links => Query::select()
                .expr_as(Expr::col("token_hash"), "key")
                .from("account_tokens")
                .cond_where(
                    Cond::any()
                        .add(Expr::col("expires_at").lt(cutoff))
                        .add(Expr::col("used_at").is_not_null()),
                )
                .to_owned(),
        };
        q.order_by_expr(Expr::cust("1"), Order::Asc).limit(limit);
        Ok(db::fetch_all::<Key>(self, &q)
            .await?
            .into_iter()
            .map(|k| k.key)
            .collect())
    }

    /// Applies a retention rule to the rows `keys` named (from
    /// [`Tx::retention_candidates`]).
    pub async fn apply_retention(&mut self, rule: Rule, keys: &[String]) -> Result<()> {
        let ids: Vec<Uuid> = keys
            .iter()
            .filter_map(|k| Uuid::parse_str(k).ok())
            .collect();
        for chunk in keys.chunks(500) {
            let texts = chunk.iter().cloned();
            let statement = match rule {
                Rule::Sessions => Query::delete()
                    .from_table("sessions")
                    .and_where(Expr::col("id_hash").is_in(texts))
                    .to_owned(),
                Rule::Links => Query::delete()
                    .from_table("account_tokens")
                    .and_where(Expr::col("token_hash").is_in(texts))
                    .to_owned(),
                _ => break,
            };
            db::execute(self, &statement).await?;
        }
        for chunk in ids.chunks(500) {
            let these = || chunk.iter().copied();
            match rule {
                Rule::Registrations => {
                    for id in these() {
                        pseudonymise_registration(self, id).await?;
                    }
                }
                Rule::ContactMessages | Rule::HostingRequests | Rule::Messages | Rule::AuditLog => {
                    let table = match rule {
                        Rule::ContactMessages => "contact_messages",
                        Rule::HostingRequests => "hosting_requests",
                        Rule::Messages => "messages",
                        _ => "audit_log",
                    };
                    if rule == Rule::Messages {
                        let reports = Query::update()
                            .table("mentorship_reports")
                            .value("message_id", Option::<Uuid>::None)
                            .and_where(Expr::col("message_id").is_in(these()))
                            .to_owned();
                        db::execute(self, &reports).await?;
                    }
                    let q = Query::delete()
                        .from_table(table)
                        .and_where(Expr::col("id").is_in(these()))
                        .to_owned();
                    db::execute(self, &q).await?;
                }
                Rule::RelationshipNotes => {
                    let meetings = Query::update()
                        .table("meetings")
                        .value("private_notes", "")
                        .and_where(Expr::col("mentorship_id").is_in(these()))
                        .to_owned();
                    let checkins = Query::update()
                        .table("checkins")
                        .value("note", "")
                        .and_where(Expr::col("mentorship_id").is_in(these()))
                        .to_owned();
                    db::execute(self, &meetings).await?;
                    db::execute(self, &checkins).await?;
                }
                Rule::MailBodies => {
                    let q = Query::update()
                        .table("outbox")
                        .value("to_address", "")
                        .value("body_text", "")
                        .value("body_html", "")
                        .value("attachment_body", Option::<String>::None)
                        .and_where(Expr::col("id").is_in(these()))
                        .to_owned();
                    db::execute(self, &q).await?;
                }
                Rule::Sessions | Rule::Links => {}
            }
        }
        Ok(())
    }

    /// Takes the day's sweep: `false` when another instance (or an earlier run) has.
    pub async fn claim_privacy_sweep(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("privacy_sweeps")
            .columns(["day", "started_at"])
            .values_panic([day.into(), now.into()])
            .on_conflict(OnConflict::column("day").do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &q).await? > 0)
    }

    /// Records what a sweep did (its counts, as `rule=n` words).
    pub async fn finish_privacy_sweep(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
        counts: &str,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("privacy_sweeps")
            .columns(["day", "started_at", "finished_at", "counts"])
            .values_panic([day.into(), now.into(), now.into(), counts.into()])
            .on_conflict(
                OnConflict::column("day")
                    .update_columns(["finished_at", "counts"])
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }
}

/// Relationships closed before `cutoff`.
fn closed_before(cutoff: DateTime<Utc>) -> sea_query::SelectStatement {
    Query::select()
        .column("id")
        .from("mentorships")
        .and_where(Expr::col("status").eq("closed"))
        .and_where(Expr::col("closed_at").lt(cutoff))
        .to_owned()
}
